import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import { SecretField } from '../../shared/domain/secret-field';
import type { Profile } from '../../shared/domain/profile';
import { ADMIN_SIGN_IN_SCOPES, DEFAULT_BOOTSTRAP_CLIENT_ID, MAILBOX_USER_LOOKUP_SCOPE } from '../../shared/entra/entra-constants';
import type { ProvisioningProgress, ProvisioningStep } from '../../shared/entra/provisioning-steps';
import type { RegistrationFinding } from '../../shared/entra/registration-diff';
import type { ConsentMode } from '../../shared/entra/registration-model';
import type { HttpClient } from '../ports/http-client';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { ProfilesService } from '../services/profiles-service';
import type { SecretsService } from '../services/secrets-service';
import type { AdminSignInService } from './admin-sign-in-service';
import { GraphAdminClient } from './graph-admin-client';
import { RegistrationGraph } from './registration-graph';
import { RegistrationService, type EntraAppError, type ProvisioningMode } from './registration-service';

/** One create, check or repair of a profile's app registration. */
export interface EntraRunRequest {
  readonly profileId: string;
  readonly mode: ProvisioningMode;
  /** Consent for everyone in the tenant, or for the mailbox user only. */
  readonly consent: ConsentMode;
  /** Expiry of a new client secret, in days. */
  readonly secretExpiryDays: number;
  /** The organisation's own bootstrap client, or `null` for Microsoft Graph Command Line Tools. */
  readonly bootstrapClientId: string | null;
}

/** What the run did; never the secret (it is in the keychain, shown only on Reveal). */
export interface EntraRunResult {
  readonly clientId: string;
  readonly tenantId: string;
  readonly administrator: string;
  readonly displayName: string;
  readonly findings: readonly RegistrationFinding[];
  readonly writes: readonly string[];
  /** True when a new client secret was added and stored in the keychain. */
  readonly secretStored: boolean;
  readonly credentialExpiresAt: string | null;
}

/** What the service needs. */
export interface EntraProvisioningDeps {
  readonly http: HttpClient;
  readonly endpoints: IdentityEndpoints;
  readonly adminSignIn: AdminSignInService;
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  readonly profileSecrets: ProfileSecrets;
  /** Replication backoff for tests; the spec's 2-4-8-16-32 s otherwise. */
  readonly backoffMs?: readonly number[];
  readonly now?: () => number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(message: string, field: string): AppError {
  return appError(ErrorCode.ConfigInvalid, message, { fields: [{ field, message }] });
}

/**
 * "Create the app for me", check and repair, for one profile: validates what the profile holds, signs the
 * administrator in (bootstrap client, only the scopes this needs), runs {@link RegistrationService}, then keeps
 * the results: a new client secret straight into the keychain (never returned), the client id and tenant GUID in
 * the profile's draft (saved as soon as a new registration exists, so an interrupted run resumes with it), and the
 * credential's expiry. A Conditional Access step-up answer triggers one more sign-in with the claims asked for.
 */
export class EntraProvisioningService {
  constructor(private readonly deps: EntraProvisioningDeps) {}

  /** Runs one create, check or repair; `progress` gets every step. */
  async run(request: EntraRunRequest, progress: (p: ProvisioningProgress) => void, cancel?: AbortSignal): Promise<Result<EntraRunResult>> {
    const loaded = await this.load(request);
    if (!loaded.ok) return loaded;
    let claims: string | undefined;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await this.once(request, loaded.value, progress, cancel, claims);
      if (result.ok || result.error.code !== ErrorCode.EntraStepUpRequired || attempt === 1) return result;
      const challenge = (result.error as EntraAppError).claimsChallenge;
      if (!challenge) return result;
      claims = challenge;
    }
    return fail(appError(ErrorCode.Internal, 'unreachable'));
  }

