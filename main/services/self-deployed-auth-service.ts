import { randomUUID } from 'node:crypto';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import { fail, ok, type Result } from '../../shared/result';
import type { AuthServices } from '../auth/auth-services';
import type { ClientCredential, CredentialCheckPassed } from '../auth/credential-check-service';
import type { AdminConsentGranted } from '../auth/admin-consent-service';
import type { SignInVerification } from '../auth/sign-in-checklist';
import type { XsoarAuthCode, XsoarLoginAttempt, XsoarLoginRequest } from '../auth/xsoar-auth-code-service';
import type { Clock } from '../ports/clock';
import type { ProfileSecrets } from '../ports/profile-secrets';
import { OperationRegistry } from './operation-registry';
import { NO_CHECK_RECORDER, type CheckRecorder } from '../ports/check-recorder';
import type { CheckInputs, VerifiedCheckKind } from '../../shared/domain/verified-check';
import type { SecretsService } from './secrets-service';

/** The app registration as the wizard holds it (no secrets: those are read from the keychain here). */
export interface AppRegistrationRef {
  readonly tenant: string;
  readonly clientId: string;
}

/** A credential check request: which credential of which profile. */
export interface CheckCredentialRequest extends AppRegistrationRef {
  readonly requestId: string;
  readonly profileId: string;
  readonly credentialKind: 'secret' | 'certificate';
  /** SHA-1 thumbprint of the certificate (public) when `credentialKind` is `certificate`. */
  readonly thumbprint?: string;
}

/** A prepared XSOAR login, as the renderer sees it. */
export interface PreparedCode {
  readonly attemptId: string;
  readonly url: string;
  readonly loopback: boolean;
}

/** A code stored in the keychain; the value never goes back to the renderer. */
export interface StoredCode {
  readonly capturedBy: XsoarAuthCode['capturedBy'];
  /** ISO 8601, when the code was obtained: the start of its 10-minute life. */
  readonly obtainedAt: string;
  readonly secretFields: readonly ProfileSecretField[];
}

interface Attempt {
  readonly attempt: XsoarLoginAttempt;
  readonly expiresAt: number;
}

/** How long a prepared login waits for its code: the code's own lifetime. */
const ATTEMPT_TTL_MS = 10 * 60_000;

/**
 * The self-deployed path's network steps for the renderer, each cancellable by request id.
 *
 * Secrets stay in the main process: the credential check reads the client secret or private key from the
 * keychain by profile id, and a captured or pasted authorization code is written straight to the keychain
 * (the renderer learns only that it is stored and when it was obtained, for the countdown).
 */
export class SelfDeployedAuthService {
  private readonly operations = new OperationRegistry();
  private readonly attempts = new Map<string, Attempt>();
  // Web sign-ins begun, by attempt id: whose profile records the check when it completes, and for which values.
  private readonly webSignIns = new Map<string, { readonly profileId: string; readonly inputs: CheckInputs }>();

  constructor(
    private readonly auth: AuthServices,
    private readonly profileSecrets: ProfileSecrets,
    private readonly secrets: SecretsService,
    private readonly clock: Clock,
    private readonly checks: CheckRecorder = NO_CHECK_RECORDER,
  ) {}

  /** Tenant domain or GUID → GUID. */
  resolveTenant(requestId: string, tenant: string): Promise<Result<{ readonly tenantId: string }>> {
    return this.operations.run(requestId, async (signal) => {
      const r = await this.auth.tenants.resolve(tenant, signal);
      return r.ok ? ok({ tenantId: r.value.tenantId }) : r;
    });
  }

  /** Client-credentials token request with the stored secret or key: proves tenant, client ID and credential. */
  checkCredential(request: CheckCredentialRequest): Promise<Result<CredentialCheckPassed>> {
    return this.operations.run(request.requestId, async (signal) => {
      const credential = await this.credentialOf(request);
      if (!credential.ok) return credential;
      const r = await this.auth.credentialCheck.check({ tenant: request.tenant, clientId: request.clientId, credential: credential.value }, signal);
      const { tenant, clientId, credentialKind } = request;
      if (r.ok) await this.remember(request.profileId, 'credential', { tenant, clientId, credentialKind, thumbprint: request.thumbprint ?? '' });
      return r;
    });
  }

