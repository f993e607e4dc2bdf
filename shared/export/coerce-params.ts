import { quoteExcerpt } from '../text/excerpt';
import type { InstanceParams } from '../settings/build-instance-params';
import { findParam, PARAM_TABLE, paramLabel, type ParamDefinition } from '../xsoar/param-table';
import { ParamType, type CredentialValue, type ParamValue } from '../xsoar/param-types';
import { ParamIssueCode, paramError, paramWarning, type ParamIssue } from './param-issues';

/** The result of reading untyped parameters: the typed map plus every issue found. */
export interface CoerceResult {
  readonly params: InstanceParams;
  readonly issues: readonly ParamIssue[];
}

// These three are read with plain Python truthiness (spec §1.4), so the
// string "false" is true to the integration; the others go through argToBoolean.
const TRUTHINESS_PARAMS = new Set(['self_deployed', 'insecure', 'proxy']);

// Parameters that the integration passes through int(); a YAML author who
// writes `fetch_limit: 50` means the string "50".
const NUMERIC_STRING_PARAMS = new Set(['fetch_limit', 'incidentFetchInterval']);

/**
 * Turns an untyped `name → value` object (from JSON, YAML or a REST body)
 * into {@link InstanceParams}.
 *
 * Keys are matched by name, or by the dialog label as demisto-sdk and the
 * Terraform providers also allow. Unknown keys are reported and left out;
 * wrong JSON types are refused naming the parameter; harmless spellings
 * (booleans as "true"/"false", numbers for numeric strings) are converted
 * with a warning. Semantic rules are {@link checkParams}'s job.
 */
export function coerceParams(raw: Readonly<Record<string, unknown>>): CoerceResult {
  const params: Record<string, ParamValue> = {};
  const issues: ParamIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const def = findParam(key) ?? findByLabel(key);
    if (def === undefined) {
      issues.push(paramWarning(key, ParamIssueCode.UnknownParam, `${quoteExcerpt(key)} is not a parameter of Microsoft Graph Mail Single User; it was left out.`));
      continue;
    }
    if (def.name !== key) {
      issues.push(paramWarning(def.name, ParamIssueCode.Normalized, `${quoteExcerpt(key)} was read as the parameter "${def.name}".`));
    }
    if (def.name in params) {
      issues.push(paramError(def.name, ParamIssueCode.TypeMismatch, `The parameter "${def.name}" is given twice.`));
      continue;
    }
    if (value === null || value === undefined) {
      issues.push(paramWarning(def.name, ParamIssueCode.Normalized, `"${def.name}" is null; it was left out (an unset parameter must be absent, not null).`));
      continue;
    }
    const coerced = coerceValue(def, value, issues);
    if (coerced !== undefined) params[def.name] = coerced;
  }
  return { params: params as InstanceParams, issues };
}

function findByLabel(key: string): ParamDefinition | undefined {
  return (PARAM_TABLE as readonly ParamDefinition[]).find((p) => !p.hidden && paramLabel(p) === key);
}

function coerceValue(def: ParamDefinition, value: unknown, issues: ParamIssue[]): ParamValue | undefined {
  switch (def.type) {
    case ParamType.Auth:
      return coerceCredential(def, value, issues);
    case ParamType.Boolean:
      return coerceBoolean(def, value, issues);
    case ParamType.String:
    case ParamType.Encrypted:
    case ParamType.IncidentType:
    case ParamType.TextAreaEncrypted:
    case ParamType.Interval:
      return coerceString(def, value, issues);
  }
}

function coerceString(def: ParamDefinition, value: unknown, issues: ParamIssue[]): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && NUMERIC_STRING_PARAMS.has(def.name)) {
    issues.push(paramWarning(def.name, ParamIssueCode.NumberAsString, `"${def.name}" was given as the number ${value}; XSOAR stores it as the string "${value}".`));
    return String(value);
  }
  issues.push(paramError(def.name, ParamIssueCode.TypeMismatch, `"${def.name}" must be a string (XSOAR type ${def.type}), not ${describe(value)}.`));
  return undefined;
}

function coerceBoolean(def: ParamDefinition, value: unknown, issues: ParamIssue[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    const b = value.trim().toLowerCase() === 'true';
    const why = TRUTHINESS_PARAMS.has(def.name)
      ? ` The integration reads "${def.name}" by plain truthiness, so any non-empty string, even "false", would mean true.`
      : '';
    issues.push(paramWarning(def.name, ParamIssueCode.BooleanString, `"${def.name}" was given as the string ${quoteExcerpt(String(value))} and is exported as the boolean ${b}.${why}`));
    return b;
  }
  issues.push(paramError(def.name, ParamIssueCode.TypeMismatch, `"${def.name}" must be a boolean (true or false), not ${describe(value)}.`));
  return undefined;
}

function coerceCredential(def: ParamDefinition, value: unknown, issues: ParamIssue[]): CredentialValue | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(paramError(def.name, ParamIssueCode.TypeMismatch,
      `"${def.name}" must be an object {credential, identifier, password, passwordChanged}, not ${describe(value)}: the integration reads it with .get() and crashes on anything else before any command runs.`));
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const credential = v.credential ?? '';
  const identifier = v.identifier ?? '';
  const password = v.password ?? '';
  const passwordChanged = v.passwordChanged ?? false;
  const extra = Object.keys(v).filter((k) => !['credential', 'identifier', 'password', 'passwordChanged'].includes(k));
  if (typeof credential !== 'string' || typeof identifier !== 'string' || typeof password !== 'string' || typeof passwordChanged !== 'boolean' || extra.length > 0) {
    issues.push(paramError(def.name, ParamIssueCode.TypeMismatch,
      `"${def.name}" must have string "credential", "identifier" and "password" and a boolean "passwordChanged"${extra.length > 0 ? `; unexpected key(s): ${extra.join(', ')}` : ''}.`));
    return undefined;
  }
  if (credential !== '') {
    issues.push(paramError(def.name, ParamIssueCode.StoredCredential,
      `"${def.name}" refers to the stored XSOAR credential ${quoteExcerpt(credential)}, whose content this file does not carry. Enter the value itself.`));
    return undefined;
  }
  // passwordChanged is a server-side edit marker, not a setting; we always emit false (spec §1.3).
  return { credential: '', identifier, password, passwordChanged: false };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') return 'a string';
  return `the ${typeof value} ${quoteExcerpt(String(value))}`;
}