  private async load(request: EntraRunRequest): Promise<Result<Profile>> {
    if (request.bootstrapClientId !== null && !GUID.test(request.bootstrapClientId.trim())) {
      return fail(invalid(`The bootstrap client id "${request.bootstrapClientId}" is not a GUID (Application (client) ID of your own app registration).`, 'bootstrapClientId'));
    }
    if (!Number.isInteger(request.secretExpiryDays) || request.secretExpiryDays < 1 || request.secretExpiryDays > 730) {
      return fail(invalid('A client secret expires after 1 to 730 days (Microsoft recommends less than 12 months).', 'secretExpiryDays'));
    }
    const listing = await this.deps.profiles.list();
    if (!listing.ok) return listing;
    const profile = listing.value.profiles.find((p) => p.id === request.profileId);
    if (!profile) return fail(appError(ErrorCode.ProfileNotFound, 'The profile no longer exists.'));
    if (profile.draft.method !== 'self-deployed') return fail(invalid('Creating the app registration is for the self-deployed Entra ID app method; choose it for this profile first.', 'method'));
    const sd = profile.draft.selfDeployed;
    if (sd.tenant.trim() === '') return fail(invalid('Enter the tenant (Directory ID or a verified domain) first.', 'selfDeployed.tenant'));
    if (profile.draft.mailbox.mailboxToFetch.trim() === '') return fail(invalid('Enter the mailbox (mailbox_to_fetch) first.', 'mailbox.mailboxToFetch'));
    try {
      const u = new URL(sd.redirectUri.trim());
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname))) throw new Error('scheme');
    } catch {
      return fail(invalid(`The redirect URI "${sd.redirectUri}" is not an https address (or an http://localhost one).`, 'selfDeployed.redirectUri'));
    }
    if (sd.credentialKind === 'certificate' && sd.certificate === null) {
      return fail(invalid('Generate or import the certificate first: only its public part is uploaded, the private key stays in the keychain.', 'selfDeployed.certificate'));
    }
    return ok(profile);
  }

  private async once(request: EntraRunRequest, profile: Profile, progress: (p: ProvisioningProgress) => void, cancel: AbortSignal | undefined, claims: string | undefined): Promise<Result<EntraRunResult>> {
    const sd = profile.draft.selfDeployed;
    const scopes = [...ADMIN_SIGN_IN_SCOPES.map((s) => s.value), ...(request.consent === 'mailbox-user' ? [MAILBOX_USER_LOOKUP_SCOPE.value] : [])];
    progress({ step: 'sign-in', state: 'running', detail: 'Waiting for the administrator to sign in in the browser.' });
    const session = await this.deps.adminSignIn.signIn({ tenant: sd.tenant.trim(), bootstrapClientId: request.bootstrapClientId?.trim() || DEFAULT_BOOTSTRAP_CLIENT_ID, scopes, ...(claims ? { claims } : {}) }, cancel);
    if (!session.ok) {
      progress({ step: 'sign-in', state: 'failed', detail: session.error.message });
      return session;
    }
    progress({ step: 'sign-in', state: 'done', detail: `Signed in as ${session.value.username}.` });

    const held = sd.credentialKind === 'secret' && profile.secretFields.includes(SecretField.SelfDeployedClientSecret)
      ? await this.deps.profileSecrets.read(profile.id, SecretField.SelfDeployedClientSecret)
      : null;
    const signal = cancel ?? new AbortController().signal;
    // Retries are reported on the step that is waiting for them.
    let currentStep: ProvisioningStep = 'graph-permissions';
    const report = (p: ProvisioningProgress): void => {
      currentStep = p.step;
      progress(p);
    };
    const graph = new GraphAdminClient(this.deps.http, this.deps.endpoints, session.value.accessToken, signal, {
      ...(this.deps.backoffMs ? { backoffMs: this.deps.backoffMs } : {}),
      onRetry: (r) => progress({ step: currentStep, state: 'running', detail: r.reason === 'throttled' ? `Microsoft Graph asked to wait ${Math.round(r.waitMs / 1000)} s (${r.attempt}/${r.of}).` : `Entra ID is still replicating; retrying in ${Math.round(r.waitMs / 1000)} s (${r.attempt}/${r.of}).` }),
    });
    const service = new RegistrationService(new RegistrationGraph(graph), this.deps.now);
    const tenantId = session.value.tenantId;
    const saveIds = async (clientId: string): Promise<void> => {
      const current = await this.current(profile.id);
      if (!current) return;
      const same = current.draft.selfDeployed.clientId.trim() === clientId;
      await this.deps.profiles.saveDraft(current.id, {
        ...current.draft,
        selfDeployed: { ...current.draft.selfDeployed, clientId, resolvedTenantId: tenantId, ...(same ? {} : { authCodeObtainedAt: '' }) },
      }, current.resumeStep);
    };
    const outcome = await service.run({
      mode: request.mode,
      profileId: profile.id,
      mailbox: profile.draft.mailbox.mailboxToFetch.trim(),
      webRedirectUri: sd.redirectUri.trim(),
      clientId: sd.clientId.trim() || null,
      credential: sd.credentialKind === 'certificate' && sd.certificate
        ? { kind: 'certificate', certificatePem: sd.certificate.certificatePem }
        : { kind: 'secret', heldSecretHint: held ? held.slice(0, 3) : null, expiryDays: request.secretExpiryDays },
      consent: request.consent,
    }, { progress: report, clientIdKnown: saveIds });
    if (!outcome.ok) return outcome;
    const o = outcome.value;
    if (o.newSecret) {
      const stored = await this.deps.secrets.set(profile.id, SecretField.SelfDeployedClientSecret, o.newSecret.value);
      if (!stored.ok) return fail(appError(stored.error.code, `The client secret was added to the app but could not be stored in the keychain (${stored.error.message}). Run repair again to add another one.`));
    }
    if (request.mode !== 'check') await saveIds(o.clientId);
    // The end date as Entra ID has it (a check reads it too: reading is what "signed in" allows), tied to the stored value.
    if (o.credentialExpiresAt) {
      await this.deps.profiles.recordCredentialEnd(profile.id, { credential: sd.credentialKind === 'certificate' ? 'certificate' : 'client-secret', endsAt: o.credentialExpiresAt, source: 'entra', keyId: o.credentialKeyId });
    }
    return ok({
      clientId: o.clientId,
      tenantId,
      administrator: session.value.username,
      displayName: o.displayName,
      findings: o.findings,
      writes: o.writes,
      secretStored: o.newSecret !== null,
      credentialExpiresAt: o.credentialExpiresAt,
    });
  }

  private async current(profileId: string): Promise<Profile | undefined> {
    const listing = await this.deps.profiles.list();
    return listing.ok ? listing.value.profiles.find((p) => p.id === profileId) : undefined;
  }
}
