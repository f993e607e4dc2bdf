import { X509Certificate } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import type { GraphApplication } from '../../shared/entra/registration-model';
import type { RotationJournal } from '../../shared/lifecycle/rotation-journal';
import { fail, ok, type Result } from '../../shared/result';
import type { GraphCall } from '../entra/graph-admin-client';
import type { RegistrationGraph } from '../entra/registration-graph';

type KeyCredential = GraphApplication['keyCredentials'][number];

/** A failed Graph call as the rotation reports it ("Microsoft Graph refused to … (HTTP 403 …)"). */
export function graphError(what: string, call: GraphCall<unknown> & { ok: false }): AppError {
  const f = call.failure;
  const status = f.status === null ? f.kind : `HTTP ${f.status}${f.code ? ` ${f.code}` : ''}`;
  return appError(f.status === 403 ? ErrorCode.EntraDenied : ErrorCode.EntraRequestFailed, `Microsoft Graph refused to ${what} (${status}).`);
}

// A PATCH of keyCredentials replaces the whole collection: the keys kept are sent back with their public key.
function keptForPatch(keys: readonly KeyCredential[]): Record<string, unknown>[] {
  return keys.filter((k) => typeof k.key === 'string' && k.key !== '').map((k) => ({ keyId: k.keyId, type: k.type, usage: k.usage, key: k.key, displayName: k.displayName }));
}

function sameThumbprint(k: KeyCredential, thumbprint: string): boolean {
  return (k.customKeyIdentifier ?? '').toUpperCase() === thumbprint.toUpperCase();
}

/**
 * The Entra ID side of a rotation over Microsoft Graph: add the new client secret or certificate to the app
 * registration, and remove either the new one (undo) or the old one (finish). Removal finds its credential again
 * by key id, marker or thumbprint, so it is safe to repeat after a crash.
 */
export class RotationEntraSteps {
  constructor(private readonly graph: RegistrationGraph) {}

  /** The app registration with this client id. */
  async application(clientId: string): Promise<Result<GraphApplication>> {
    const app = await this.graph.applicationByAppId(clientId);
    return app.ok ? ok(app.value) : fail(graphError(`read the app registration ${clientId}`, app));
  }

  /** Adds a client secret named `marker` ending at `endsAt`; its text comes back once. */
  async addSecret(app: GraphApplication, marker: string, endsAt: string): Promise<Result<{ readonly keyId: string; readonly secretText: string; readonly endDateTime: string }>> {
    const added = await this.graph.addPassword(app.id, marker, endsAt);
    return added.ok ? ok(added.value) : fail(graphError('add a client secret', added));
  }

  /** Uploads `certificatePem` (public part only) beside the app's other keys, named `marker`. */
  async addCertificate(app: GraphApplication, certificatePem: string, marker: string): Promise<Result<void>> {
    const der = new X509Certificate(certificatePem).raw.toString('base64');
    const patched = await this.graph.patchApplication(app.id, { keyCredentials: [...keptForPatch(app.keyCredentials), { type: 'AsymmetricX509Cert', usage: 'Verify', key: der, displayName: marker }] });
    return patched.ok ? ok(undefined) : fail(graphError('upload the new certificate', patched));
  }

  /** Removes the rotation's new credential (by key id or marker; by thumbprint for a certificate), if it exists. */
  async removeNew(journal: RotationJournal, clientId: string): Promise<Result<void>> {
    const app = await this.application(clientId);
    if (!app.ok) return app;
    if (journal.credential === 'client-secret') {
      for (const p of app.value.passwordCredentials.filter((c) => c.keyId === journal.newKeyId || c.displayName === journal.newMarker)) {
        const r = await this.graph.removePassword(app.value.id, p.keyId);
        if (!r.ok && !(r.failure.status === 400 || r.failure.status === 404)) return fail(graphError('remove the new client secret', r));
      }
      return ok(undefined);
    }
    const thumbprint = journal.newCertificate?.sha1Thumbprint ?? '';
    return this.keepKeys(app.value, (k) => !sameThumbprint(k, thumbprint), 'remove the new certificate');
  }

  /** Removes the credential the rotation replaced, if there was one and it still exists. */
  async removeOld(journal: RotationJournal, clientId: string): Promise<Result<void>> {
    if (journal.oldKeyId === null && journal.oldThumbprint === null) return ok(undefined);
    const app = await this.application(clientId);
    if (!app.ok) return app;
    if (journal.credential === 'client-secret') {
      if (!app.value.passwordCredentials.some((p) => p.keyId === journal.oldKeyId)) return ok(undefined);
      const r = await this.graph.removePassword(app.value.id, journal.oldKeyId ?? '');
      return r.ok || r.failure.status === 400 ? ok(undefined) : fail(graphError('remove the old client secret', r));
    }
    const old = journal.oldThumbprint ?? '';
    return this.keepKeys(app.value, (k) => !sameThumbprint(k, old), 'remove the old certificate');
  }

  private async keepKeys(app: GraphApplication, keep: (k: KeyCredential) => boolean, what: string): Promise<Result<void>> {
    if (app.keyCredentials.every(keep)) return ok(undefined);
    const r = await this.graph.patchApplication(app.id, { keyCredentials: keptForPatch(app.keyCredentials.filter(keep)) });
    return r.ok ? ok(undefined) : fail(graphError(what, r));
  }
}
