import { safeFileStem } from './file-stem';
import { appError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';
import type { InstanceParams } from '../settings/build-instance-params';
import { checkInstanceName } from '../validation/field-rules';
import { checkParams } from './check-params';
import type { ParamsMode } from './export-mode';
import { errorsOf, toFieldProblems, type ParamIssue } from './param-issues';

/**
 * What every exporter takes: the instance name, the parameter map and
 * whether its secret slots hold real values or placeholders.
 *
 * With `secretsIncluded: false` the caller passes placeholders (see
 * `redactSecrets` and `keychainPlaceholder`); the check refuses a real secret
 * there, so a wiring mistake cannot leak one into a file.
 */
export interface ExportInput {
  /** The XSOAR instance name (not a parameter; REST `name`, Terraform `name`). */
  readonly instanceName: string;
  readonly params: InstanceParams;
  readonly secretsIncluded: boolean;
}

/** An {@link ExportInput} that passed every check, with normalized values. */
export interface CheckedExport {
  readonly instanceName: string;
  readonly params: InstanceParams;
  readonly mode: ParamsMode;
  readonly secretsIncluded: boolean;
  /** What was normalized on the way (shown to the user beside the export). */
  readonly warnings: readonly ParamIssue[];
}

/**
 * Runs the shared rule book on an export input.
 *
 * Refuses with `config/invalid` listing every problem (field = parameter
 * name, or `instanceName`), so the user fixes all of them in one pass.
 */
export function prepareExport(input: ExportInput): Result<CheckedExport> {
  const checked = checkParams(input.params, input.secretsIncluded ? 'included' : 'excluded');
  const nameProblem = checkInstanceName(input.instanceName);
  const errors = errorsOf(checked.issues);
  if (errors.length > 0 || nameProblem !== null) {
    const fields = [...(nameProblem === null ? [] : [{ field: 'instanceName', message: nameProblem }]), ...toFieldProblems(errors)];
    return fail(appError(ErrorCode.ConfigInvalid, `The settings cannot be exported: ${fields.map((f) => `${f.field}: ${f.message}`).join(' ')}`, { fields }));
  }
  return ok({
    instanceName: input.instanceName.trim(),
    params: checked.params,
    mode: checked.mode,
    secretsIncluded: input.secretsIncluded,
    warnings: checked.issues.filter((i) => i.severity === 'warning'),
  });
}

/** A file an export produces. The first file of an artifact is the main one. */
export interface ExportFile {
  /** Suggested file name (no directory). */
  readonly fileName: string;
  readonly mediaType: 'application/json' | 'application/yaml' | 'text/x-shellscript' | 'text/x-terraform' | 'text/markdown' | 'text/html';
  readonly text: string;
  /** True when the text contains secret values; write with mode 0600 and warn. */
  readonly containsSecrets: boolean;
}

/** The output of one export: its files plus what was normalized on the way. */
export interface ExportArtifact {
  readonly files: readonly ExportFile[];
  readonly warnings: readonly ParamIssue[];
}

/** A file name stem from an instance name, safe on Windows, macOS and Linux (see {@link safeFileStem}). */
export function fileStem(instanceName: string): string {
  return safeFileStem(instanceName);
}
