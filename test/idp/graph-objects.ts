import { randomUUID, X509Certificate } from 'node:crypto';
import type {
  GraphApplication,
  GraphKeyCredential,
  GraphPasswordCredential,
  GraphPermissionGrant,
  GraphRequiredResourceAccess,
  GraphResourceAccess,
} from '../../shared/entra/registration-model';

// The fake Graph serves the very shapes the app reads (shared/entra/registration-model.ts); its objects only add
// what Graph keeps beyond them (start dates, owners, the secret text the token endpoint checks) and narrow the rest.

/** A client secret as Graph lists it; `secretText` is kept only so the token endpoint can check it. */
export interface PasswordCredentialObject extends GraphPasswordCredential {
  /** First three characters of the secret. */
  readonly hint: string;
  readonly startDateTime: string;
  readonly secretText: string;
}

/** An uploaded certificate (public part only) as Graph lists it. */
export interface KeyCredentialObject extends GraphKeyCredential {
  readonly type: 'AsymmetricX509Cert';
  readonly usage: 'Verify';
  /** Base64 of the DER certificate (Graph returns it only with `$select=keyCredentials`). */
  readonly key: string;
  readonly startDateTime: string;
  /** Upper-case hex SHA-1 thumbprint (Graph's default). */
  readonly customKeyIdentifier: string;
}

/** One entry of requiredResourceAccess. */
export type ResourceAccessEntry = GraphResourceAccess;

/** The permissions an app requires from one resource. */
export type RequiredResourceAccess = GraphRequiredResourceAccess;

/** An application object, in Graph's shape (the fields the assistant reads and writes). */
export interface ApplicationObject extends GraphApplication {
  readonly uniqueName: string | null;
  readonly passwordCredentials: readonly PasswordCredentialObject[];
  readonly keyCredentials: readonly KeyCredentialObject[];
  /** Object ids of the owners (the creator becomes one). */
  readonly owners: readonly string[];
}

/** A delegated permission grant (`oauth2PermissionGrant`). */
export type PermissionGrantObject = GraphPermissionGrant;

/** A PEM certificate from the base64 DER Graph stores. */
export function pemFromDerBase64(der: string): string {
  const lines = der.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A key credential for a PEM certificate, dated by the certificate itself. */
export function keyCredentialFromPem(pem: string, displayName: string | null = null): KeyCredentialObject {
  const cert = new X509Certificate(pem);
  return {
    keyId: randomUUID(),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    key: cert.raw.toString('base64'),
    displayName: displayName ?? cert.subject.replaceAll('\n', ', '),
    startDateTime: new Date(cert.validFrom).toISOString(),
    endDateTime: new Date(cert.validTo).toISOString(),
    customKeyIdentifier: cert.fingerprint.replaceAll(':', '').toUpperCase(),
  };
}

/** A password credential for a known secret value (tests registering an app with `secrets`). */
export function passwordCredentialFor(secretText: string, now: number, displayName: string | null = null): PasswordCredentialObject {
  return {
    keyId: randomUUID(),
    displayName,
    hint: secretText.slice(0, 3),
    startDateTime: new Date(now).toISOString(),
    endDateTime: new Date(now + 2 * 365 * 86_400_000).toISOString(),
    secretText,
  };
}
