import { findParam, type ParamName } from '../xsoar/param-table';
import { credentialValue, type CredentialValue } from '../xsoar/param-types';
import type { StoredInstance, StoredDataEntry } from '../xsoar/instance-update';

/** The one credential value a rotation gives the instance. */
export type CredentialParam =
  | { readonly kind: 'client-secret'; readonly secret: string }
  | { readonly kind: 'certificate'; readonly sha1Thumbprint: string; readonly privateKeyPem: string };

/** The instance parameter a credential lives in. */
export function credentialParamName(kind: CredentialParam['kind']): ParamName {
  return kind === 'client-secret' ? 'creds_enc_key' : 'creds_certificate';
}

function valueOf(c: CredentialParam): CredentialValue {
  const v = c.kind === 'client-secret' ? credentialValue(c.secret.trim()) : credentialValue(c.privateKeyPem, c.sha1Thumbprint.toUpperCase());
  // Marked changed so the server stores the new plain text (spec A3).
  return { ...v, passwordChanged: true };
}

/**
 * The `PUT /settings/integration` body that changes only the instance's client secret or certificate: the stored
 * instance as it is (every other entry byte-identical, so nothing else the instance holds — and not the integration
 * context with its refresh token, which no instance parameter touches — changes), with its current `version` so a
 * concurrent edit is refused rather than overwritten.
 */
export function credentialUpdateBody(stored: StoredInstance, credential: CredentialParam): Readonly<Record<string, unknown>> {
  const name = credentialParamName(credential.kind);
  const value = valueOf(credential);
  const present = stored.data.some((e) => e.name === name);
  const data: StoredDataEntry[] = stored.data.map((e) => (e.name === name ? { ...e, value, hasvalue: true } : e));
  if (!present) {
    const def = findParam(name);
    data.push({ name, type: def?.type ?? 9, display: def?.display ?? '', ...(def?.displaypassword === undefined ? {} : { displaypassword: def.displaypassword }), required: false, hidden: def?.hidden ?? false, value, hasvalue: true });
  }
  return { ...stored, data, version: stored.version };
}
