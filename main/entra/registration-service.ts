import { X509Certificate } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';
import { APP_REQUIRED_SCOPE_VALUES, ASSISTANT_APP_TAG, ASSISTANT_SECRET_NAME, profileTag, PUBLIC_LOOPBACK_REDIRECT, registrationDisplayName } from '../../shared/entra/entra-constants';
import { explainGraphFailure, STILL_REPLICATING, CREDENTIAL_POLICY_CODES, type GraphFailureExplanation } from '../../shared/entra/graph-error-explainer';
import type { ProvisioningProgress, ProvisioningStep } from '../../shared/entra/provisioning-steps';
import { applicationPatch, desiredResourceAccess, diffRegistration, planConsent, type RegistrationFinding } from '../../shared/entra/registration-diff';
import type { ConsentMode, DesiredRegistration, GraphApplication, GraphPermissionCatalogue, GraphPermissionGrant } from '../../shared/entra/registration-model';
import type { GraphCall, GraphCallFailure } from './graph-admin-client';
import type { RegistrationGraph } from './registration-graph';

/** What the run does: create (or find and reuse) and fix, only look, or fix an existing registration. */
export type ProvisioningMode = 'create' | 'check' | 'repair';

/** The credential the app should have. */
export type CredentialRequest =
  | {
      readonly kind: 'secret';
      /** First three characters of the secret the keychain holds for this app, or `null`. */
      readonly heldSecretHint: string | null;
      /** Expiry of a new secret, in days from now. */
      readonly expiryDays: number;
    }
  | {
      readonly kind: 'certificate';
      /** The public certificate (PEM) whose private key the keychain holds; only this is uploaded. */
      readonly certificatePem: string;
    };

/** One run's input. */
export interface RegistrationRequest {
  readonly mode: ProvisioningMode;
  readonly profileId: string;
  readonly mailbox: string;
  /** The XSOAR `redirect_uri` (Web platform). */
  readonly webRedirectUri: string;
  /** The client id the profile already names (ours or hand-made), or `null`. */
  readonly clientId: string | null;
  readonly credential: CredentialRequest;
  readonly consent: ConsentMode;
}

/** A client secret just added: goes straight to the keychain, never to the renderer. */
export interface NewSecret {
  readonly value: string;
  readonly endDateTime: string;
}

/** What a run found and did. */
export interface RegistrationOutcome {
  readonly clientId: string;
  readonly objectId: string;
  readonly displayName: string;
  /** Desired against actual before any write. */
  readonly findings: readonly RegistrationFinding[];
  /** The writes made, in order (empty for a healthy registration or a check). */
  readonly writes: readonly string[];
  readonly newSecret: NewSecret | null;
  /** Expiry of the credential the app now has (ISO 8601), when known. */
  readonly credentialExpiresAt: string | null;
  /** Entra ID's key id of that credential, when known (a certificate uploaded by PATCH gets one Graph does not return). */
  readonly credentialKeyId: string | null;
}

/** An app-registration failure: code, explanation (with the roles that would allow the step) and the step. */
export type EntraAppError = AppError & { readonly step: ProvisioningStep; readonly explanation: GraphFailureExplanation; readonly claimsChallenge: string | null };

/** Hooks of one run. */
export interface RegistrationHooks {
  readonly progress: (p: ProvisioningProgress) => void;
  /** Called as soon as a new registration's client id is known, so an interrupted run resumes with it. */
  readonly clientIdKnown: (clientId: string) => Promise<void>;
}

