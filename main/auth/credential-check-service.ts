import { ConfidentialClientApplication, type NodeAuthOptions } from '@azure/msal-node';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { GRAPH_DEFAULT_SCOPE } from '../../shared/oauth/required-permissions';
import type { HttpClient } from '../ports/http-client';
import { msalErrorToAppError, stoppedError } from './auth-errors';
import { msalAuthOptions, msalConfiguration } from './msal-config';
import { OperationScope } from './operation-scope';
import type { TenantResolver } from './tenant-resolver';

/** The app's credential, as the XSOAR instance will hold it. Secrets: never logged, never returned. */
export type ClientCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | {
      readonly kind: 'certificate';
      /** SHA-1 hex thumbprint (what the integration sends as `x5t`). */
      readonly thumbprint?: string;
      /** SHA-256 hex thumbprint (`x5t#S256`); MSAL prefers it when both are given. */
      readonly thumbprintSha256?: string;
      /** Unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`). */
      readonly privateKey: string;
    };

/** What to check. */
export interface CredentialCheckRequest {
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
}

/** A passed check: Entra ID accepted tenant, client ID and credential together. */
export interface CredentialCheckPassed {
  readonly tenantId: string;
  /** When the (discarded) app-only token would expire, ISO 8601. */
  readonly tokenExpiresOn: string | null;
}

/** Default bound of the whole check (tenant lookup, discovery, token request). */
export const CREDENTIAL_CHECK_TIMEOUT_MS = 30_000;

/** MSAL's credential options for one of our credentials. */
export function credentialAuthOptions(credential: ClientCredential): Pick<NodeAuthOptions, 'clientSecret' | 'clientCertificate'> {
  if (credential.kind === 'secret') return { clientSecret: credential.secret };
  return {
    clientCertificate: {
      privateKey: credential.privateKey,
      ...(credential.thumbprint ? { thumbprint: credential.thumbprint } : {}),
      ...(credential.thumbprintSha256 ? { thumbprintSha256: credential.thumbprintSha256 } : {}),
    },
  };
}

/**
 * Proves tenant + client ID + secret/certificate without a user: a client-credentials token request for
 * `https://graph.microsoft.com/.default` with msal-node's `ConfidentialClientApplication`. The token is app-only
 * and thrown away (nothing is cached). Failures come back as data: `auth/aadsts` with the code and its
 * explanation (7000215 wrong secret, 700016 unknown app, 90002 unknown tenant, 700027 certificate not
 * registered, …), `op/cancelled`, `op/timeout`, `auth/network`.
 */
export class CredentialCheckService {
  constructor(
    private readonly http: HttpClient,
    private readonly endpoints: IdentityEndpoints,
    private readonly tenants: TenantResolver,
    private readonly timeoutMs: number = CREDENTIAL_CHECK_TIMEOUT_MS,
  ) {}

  async check(request: CredentialCheckRequest, cancel?: AbortSignal): Promise<Result<CredentialCheckPassed>> {
    const scope = new OperationScope(cancel, this.timeoutMs);
    try {
      const tenant = await this.tenants.resolve(request.tenant, scope.signal);
      if (!tenant.ok) return scope.stopReason ? fail(stoppedError(scope.stopReason, 'The credential check', this.timeoutMs)) : tenant;
      const auth = { ...msalAuthOptions(this.endpoints, tenant.value.tenantId, request.clientId.trim(), tenant.value.authorityMetadata), ...credentialAuthOptions(request.credential) };
      try {
        const app = new ConfidentialClientApplication(msalConfiguration(auth, this.http, scope.signal));
        const result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE], skipCache: true });
        return ok({ tenantId: tenant.value.tenantId, tokenExpiresOn: result?.expiresOn ? result.expiresOn.toISOString() : null });
      } catch (error) {
        if (scope.stopReason) return fail(stoppedError(scope.stopReason, 'The credential check', this.timeoutMs));
        return fail(msalErrorToAppError(error, 'The credential check'));
      }
    } finally {
      scope.dispose();
    }
  }
}
