/**
 * The self-deployed Entra ID app method's non-secret data.
 *
 * The client secret, the certificate's private key and the authorization
 * code live in the keychain; only public values are kept here (the
 * certificate's PEM and thumbprints are public: they are uploaded to Entra ID).
 */

/** How the app proves its identity to Entra ID. */
export type SelfDeployedCredentialKind = 'secret' | 'certificate';

/** Public facts about the certificate whose private key the keychain holds. Never the key. */
export interface SelfDeployedCertificate {
  /** SHA-1 of the DER certificate: 40 upper-case hex characters (`creds_certificate.identifier`). */
  readonly sha1Thumbprint: string;
  /** SHA-256 of the DER certificate: 64 upper-case hex characters. */
  readonly sha256Thumbprint: string;
  /** Subject as OpenSSL prints it, e.g. `CN=xsoar-graph-mail`. */
  readonly subject: string;
  /** ISO 8601 instant after which Entra ID refuses the certificate. */
  readonly notAfter: string;
  /** The public certificate (PEM), what is uploaded to the app registration. */
  readonly certificatePem: string;
}

/** Where a new certificate comes from, as chosen on the credential step. */
export type CertificateSource = 'generate' | 'pem' | 'pfx';

/**
 * What the analyst chose and typed for a certificate not made yet: the
 * source tab and the generate inputs. Kept in the draft so navigation never
 * discards it; nothing here is secret (pasted keys and passphrases stay in
 * the page's memory for the session, never in the profile).
 */
export interface CertificateRequestDraft {
  readonly source: CertificateSource;
  /** Subject common name, as typed. */
  readonly commonName: string;
  /** Validity in days, as typed (checked when generating). */
  readonly validityDays: string;
  readonly keySize: 2048 | 4096;
}

/** The generate inputs' defaults. */
export const DEFAULT_CERTIFICATE_REQUEST: CertificateRequestDraft = { source: 'generate', commonName: 'xsoar-graph-mail', validityDays: '365', keySize: 2048 };

/** The self-deployed block of a draft. */
export interface SelfDeployedDraft {
  /** Directory (tenant) ID or verified domain, as typed. */
  readonly tenant: string;
  /** The tenant GUID the typed value resolved to (lower case), or `''` when not resolved yet. */
  readonly resolvedTenantId: string;
  /** Application (client) ID. */
  readonly clientId: string;
  /** The Web redirect URI the XSOAR instance uses (`redirect_uri`). */
  readonly redirectUri: string;
  readonly credentialKind: SelfDeployedCredentialKind;
  /** The certificate, once imported or generated; `null` otherwise. */
  readonly certificate: SelfDeployedCertificate | null;
  /** When the authorization code in the keychain was obtained (ISO 8601), or `''`. Drives the 10-minute countdown. */
  readonly authCodeObtainedAt: string;
  /** The certificate inputs as last typed; absent until the analyst changes one (then {@link DEFAULT_CERTIFICATE_REQUEST} applies). */
  readonly certificateRequest?: CertificateRequestDraft;
}

/** The redirect URI the XSOAR documentation suggests. */
export const DEFAULT_XSOAR_REDIRECT_URI = 'https://localhost';

/** How long Entra ID accepts an authorization code (its lifetime is about 10 minutes). */
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;

/** An empty block with the suggested redirect URI. */
export function emptySelfDeployedDraft(): SelfDeployedDraft {
  return {
    tenant: '',
    resolvedTenantId: '',
    clientId: '',
    redirectUri: DEFAULT_XSOAR_REDIRECT_URI,
    credentialKind: 'secret',
    certificate: null,
    authCodeObtainedAt: '',
  };
}

/** The tenant value for `creds_refresh_token`: the resolved GUID when known, else what was typed. */
export function effectiveTenant(block: SelfDeployedDraft): string {
  return block.resolvedTenantId !== '' ? block.resolvedTenantId : block.tenant.trim();
}