/** Turns a failed call into the {@link EntraAppError} for its step. */
export function graphFailureError(step: ProvisioningStep, failure: GraphCallFailure): EntraAppError {
  if (failure.kind === 'stopped') {
    return { ...appError(ErrorCode.Cancelled, 'Creating the app registration was cancelled. Running it again is safe: what was created is found and reused.'), step, explanation: { title: 'Cancelled', meaning: '', fix: '', roles: [] }, claimsChallenge: null };
  }
  if (failure.kind === 'exhausted' && failure.status !== 429 && failure.status !== 503 && failure.status !== 504) {
    return { ...appError(ErrorCode.EntraStillReplicating, `${STILL_REPLICATING.title}. ${STILL_REPLICATING.meaning} ${STILL_REPLICATING.fix}`, { retryable: true }), step, explanation: STILL_REPLICATING, claimsChallenge: null };
  }
  if (failure.kind === 'network') {
    const explanation = { title: 'Microsoft Graph could not be reached', meaning: failure.message, fix: 'Check the network or proxy and run again.', roles: [] };
    return { ...appError(ErrorCode.AuthNetwork, `${explanation.title}: ${failure.message}`, { retryable: true }), step, explanation, claimsChallenge: null };
  }
  const explanation = explainGraphFailure({ step, status: failure.status, code: failure.code, claimsChallenge: failure.claimsChallenge !== null });
  const code = failure.claimsChallenge !== null ? ErrorCode.EntraStepUpRequired
    : failure.status === 403 && failure.code === 'Authorization_RequestDenied' ? ErrorCode.EntraDenied
    : failure.code !== null && CREDENTIAL_POLICY_CODES.includes(failure.code) ? ErrorCode.EntraPolicyBlocked
    : ErrorCode.EntraRequestFailed;
  const status = failure.status === null ? '' : ` (HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''})`;
  return { ...appError(code, `${explanation.title}${status}. ${explanation.meaning} ${explanation.fix}`), step, explanation, claimsChallenge: failure.claimsChallenge };
}

class StepFailed extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

function must<T>(step: ProvisioningStep, call: GraphCall<T>): T {
  if (!call.ok) throw new StepFailed(graphFailureError(step, call.failure));
  return call.value;
}

function thumbprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint.replaceAll(':', '').toUpperCase();
}

/**
 * Creates (or finds and reuses), checks and repairs the self-deployed app registration through Microsoft Graph with
 * an administrator's token, step by step (spec B1–B3): Graph's permission ids from its service principal, the
 * registration (found by client id or by the profile's tag; created single-tenant with the XSOAR Web redirect, the
 * Mobile-and-desktop `http://localhost` redirect and exactly the required delegated permissions), redirects and
 * permissions brought in line, the service principal, a client secret (addPassword) or the public certificate
 * (existing key credentials kept), and consent (tenant-wide or the mailbox user only). Every write is decided by
 * the pure rules in `shared/entra/`; a healthy registration gets no write.
 */
