import { replaceLoneSurrogates, stripUnsafeCharacters } from '../text/unsafe-characters';

/**
 * Longest stem in UTF-8 bytes. File systems limit a name to 255 bytes (ext4,
 * APFS) or 255 UTF-16 units (NTFS); the longest suffix we add is
 * `.xsoar-instance.curl.sh` (23 bytes), a copy number from the save dialog a
 * few more. A UTF-8 byte count bounds the UTF-16 count too.
 */
export const MAX_STEM_BYTES = 200;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A file name stem from an instance name, safe on Windows, macOS and Linux:
 * characters Windows forbids become `_`, whitespace runs become `_`, control
 * and bidi characters go, the length is cut by UTF-8 bytes at a whole
 * character, a trailing dot or space (which Windows drops) goes, and a
 * Windows device name (`CON`, `NUL.txt`, `COM1`, …) gets a `_` in front.
 */
export function safeFileStem(instanceName: string, fallback = 'instance-settings'): string {
  const cleaned = replaceLoneSurrogates(stripUnsafeCharacters(instanceName), '')
    .trim()
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, '_');
  let stem = cutToBytes(cleaned, MAX_STEM_BYTES).replace(/[. ]+$/, '');
  if (stem === '') return fallback;
  if (WINDOWS_DEVICE.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return stem;
}

/** The longest prefix of `text` whose UTF-8 encoding has at most `maxBytes` bytes; never splits a code point. */
export function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

// `shared/` runs in the renderer too: count UTF-8 bytes without Node's Buffer.
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
