import { parseDocument, type YAMLError } from 'yaml';
import { appError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';

/**
 * Parses YAML without letting the library say anything on its own.
 *
 * The yaml library reports warnings (an unknown tag such as `!x`) through
 * `process.emitWarning` with the offending source line, which on a settings
 * file may be a secret, and its error messages quote the source too. Here
 * `logLevel: 'silent'` stops the former, and every problem is reported by
 * position and code only. A warning refuses the file: a settings file has no
 * use for custom tags, and a value read despite one may not be what its
 * author meant.
 */
export function parseYamlQuietly(text: string): Result<unknown> {
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent', prettyErrors: true });
  } catch (error) {
    return fail(appError(ErrorCode.ImportInvalid, `The file is not valid YAML${error instanceof Error && error.name === 'ReferenceError' ? ' (an alias refers to nothing)' : ''}.`));
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    const kind = doc.errors.length > 0 ? 'is not valid YAML' : 'uses a YAML feature settings files do not use';
    return fail(appError(ErrorCode.ImportInvalid, `The file ${kind}: ${describe(problem)}.`));
  }
  try {
    return ok(doc.toJS({ maxAliasCount: 10 }) as unknown);
  } catch {
    return fail(appError(ErrorCode.ImportInvalid, 'The file is not valid YAML: its aliases expand too far or refer to nothing.'));
  }
}

// Position and a fixed wording per code; never the library's message, which quotes the source.
const WORDING: Readonly<Record<string, string>> = {
  TAG_RESOLVE_FAILED: 'an unknown tag (a word starting with "!")',
  DUPLICATE_KEY: 'a key given twice',
  BAD_INDENT: 'wrong indentation',
  MISSING_CHAR: 'a missing quote or bracket',
  MULTILINE_IMPLICIT_KEY: 'a key spread over several lines',
  BAD_ALIAS: 'an alias that refers to nothing',
  UNEXPECTED_TOKEN: 'an unexpected character',
};

function describe(error: YAMLError): string {
  const where = error.linePos?.[0];
  const at = where === undefined ? '' : `line ${where.line}, column ${where.col}: `;
  return `${at}${WORDING[error.code] ?? error.code.toLowerCase().replace(/_/g, ' ')}`;
}