export class RegistrationService {
  constructor(
    private readonly graph: RegistrationGraph,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one create, check or repair. */
  async run(request: RegistrationRequest, hooks: RegistrationHooks): Promise<Result<RegistrationOutcome>> {
    let step: ProvisioningStep = 'graph-permissions';
    const writes: string[] = [];
    const begin = (s: ProvisioningStep): void => {
      step = s;
      hooks.progress({ step: s, state: 'running', detail: '' });
    };
    const end = (s: ProvisioningStep, wrote: boolean, detail: string): void => {
      if (wrote) writes.push(detail);
      hooks.progress({ step: s, state: wrote ? 'done' : 'unchanged', detail });
    };
    try {
      begin('graph-permissions');
      const catalogue = must(step, await this.graph.catalogue());
      end('graph-permissions', false, `Microsoft Graph publishes ${Object.keys(catalogue.scopeIdByValue).length} delegated permissions.`);

      const certificateThumbprint = request.credential.kind === 'certificate' ? thumbprintOf(request.credential.certificatePem) : null;
      let mailboxUserId: string | null = null;
      if (request.consent === 'mailbox-user') {
        const id = await this.graph.userId(request.mailbox);
        if (!id.ok && id.failure.status === 404) throw new StepFailed({ ...graphFailureError('consent', id.failure), code: ErrorCode.ConfigInvalid, message: `The mailbox user ${request.mailbox} does not exist in this tenant, so consent cannot be granted for that user alone.` });
        mailboxUserId = must('consent', id);
      }
      const desired: DesiredRegistration = {
        webRedirectUri: request.webRedirectUri.trim(),
        publicRedirectUri: PUBLIC_LOOPBACK_REDIRECT,
        scopeValues: APP_REQUIRED_SCOPE_VALUES,
        consent: request.consent,
        mailboxUserId,
        credential: request.credential.kind === 'secret' ? { kind: 'secret', heldSecretHint: request.credential.heldSecretHint } : { kind: 'certificate', sha1Thumbprint: certificateThumbprint ?? '' },
      };

      begin('find-app');
      let app = await this.find(request);
      end('find-app', false, app ? `Found ${app.displayName} (client id ${app.appId}).` : 'No registration for this profile yet.');
      let created = false;
      if (!app) {
        if (request.mode !== 'create') throw new StepFailed(notFound(request));
        begin('create-app');
        app = must(step, await this.graph.createApplication({
          displayName: registrationDisplayName(request.mailbox),
          signInAudience: 'AzureADMyOrg',
          tags: [ASSISTANT_APP_TAG, profileTag(request.profileId)],
          web: { redirectUris: [desired.webRedirectUri] },
          publicClient: { redirectUris: [desired.publicRedirectUri] },
          requiredResourceAccess: [desiredResourceAccess(desired, catalogue)],
        }));
        created = true;
        await hooks.clientIdKnown(app.appId);
        end('create-app', true, `Created ${app.displayName} (client id ${app.appId}).`);
      }
      const found = app;

      // The state before any further write: the service principal and grants as Graph has them.
      let servicePrincipalId: string | null = created ? null : must('service-principal', await this.graph.servicePrincipalOf(found.appId));
      const grants: readonly GraphPermissionGrant[] = servicePrincipalId ? must('consent', await this.graph.grantsOf(servicePrincipalId)) : [];
      const findings = diffRegistration(desired, { app: found, servicePrincipalId, grants }, catalogue, this.now());
      const problem = (id: RegistrationFinding['id']): boolean => findings.some((f) => f.id === id && f.status === 'problem');
      const fixing = request.mode !== 'check';

      begin('configure-app');
      const patch = applicationPatch(desired, found, catalogue);
      if (patch && fixing) {
        must(step, await this.graph.patchApplication(found.id, patch));
        end('configure-app', true, `Updated ${Object.keys(patch).join(', ')}.`);
      } else end('configure-app', false, patch ? 'Needs changes (not made: check only).' : 'Redirect URIs and permissions are as required.');

      begin('service-principal');
      if (!servicePrincipalId && fixing) {
        const ensured = await this.ensureServicePrincipal(found.appId);
        servicePrincipalId = ensured.id;
        end('service-principal', ensured.created, ensured.created ? 'Created the enterprise application (service principal).' : 'Present (it was still replicating).');
      } else end('service-principal', false, servicePrincipalId ? 'Present.' : 'Missing (not created: check only).');

      begin('credential');
      let newSecret: NewSecret | null = null;
      const current = this.currentCredential(desired, found);
      let credentialExpiresAt = current?.endDateTime ?? null;
      let credentialKeyId = current?.keyId ?? null;
      if (problem('credential') && fixing) {
        if (request.credential.kind === 'secret') {
          const expiry = new Date(this.now() + request.credential.expiryDays * 86_400_000).toISOString();
          const added = must(step, await this.graph.addPassword(found.id, ASSISTANT_SECRET_NAME, expiry));
          newSecret = { value: added.secretText, endDateTime: added.endDateTime };
          credentialExpiresAt = added.endDateTime;
          credentialKeyId = added.keyId;
          end('credential', true, `Added a client secret valid until ${added.endDateTime.slice(0, 10)} (stored in the keychain).`);
        } else {
          const pem = request.credential.certificatePem;
          const cert = new X509Certificate(pem);
          const kept = found.keyCredentials.filter((k) => typeof k.key === 'string' && k.key !== '').map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName }));
          must(step, await this.graph.patchApplication(found.id, {
            keyCredentials: [...kept, { type: 'AsymmetricX509Cert', usage: 'Verify', key: cert.raw.toString('base64'), displayName: cert.subject.replaceAll('\n', ', ') }],
          }));
          credentialExpiresAt = new Date(cert.validTo).toISOString();
          credentialKeyId = null;
          end('credential', true, `Uploaded the public certificate ${certificateThumbprint ?? ''}${kept.length ? ` (kept ${kept.length} existing)` : ''}.`);
        }
      } else end('credential', false, findings.find((f) => f.id === 'credential')?.detail ?? '');