  /** Admin consent for the four delegated permissions through the system browser; `profileId` remembers it. */
  adminConsent(requestId: string, app: AppRegistrationRef & { readonly profileId?: string | undefined }): Promise<Result<AdminConsentGranted>> {
    return this.operations.run(requestId, async (signal) => {
      const r = await this.auth.adminConsent.grant({ tenant: app.tenant, clientId: app.clientId }, signal);
      if (r.ok) await this.remember(app.profileId, 'admin-consent', { tenant: app.tenant, clientId: app.clientId });
      return r;
    });
  }

  /**
   * Interactive sign-in as the mailbox user, then the ✓/✗ checklist. `prompt=login`: the browser must ask for
   * credentials, so a session of another account (the analyst's own) is never reused silently.
   */
  verifySignIn(
    requestId: string,
    request: AppRegistrationRef & { readonly profileId?: string | undefined; readonly mailbox: string; readonly folderToFetch: string },
  ): Promise<Result<SignInVerification>> {
    const { tenant, clientId, mailbox, folderToFetch } = request;
    return this.operations.run(requestId, async (signal) => {
      const r = await this.auth.signInVerification.verify({ tenant, clientId, mailbox, folderToFetch, prompt: 'login' }, signal);
      // Only a sign-in whose every line is ✓ counts as passed.
      if (r.ok && r.value.allPassed) await this.remember(request.profileId, 'sign-in', { tenant, clientId, mailbox, folderToFetch });
      return r;
    });
  }

  /**
   * The same verification through the app's Web redirect (for registrations without a Mobile-and-desktop
   * redirect): confidential client with the stored secret or key, the browser lands on the Web redirect, and
   * the analyst pastes that address into {@link completeWebSignIn}.
   */
  beginWebSignIn(request: CheckCredentialRequest & { readonly redirectUri: string; readonly mailbox: string; readonly folderToFetch: string }): Promise<Result<{ readonly attemptId: string }>> {
    return this.operations.run(request.requestId, async (signal) => {
      const credential = await this.credentialOf(request);
      if (!credential.ok) return credential;
      const { tenant, clientId, redirectUri, mailbox, folderToFetch } = request;
      const begun = await this.auth.signInVerification.beginWebSignIn({ tenant, clientId, redirectUri, mailbox, folderToFetch, credential: credential.value, prompt: 'login' }, signal);
      if (!begun.ok) return begun;
      this.webSignIns.set(begun.value.attemptId, { profileId: request.profileId, inputs: { tenant, clientId, mailbox, folderToFetch, credentialKind: request.credentialKind } });
      return ok({ attemptId: begun.value.attemptId });
    });
  }

  /** Redeems the pasted Web-redirect address of {@link beginWebSignIn} (once), then runs the checklist. */
  completeWebSignIn(requestId: string, attemptId: string, pasted: string): Promise<Result<SignInVerification>> {
    return this.operations.run(requestId, async (signal) => {
      const r = await this.auth.signInVerification.completeWebSignIn(attemptId, pasted, signal);
      const begun = this.webSignIns.get(attemptId);
      if (r.ok && r.value.allPassed && begun !== undefined) {
        this.webSignIns.delete(attemptId);
        await this.remember(begun.profileId, 'sign-in', begun.inputs, true);
      }
      return r;
    });
  }

  /** Builds the integration's login URL; the attempt (with its `state`) stays here. */
  prepareCode(request: XsoarLoginRequest): Result<PreparedCode> {
    this.dropExpired();
    const prepared = this.auth.xsoarAuthCode.prepare(request);
    if (!prepared.ok) return prepared;
    const attemptId = randomUUID();
    this.attempts.set(attemptId, { attempt: prepared.value, expiresAt: this.clock.now().getTime() + ATTEMPT_TTL_MS });
    return ok({ attemptId, url: prepared.value.url, loopback: prepared.value.loopback });
  }

