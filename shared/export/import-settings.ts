import { appError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';
import type { InstanceParams } from '../settings/build-instance-params';
import { findParam, INTEGRATION_BRAND } from '../xsoar/param-table';
import { checkParams } from './check-params';
import { coerceParams } from './coerce-params';
import type { ParamsMode } from './export-mode';
import { errorsOf, ParamIssueCode, paramError, toFieldProblems, type ParamIssue } from './param-issues';
import { candidateSecretValues, scrubIssues } from './scrub-secret-values';
import { parseYamlQuietly } from './yaml-quiet-parse';

/** Settings read from a file, checked by the same rules as export. */
export interface ImportedSettings {
  /** The instance name when the format carries one (REST body), else `null`. */
  readonly instanceName: string | null;
  readonly params: InstanceParams;
  readonly mode: ParamsMode;
  /** Unknown parameters, conversions and placeholders: show them to the user. */
  readonly warnings: readonly ParamIssue[];
}

/** The text formats import understands. */
export type ImportFormat = 'rest' | 'params-json' | 'params-yaml';

/** Largest file import reads; an instance's settings are a few kilobytes. */
export const MAX_IMPORT_BYTES = 1_000_000;

/**
 * Guesses the format of a text file: a JSON object with `brand` and `data`
 * is a REST body, another JSON object is flat parameters, anything else is
 * tried as YAML.
 */
export function detectImportFormat(text: string): ImportFormat {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return 'params-yaml';
  try {
    const value: unknown = JSON.parse(trimmed);
    if (isObject(value) && 'data' in value && 'brand' in value) return 'rest';
  } catch {
    return 'params-yaml';
  }
  return 'params-json';
}

/**
 * Reads settings in any {@link ImportFormat}.
 *
 * All or nothing: on any error nothing is returned but the full list of
 * problems (`import/invalid`, field = parameter name); unknown parameters
 * and conversions come back as warnings.
 */
export function importSettings(text: string, format: ImportFormat = detectImportFormat(text)): Result<ImportedSettings> {
  if (text.length > MAX_IMPORT_BYTES) return fail(appError(ErrorCode.ImportInvalid, 'The file is larger than 1 MB; it is not an instance settings file.'));
  const parsed = parseText(text, format);
  if (!parsed.ok) return parsed;
  const raw = format === 'rest' ? fromRestBody(parsed.value) : fromFlat(parsed.value);
  if (!raw.ok) return raw;
  const coerced = coerceParams(raw.value.params);
  const checked = checkParams(coerced.params, 'any');
  // A parameter refused while reading is then missing for the rule book; report it once.
  const refused = new Set(errorsOf([...raw.value.issues, ...coerced.issues]).map((i) => i.param));
  // Rules never quote a secret field, but a misread file keeps secrets where public values belong.
  const issues = scrubIssues([...raw.value.issues, ...coerced.issues, ...checked.issues.filter((i) => !refused.has(i.param))], candidateSecretValues(raw.value.params));
  const errors = errorsOf(issues);
  if (errors.length > 0) {
    // The problems travel in `fields` only: the CLI and the import dialog list them under this one line.
    const fields = toFieldProblems(errors);
    return fail(appError(ErrorCode.ImportInvalid, `The file cannot be imported: ${fields.length === 1 ? 'one problem was' : `${fields.length} problems were`} found.`, { fields }));
  }
  return ok({ instanceName: raw.value.instanceName, params: checked.params, mode: checked.mode, warnings: issues });
}

function parseText(text: string, format: ImportFormat): Result<unknown> {
  if (format === 'params-yaml') return parseYamlQuietly(text);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    // V8's JSON messages may quote a few characters of the text (`Unexpected token 'x', "…" is not valid JSON`): keep the position only.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    const end = text.trimEnd().length;
    const where = position === undefined ? (/end of JSON input/.test(String(error)) ? ': it ends too early (cut off?)' : '') : Number(position) >= end ? ': it ends too early (cut off?)' : ` at ${lineColumn(text, Number(position))}`;
    return fail(appError(ErrorCode.ImportInvalid, `The file is not valid JSON${where}.`));
  }
}

interface RawSettings {
  readonly instanceName: string | null;
  readonly params: Record<string, unknown>;
  readonly issues: readonly ParamIssue[];
}

function fromFlat(value: unknown): Result<RawSettings> {
  if (!isObject(value)) return fail(appError(ErrorCode.ImportInvalid, 'Flat parameters must be an object of parameter name → value.'));
  return ok({ instanceName: null, params: value, issues: [] });
}

function fromRestBody(value: unknown): Result<RawSettings> {
  if (!isObject(value)) return fail(appError(ErrorCode.ImportInvalid, 'A REST body must be a JSON object.'));
  if (value.brand !== INTEGRATION_BRAND) {
    return fail(appError(ErrorCode.ImportInvalid, `This instance is of the integration ${JSON.stringify(value.brand)}, not "${INTEGRATION_BRAND}".`));
  }
  if (!Array.isArray(value.data)) return fail(appError(ErrorCode.ImportInvalid, 'The REST body has no "data" list of parameters.'));
  // No prototype: names such as "constructor" or "__proto__" are plain (unknown) keys, not inherited members.
  const params: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const issues: ParamIssue[] = [];
  value.data.forEach((entry: unknown, index: number) => {
    if (!isObject(entry) || typeof entry.name !== 'string') {
      issues.push(paramError(`data[${index}]`, ParamIssueCode.TypeMismatch, `data[${index}] is not a parameter entry with a "name".`));
      return;
    }
    // TF-1/TF-2 style entries for unset parameters carry hasvalue false: they set nothing.
    if (entry.hasvalue === false) return;
    const def = findParam(entry.name);
    if (def !== undefined && 'type' in entry && entry.type !== def.type) {
      issues.push(paramError(entry.name, ParamIssueCode.TypeMismatch, `"${entry.name}" is declared as type ${String(entry.type)} but the integration defines it as type ${def.type}.`));
      return;
    }
    if (Object.hasOwn(params, entry.name)) {
      issues.push(paramError(entry.name, ParamIssueCode.TypeMismatch, `The parameter "${entry.name}" appears twice in data[].`));
      return;
    }
    params[entry.name] = entry.value;
  });
  const instanceName = typeof value.name === 'string' && value.name.trim() !== '' ? value.name.trim() : null;
  return ok({ instanceName, params, issues });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `line L, column C` (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
