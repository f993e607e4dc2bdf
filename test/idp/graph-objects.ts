import { randomUUID, X509Certificate } from 'node:crypto';

/** A client secret as Graph lists it; `secretText` is kept only so the token endpoint can check it. */
export interface PasswordCredentialObject {
  readonly keyId: string;
  readonly displayName: string | null;
  /** First three characters of the secret. */
  readonly hint: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly secretText: string;
}

/** An uploaded certificate (public part only) as Graph lists it. */
export interface KeyCredentialObject {
  readonly keyId: string;
  readonly type: 'AsymmetricX509Cert';
  readonly usage: 'Verify';
  /** Base64 of the DER certificate (Graph returns it only with `$select=keyCredentials`). */
  readonly key: string;
  readonly displayName: string | null;
  readonly startDateTime: string;
  readonly endDateTime: string;
  /** Upper-case hex SHA-1 thumbprint (Graph's default). */
  readonly customKeyIdentifier: string;
}

/** One entry of requiredResourceAccess. */
export interface ResourceAccessEntry {
  readonly id: string;
  readonly type: 'Scope' | 'Role';
}

/** The permissions an app requires from one resource. */
export interface RequiredResourceAccess {
  readonly resourceAppId: string;
  readonly resourceAccess: readonly ResourceAccessEntry[];
}

/** An application object, in Graph's shape (the fields the assistant reads and writes). */
export interface ApplicationObject {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly uniqueName: string | null;
  readonly signInAudience: string;
  readonly tags: readonly string[];
  readonly web: { readonly redirectUris: readonly string[] };
  readonly publicClient: { readonly redirectUris: readonly string[] };
  readonly requiredResourceAccess: readonly RequiredResourceAccess[];
  readonly passwordCredentials: readonly PasswordCredentialObject[];
  readonly keyCredentials: readonly KeyCredentialObject[];
  /** Object ids of the owners (the creator becomes one). */
  readonly owners: readonly string[];
}

/** A delegated permission grant (`oauth2PermissionGrant`). */
export interface PermissionGrantObject {
  readonly id: string;
  /** Object id of the client's service principal. */
  readonly clientId: string;
  readonly consentType: 'AllPrincipals' | 'Principal';
  readonly principalId: string | null;
  /** Object id of the resource's service principal (Microsoft Graph). */
  readonly resourceId: string;
  /** Permission values separated by spaces. */
  readonly scope: string;
}

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
