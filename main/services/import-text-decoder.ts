import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { parseYamlQuietly } from '../../shared/export/yaml-quiet-parse';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Decodes an import file's bytes to text, refusing what would silently
 * change a value.
 *
 * A byte-order mark picks the encoding: UTF-8 (dropped), or UTF-16 LE/BE
 * (what Windows PowerShell 5's `>` and `Out-File` write). Without one, the
 * text must be valid UTF-8: bytes that are not would become U+FFFD and a
 * secret would be stored changed, so the file is refused, naming the
 * parameter whose value holds them (never the value). A UTF-16 file without
 * a BOM, or UTF-32, is named as such.
 */
export function decodeImportText(bytes: Uint8Array): Result<string> {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return fail(appError(ErrorCode.ImportInvalid, 'The file is UTF-32 text; save it as UTF-8 (or UTF-16) and import it again.'));
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictUtf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be');
  // Every other byte zero in the first characters: UTF-16 without a byte-order mark.
  if (bytes.length >= 4 && ((bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0))) {
    return fail(appError(ErrorCode.ImportInvalid, 'The file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and import it again.'));
  }
  return strictUtf8(bytes);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<string> {
  try {
    return ok(new TextDecoder(encoding, { fatal: true }).decode(bytes));
  } catch {
    return fail(appError(ErrorCode.ImportInvalid, `The file starts as ${encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'} text but is damaged (an odd number of bytes or a broken character); save it again as UTF-8.`));
  }
}

function strictUtf8(bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const lossy = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const params = paramsWithReplacement(lossy);
    const where = params.length > 0
      ? `the value of ${params.map((p) => `"${p}"`).join(', ')} contains`
      : `line ${lineOfFirstInvalidByte(bytes)} contains`;
    return fail(appError(ErrorCode.ImportInvalid, `The file is not valid UTF-8 text: ${where} bytes that are not UTF-8 (saved in another encoding, or damaged). A secret read from it would be wrong, so nothing was imported; save the file as UTF-8 or copy the value again.`, {
      fields: params.map((field) => ({ field, message: 'holds bytes that are not UTF-8 text' })),
    }));
  }
}

// Which parameters hold the replacement character once decoded leniently (a flat object or a REST data[] list).
function paramsWithReplacement(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const yaml = parseYamlQuietly(text);
    if (!yaml.ok) return [];
    value = yaml.value;
  }
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const entries: Array<[string, unknown]> = Array.isArray(record['data'])
    ? (record['data'] as unknown[]).map((e, i) => [typeof (e as { name?: unknown })?.name === 'string' ? (e as { name: string }).name : `data[${i}]`, e])
    : Object.entries(record);
  return entries.filter(([, v]) => JSON.stringify(v)?.includes('\uFFFD')).map(([name]) => name.replace(/\uFFFD/g, '?'));
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  // Binary search for the longest prefix without an invalid byte (streaming: a cut-off last character is fine).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  let line = 1;
  for (let i = 0; i < lo; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