  /** Opens the login URL and catches the code on the loopback redirect URI; stores it for `profileId`. */
  captureCode(requestId: string, attemptId: string, profileId: string): Promise<Result<StoredCode>> {
    return this.operations.run(requestId, async (signal) => {
      const attempt = this.attemptOf(attemptId);
      if (!attempt.ok) return attempt;
      const code = await this.auth.xsoarAuthCode.capture(attempt.value, signal);
      return code.ok ? this.storeCode(attemptId, profileId, code.value) : code;
    });
  }

  /** Extracts the code from the pasted address the browser landed on; stores it for `profileId`. */
  async pasteCode(attemptId: string, profileId: string, pasted: string): Promise<Result<StoredCode>> {
    const attempt = this.attemptOf(attemptId);
    if (!attempt.ok) return attempt;
    const code = this.auth.xsoarAuthCode.extractPasted(attempt.value, pasted);
    return code.ok ? this.storeCode(attemptId, profileId, code.value) : code;
  }

  /** Cancels the operation `requestId` (closing its listener); `false` when none was running. */
  cancel(requestId: string): Result<{ readonly cancelled: boolean }> {
    return ok({ cancelled: this.operations.cancel(requestId) });
  }

  // A passed check is remembered in the profile; failing to write it does not turn the check into a failure.
  private async remember(profileId: string | undefined, kind: VerifiedCheckKind, inputs: CheckInputs, viaWebRedirect = false): Promise<void> {
    if (profileId === undefined) return;
    try {
      await this.checks.record(profileId, kind, inputs, viaWebRedirect);
    } catch {
      // The renderer still shows the passed result; only the remembered copy is missing.
    }
  }

  private async storeCode(attemptId: string, profileId: string, code: XsoarAuthCode): Promise<Result<StoredCode>> {
    const obtainedAt = this.clock.now().toISOString();
    const stored = await this.secrets.set(profileId, SecretField.SelfDeployedAuthCode, code.code);
    if (!stored.ok) return stored;
    // One code per attempt: the state is spent.
    this.attempts.delete(attemptId);
    // The profile learns when its code was obtained even if the wizard that asked was left meanwhile.
    await this.checks.codeObtained(profileId, obtainedAt).catch(() => undefined);
    return ok({ capturedBy: code.capturedBy, obtainedAt, secretFields: stored.value.secretFields });
  }

  private attemptOf(attemptId: string): Result<XsoarLoginAttempt> {
    this.dropExpired();
    const found = this.attempts.get(attemptId);
    return found
      ? ok(found.attempt)
      : fail(appError(ErrorCode.AuthAttemptExpired, 'This sign-in link is no longer valid (used or older than 10 minutes). Start again with "Get the code".'));
  }

  private dropExpired(): void {
    const now = this.clock.now().getTime();
    for (const [id, a] of this.attempts) if (a.expiresAt <= now) this.attempts.delete(id);
  }

  private async credentialOf(request: CheckCredentialRequest): Promise<Result<ClientCredential>> {
    if (request.credentialKind === 'secret') {
      const secret = await this.profileSecrets.read(request.profileId, SecretField.SelfDeployedClientSecret);
      return secret === null ? fail(missing('client secret')) : ok({ kind: 'secret', secret: secret.trim() });
    }
    const privateKey = await this.profileSecrets.read(request.profileId, SecretField.SelfDeployedPrivateKey);
    if (privateKey === null) return fail(missing('certificate private key'));
    return ok({ kind: 'certificate', privateKey, ...(request.thumbprint ? { thumbprint: request.thumbprint } : {}) });
  }
}

function missing(what: string) {
  return appError(ErrorCode.AuthCredentialMissing, `The ${what} is not in the keychain for this profile. Enter it on the Credential step first.`, {
    fields: [{ field: what === 'client secret' ? 'selfDeployed.clientSecret' : 'selfDeployed.certificate', message: `Store the ${what} first.` }],
  });
}
