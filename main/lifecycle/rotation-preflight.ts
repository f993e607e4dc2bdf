import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { Profile } from '../../shared/domain/profile';
import type { GraphApplication } from '../../shared/entra/registration-model';
import { currentRecordOf } from '../../shared/lifecycle/credential-expiry';
import type { RotatedCredential } from '../../shared/lifecycle/rotation-journal';
import { fail, ok, type Result } from '../../shared/result';
import type { ProfilesService } from '../services/profiles-service';
import type { XsoarTarget } from '../xsoar/xsoar-service';
import { fieldOf } from './rotation-finisher';
import type { RotationRequest } from './rotation-types';

/** What a rotation starts from, once its request was checked. */
export interface CheckedRotation {
  readonly profile: Profile;
  readonly target: XsoarTarget;
  readonly credential: RotatedCredential;
}

function refused(message: string, field?: string): Result<never> {
  return fail(appError(ErrorCode.ConfigInvalid, message, field ? { fields: [{ field, message }] } : {}));
}

/**
 * Checks a rotation request before anything changes anywhere: validity periods in range, a self-deployed profile
 * with its tenant, client id, instance name and the credential to rotate, and a saved XSOAR connection.
 */
export async function checkRotationRequest(
  request: RotationRequest,
  profiles: ProfilesService,
  connections: { target(nameOrId: string): Promise<Result<XsoarTarget>> },
): Promise<Result<CheckedRotation>> {
  if (!Number.isInteger(request.secretDays) || request.secretDays < 1 || request.secretDays > 730) return refused('A new client secret is valid for 1 to 730 days.', 'secretDays');
  if (!Number.isInteger(request.certificateDays) || request.certificateDays < 1 || request.certificateDays > 365) return refused('A new certificate is valid for 1 to 365 days.', 'certificateDays');
  const found = await profiles.get(request.profileId);
  if (!found.ok) return found;
  const profile = found.value;
  const sd = profile.draft.selfDeployed;
  if (profile.draft.method !== 'self-deployed') return refused('Rotation is for the self-deployed Entra ID app method (the Cortex XSOAR app and managed identities have no credential of yours to rotate).', 'method');
  if (sd.clientId.trim() === '' || sd.tenant.trim() === '') return refused('The profile needs its tenant and client ID first.', 'selfDeployed.clientId');
  if (profile.draft.mailbox.instanceName.trim() === '') return refused('The profile needs its instance name first.', 'mailbox.instanceName');
  const credential: RotatedCredential = sd.credentialKind === 'certificate' ? 'certificate' : 'client-secret';
  if (!profile.secretFields.includes(fieldOf(credential))) return refused(`The profile holds no ${credential === 'certificate' ? 'certificate private key' : 'client secret'} to rotate.`, 'secretFields');
  if (credential === 'certificate' && sd.certificate === null) return refused('The profile has no certificate to rotate.', 'selfDeployed.certificate');
  const target = await connections.target(request.connection);
  if (!target.ok) return target;
  return ok({ profile, target: target.value, credential });
}

/**
 * The Entra credential the profile uses now, the one a finished rotation removes: a certificate by its thumbprint
 * (none when Entra no longer has it), a client secret by the key id recorded for the stored value — never guessed.
 */
export function oldCredentialOf(profile: Profile, credential: RotatedCredential, app: GraphApplication): Result<{ readonly keyId: string | null; readonly thumbprint: string | null }> {
  if (credential === 'certificate') {
    const thumbprint = (profile.draft.selfDeployed.certificate?.sha1Thumbprint ?? '').toUpperCase();
    const present = app.keyCredentials.some((k) => (k.customKeyIdentifier ?? '').toUpperCase() === thumbprint);
    return ok({ keyId: null, thumbprint: present ? thumbprint : null });
  }
  const recorded = currentRecordOf(profile, 'client-secret')?.keyId ?? null;
  if (recorded !== null && app.passwordCredentials.some((p) => p.keyId === recorded)) return ok({ keyId: recorded, thumbprint: null });
  return fail(appError(ErrorCode.RotationRefused, 'Which of the app\'s client secrets this profile holds is not recorded yet. Run Check (Create the app for me → Check, or "gma entra check PROFILE") once: it records it, so that the rotation removes exactly that one.'));
}
