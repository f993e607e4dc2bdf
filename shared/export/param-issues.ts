import type { FieldProblem } from '../errors/app-error';

/** Why a parameter was refused, changed or reported. Stable: tests and the UI switch on it. */
export const ParamIssueCode = Object.freeze({
  /** The key is not a parameter of the integration; it was left out. */
  UnknownParam: 'unknown-param',
  /** The value has the wrong JSON type for the parameter; refused. */
  TypeMismatch: 'type-mismatch',
  /** A boolean given as the string "true"/"false"; converted to a real boolean. */
  BooleanString: 'boolean-string',
  /** A number given where XSOAR stores a string; converted to a string. */
  NumberAsString: 'number-as-string',
  /** A hidden legacy parameter was moved into its `creds_*` twin. */
  LegacyConverted: 'legacy-converted',
  /** A legacy parameter and its `creds_*` twin disagree; refused. */
  LegacyConflict: 'legacy-conflict',
  /** A parameter of another sign-in method was left out. */
  NotApplicable: 'not-applicable',
  /** Parameters of two methods at once; refused. */
  MixedMethods: 'mixed-methods',
  /** A value the mode needs is missing. */
  Missing: 'missing',
  /** A value the integration would reject or crash on. */
  Invalid: 'invalid',
  /** A value was cleaned into the form the integration accepts. */
  Normalized: 'normalized',
  /** A type-9 value refers to a stored XSOAR credential whose content we cannot see. */
  StoredCredential: 'stored-credential',
  /** Secrets are excluded but a secret value is present. */
  SecretNotRedacted: 'secret-not-redacted',
  /** Secrets are included but a value is still a placeholder. */
  SecretUnresolved: 'secret-unresolved',
  /** A secret is a placeholder (import): it must come from the keychain or be entered. */
  SecretPlaceholder: 'secret-placeholder',
} as const);

/** One of the values of {@link ParamIssueCode}. */
export type ParamIssueCode = (typeof ParamIssueCode)[keyof typeof ParamIssueCode];

/**
 * A problem or change found while checking or importing parameters.
 *
 * `error` blocks export and import; `warning` says what was changed or left
 * out and why. Messages never contain secret values.
 */
export interface ParamIssue {
  readonly severity: 'error' | 'warning';
  /** The XSOAR parameter name (or the unknown key as given). */
  readonly param: string;
  readonly code: ParamIssueCode;
  readonly message: string;
}

/** Builds an error issue. */
export function paramError(param: string, code: ParamIssueCode, message: string): ParamIssue {
  return { severity: 'error', param, code, message };
}

/** Builds a warning issue. */
export function paramWarning(param: string, code: ParamIssueCode, message: string): ParamIssue {
  return { severity: 'warning', param, code, message };
}

/** The blocking issues only. */
export function errorsOf(issues: readonly ParamIssue[]): readonly ParamIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

/** Issues as `FieldProblem`s for an `AppError` (field = parameter name). */
export function toFieldProblems(issues: readonly ParamIssue[]): FieldProblem[] {
  return issues.map((i) => ({ field: i.param, message: i.message }));
}
