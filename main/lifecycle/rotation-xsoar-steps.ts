import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { credentialUpdateBody, type CredentialParam } from '../../shared/lifecycle/credential-update';
import type { RotationJournal } from '../../shared/lifecycle/rotation-journal';
import { fail, ok, type Result } from '../../shared/result';
import type { XsoarService, XsoarTarget } from '../xsoar/xsoar-service';

/** How often a credential update is re-read and sent again when the instance changed on the server meanwhile. */
const VERSION_ROUNDS = 3;

/** The new credential as the instance parameter takes it (the certificate's thumbprint comes from the journal). */
export function newCredentialParam(journal: RotationJournal, value: string): CredentialParam {
  return journal.credential === 'client-secret' ? { kind: 'client-secret', secret: value } : { kind: 'certificate', sha1Thumbprint: journal.newCertificate?.sha1Thumbprint ?? '', privateKeyPem: value };
}

/** The credential the profile holds now (its certificate's thumbprint from the profile), to give back on undo. */
export function currentCredentialParam(credential: RotationJournal['credential'], value: string, sha1Thumbprint: string): CredentialParam {
  return credential === 'client-secret' ? { kind: 'client-secret', secret: value } : { kind: 'certificate', sha1Thumbprint, privateKeyPem: value };
}

/**
 * Gives an XSOAR instance one credential value and changes nothing else: the stored instance is read, only the
 * credential's entry replaced, and sent back with its version; a concurrent edit on the server makes it read again.
 */
export async function putInstanceCredential(xsoar: XsoarService, target: XsoarTarget, instanceName: string, param: CredentialParam, signal: AbortSignal): Promise<Result<void>> {
  for (let round = 0; round < VERSION_ROUNDS; round += 1) {
    const stored = await xsoar.readInstance(target, instanceName, signal);
    if (!stored.ok) return stored;
    const put = await xsoar.client(target).call('PUT', '/settings/integration', credentialUpdateBody(stored.value, param), { signal });
    if (put.kind === 'answer') return ok(undefined);
    if (put.kind === 'refused' && /version/i.test(put.refusal.text)) continue;
    if (put.kind === 'refused') return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR refused the update of "${instanceName}" (${put.refusal.status}): ${put.refusal.text}`));
    return fail(put.error);
  }
  return fail(appError(ErrorCode.XsoarVersionConflict, `"${instanceName}" kept changing on the server; try again in a moment.`, { retryable: true }));
}
