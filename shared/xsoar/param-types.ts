/**
 * XSOAR integration parameter type numbers (demisto-sdk `ParameterType`).
 *
 * Only the types this integration uses are listed; see the spec §1.1.
 */
export const ParamType = Object.freeze({
  String: 0,
  Encrypted: 4,
  Boolean: 8,
  Auth: 9,
  IncidentType: 13,
  TextAreaEncrypted: 14,
  Interval: 19,
} as const);

/** One of the values of {@link ParamType}. */
export type ParamType = (typeof ParamType)[keyof typeof ParamType];

/**
 * The value of a type-9 ("Authentication") parameter as XSOAR stores it.
 *
 * The integration reads `password` (and, for `creds_certificate`, also
 * `identifier`). A type-9 value sent as a bare string crashes the
 * integration before any command runs, so this shape is the only one we emit.
 */
export interface CredentialValue {
  readonly credential: string;
  readonly identifier: string;
  readonly password: string;
  readonly passwordChanged: boolean;
}

/** Builds a typed-in (not stored-credential) type-9 value. */
export function credentialValue(password: string, identifier = ''): CredentialValue {
  return { credential: '', identifier, password, passwordChanged: false };
}

/** A parameter value as exported: strings, JSON booleans or type-9 objects. */
export type ParamValue = string | boolean | CredentialValue;
