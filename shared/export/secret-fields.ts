import type { InstanceParams } from '../settings/build-instance-params';
import { credentialValue, type CredentialValue } from '../xsoar/param-types';
import { detectMode, type ParamsMode } from './export-mode';

/**
 * The secrets an instance can carry, by what they are (not by where XSOAR keeps them).
 *
 * The same XSOAR parameter can be secret or not depending on the mode:
 * `creds_refresh_token` holds a refresh token in XSOAR-app mode (secret) but
 * the tenant ID in self-deployed mode (not secret). Client IDs, tenant IDs
 * and certificate thumbprints identify but do not authenticate, so they are
 * not secrets.
 */
export const SecretKind = Object.freeze({
  /** XSOAR-app mode: the Token from the oproxy page (a Microsoft refresh token). */
  OproxyToken: 'oproxy-token',
  /** XSOAR-app mode: the Key from the oproxy page (AES key, Base64). */
  OproxyKey: 'oproxy-key',
  /** Self-deployed: the client secret value. */
  ClientSecret: 'client-secret',
  /** Self-deployed: the certificate's PEM private key. */
  CertificatePrivateKey: 'certificate-private-key',
  /** Self-deployed: the one-time authorization code. */
  AuthCode: 'auth-code',
} as const);

/** One of the values of {@link SecretKind}. */
export type SecretKind = (typeof SecretKind)[keyof typeof SecretKind];

/** Where a secret sits: the `password` box of a type-9 parameter. */
export interface SecretSlot {
  readonly kind: SecretKind;
  /** The type-9 parameter whose `password` holds it. */
  readonly param: 'creds_refresh_token' | 'creds_enc_key' | 'creds_certificate' | 'creds_auth_code';
  /** The hidden legacy string parameter that holds it in string-only tools (Terraform). */
  readonly legacyParam: 'refresh_token' | 'enc_key' | 'private_key' | 'auth_code';
}

const SLOTS: Readonly<Record<SecretKind, SecretSlot>> = Object.freeze({
  'oproxy-token': { kind: SecretKind.OproxyToken, param: 'creds_refresh_token', legacyParam: 'refresh_token' },
  'oproxy-key': { kind: SecretKind.OproxyKey, param: 'creds_enc_key', legacyParam: 'enc_key' },
  'client-secret': { kind: SecretKind.ClientSecret, param: 'creds_enc_key', legacyParam: 'enc_key' },
  'certificate-private-key': { kind: SecretKind.CertificatePrivateKey, param: 'creds_certificate', legacyParam: 'private_key' },
  'auth-code': { kind: SecretKind.AuthCode, param: 'creds_auth_code', legacyParam: 'auth_code' },
});

/** The secret slots a mode uses, in dialog order. */
export function secretSlotsFor(mode: ParamsMode): readonly SecretSlot[] {
  switch (mode.method) {
    case 'xsoar-app':
      return [SLOTS['oproxy-token'], SLOTS['oproxy-key']];
    case 'self-deployed':
      return mode.credential === 'secret'
        ? [SLOTS['client-secret'], SLOTS['auth-code']]
        : [SLOTS['certificate-private-key'], SLOTS['auth-code']];
    case 'managed-identity':
      return [];
  }
}

/** The secret slot held by a parameter in this mode, or `undefined` when that parameter is not secret here. */
export function secretSlotOfParam(mode: ParamsMode, param: string): SecretSlot | undefined {
  return secretSlotsFor(mode).find((s) => s.param === param || s.legacyParam === param);
}

/**
 * The placeholder that stands for a secret left out of an export.
 *
 * It says where the value lives so that whoever fills it in knows where to
 * look, and it is wrapped in angle brackets so that {@link isPlaceholder}
 * recognises it on import.
 */
export function keychainPlaceholder(profileName: string, kind: SecretKind): string {
  const name = profileName.replace(/["<>\r\n]/g, '_');
  return `<stored in keychain: profile "${name}", field ${kind}>`;
}

/**
 * True for a value that stands for a secret instead of being one.
 *
 * No secret this integration takes starts with `<` and ends with `>`
 * (PEM keys start with `-----`), so the brackets are a safe marker.
 */
export function isPlaceholder(value: string): boolean {
  return /^<[^<>\r\n]+>$/.test(value);
}

/** Reads the secret of a slot from a parameter map, or `undefined` when absent. */
export function readSecret(params: InstanceParams, slot: SecretSlot): string | undefined {
  const v = params[slot.param];
  return typeof v === 'object' ? v.password : undefined;
}

/** Returns a copy of `params` with the secret of `slot` replaced by `value` (identifier kept). */
export function writeSecret(params: InstanceParams, slot: SecretSlot, value: string): InstanceParams {
  const current = params[slot.param];
  const identifier = typeof current === 'object' ? current.identifier : '';
  const next: CredentialValue = typeof current === 'object' ? { ...current, password: value } : credentialValue(value, identifier);
  return { ...params, [slot.param]: next };
}

/**
 * Replaces every secret of the params' mode with a placeholder.
 *
 * The default path of every export: the caller resolves nothing from the
 * keychain and passes the result with `secretsIncluded: false`. Slots that
 * are empty stay empty, so the export still refuses a missing secret.
 */
export function redactSecrets(params: InstanceParams, placeholderFor: (kind: SecretKind) => string): InstanceParams {
  // An empty slot stays empty: a placeholder would claim a secret that does not exist.
  return secretSlotsFor(detectMode(params)).reduce((acc, slot) => ((readSecret(acc, slot) ?? '') === '' ? acc : writeSecret(acc, slot, placeholderFor(slot.kind))), params);
}

/** Secrets keyed by kind, as the keychain and the encrypted bundle hold them. */
export type SecretMap = Partial<Record<SecretKind, string>>;

/** Splits the secrets out of a parameter map: secret slots become empty strings. */
export function splitSecrets(params: InstanceParams): { readonly settings: InstanceParams; readonly secrets: SecretMap } {
  let settings = params;
  const secrets: Record<string, string> = {};
  for (const slot of secretSlotsFor(detectMode(params))) {
    const value = readSecret(params, slot);
    if (value === undefined) continue;
    secrets[slot.kind] = value;
    settings = writeSecret(settings, slot, '');
  }
  return { settings, secrets: secrets as SecretMap };
}

/** Puts secrets back into their slots (inverse of {@link splitSecrets}); kinds the mode does not use are ignored. */
export function mergeSecrets(settings: InstanceParams, secrets: SecretMap): InstanceParams {
  return secretSlotsFor(detectMode(settings)).reduce((acc, slot) => {
    const value = secrets[slot.kind];
    return value === undefined ? acc : writeSecret(acc, slot, value);
  }, settings);
}

/**
 * The secrets an imported parameter map actually carries, by kind:
 * placeholders and empty slots are left out, so that only real values
 * reach the keychain.
 */
export function realSecrets(params: InstanceParams): SecretMap {
  const out: Record<string, string> = {};
  for (const [kind, value] of Object.entries(splitSecrets(params).secrets)) {
    if (value.trim() !== '' && !isPlaceholder(value.trim())) out[kind] = value;
  }
  return out as SecretMap;
}