      begin('consent');
      if (servicePrincipalId && fixing) {
        const wrote = await this.ensureConsent(desired, servicePrincipalId, grants, catalogue);
        if (wrote) end('consent', true, wrote);
        else end('consent', false, 'Consent is granted.');
      } else end('consent', false, findings.find((f) => f.id === 'consent')?.detail ?? '');
      return ok({ clientId: found.appId, objectId: found.id, displayName: found.displayName, findings, writes, newSecret, credentialExpiresAt, credentialKeyId });
    } catch (error) {
      const appErr = error instanceof StepFailed ? error.error : appError(ErrorCode.Internal, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      hooks.progress({ step, state: 'failed', detail: appErr.message });
      return fail(appErr);
    }
  }

  private async find(request: RegistrationRequest): Promise<GraphApplication | null> {
    if (request.clientId) {
      const byId = await this.graph.applicationByAppId(request.clientId);
      if (byId.ok) return byId.value;
      if (byId.failure.kind !== 'exhausted' || byId.failure.status !== 404) throw new StepFailed(graphFailureError('find-app', byId.failure));
      // A client id no longer (or not yet) in the directory: look for the profile's own registration instead.
    }
    const tagged = must('find-app', await this.graph.applicationsTagged(profileTag(request.profileId)));
    return tagged[0] ?? null;
  }

  private async ensureServicePrincipal(appId: string): Promise<{ readonly id: string; readonly created: boolean }> {
    const created = await this.graph.createServicePrincipal(appId);
    if (created.ok) return { id: created.value, created: true };
    // 409: it exists after all (an interrupted earlier run) — read it back, waiting for replication.
    if (created.failure.status === 409) return { id: must('service-principal', await this.graph.servicePrincipalReplicated(appId)), created: false };
    throw new StepFailed(graphFailureError('service-principal', created.failure));
  }

  /** Grants or extends consent; returns what was written, or `null`. Reads back before posting again (spec B1). */
  private async ensureConsent(desired: DesiredRegistration, servicePrincipalId: string, grants: readonly GraphPermissionGrant[], catalogue: GraphPermissionCatalogue): Promise<string | null> {
    const who = desired.consent === 'tenant' ? 'for the whole tenant' : 'for the mailbox user';
    let current = grants;
    for (let round = 0; round < 3; round += 1) {
      const plan = planConsent(desired, servicePrincipalId, current, catalogue);
      if (plan.kind === 'none') return round === 0 ? null : `Granted consent ${who}.`;
      if (plan.kind === 'extend') {
        must('consent', await this.graph.patchGrant(plan.grantId, plan.scope));
        return `Extended consent ${who} to ${plan.scope}.`;
      }
      const posted = await this.graph.createGrant(plan.body);
      if (posted.ok) return `Granted consent ${who}: ${String(plan.body['scope'])}.`;
      // Ambiguous (404 Directory_ObjectNotFound) or "Permission entry already exists": read back, then decide again.
      if (posted.failure.kind !== 'ambiguous-write' && !(posted.failure.status === 400 && posted.failure.code === 'Request_BadRequest') && !(posted.failure.status === 409)) {
        throw new StepFailed(graphFailureError('consent', posted.failure));
      }
      current = must('consent', await this.graph.grantsOf(servicePrincipalId));
    }
    throw new StepFailed(graphFailureError('consent', { kind: 'exhausted', status: 404, code: 'Directory_ObjectNotFound', detailCodes: [], claimsChallenge: null, message: '' }));
  }

  private currentCredential(desired: DesiredRegistration, app: GraphApplication): { readonly endDateTime: string; readonly keyId: string | null } | null {
    const c = desired.credential;
    if (c.kind === 'certificate') {
      const key = app.keyCredentials.find((k) => (k.customKeyIdentifier ?? '').toUpperCase() === c.sha1Thumbprint);
      return key?.endDateTime ? { endDateTime: key.endDateTime, keyId: key.keyId ?? null } : null;
    }
    const newest = app.passwordCredentials.filter((p) => p.hint !== null && p.hint === c.heldSecretHint).toSorted((a, b) => a.endDateTime.localeCompare(b.endDateTime)).at(-1);
    return newest ? { endDateTime: newest.endDateTime, keyId: newest.keyId ?? null } : null;
  }

}

function notFound(request: RegistrationRequest): AppError {
  return appError(ErrorCode.EntraNotFound, request.clientId
    ? `No app registration with client id ${request.clientId} was found in this tenant, and none was created for this profile. Check the client id, or use "Create the app for me".`
    : 'This profile has no app registration yet: use "Create the app for me" (gma entra create) first.');
}
