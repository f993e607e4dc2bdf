import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { AuthMethod } from '../../shared/domain/auth-method';
import type { ProfileDraft } from '../../shared/domain/profile-draft';
import { secretFieldsFor } from '../../shared/domain/secret-field';
import { prepareExport } from '../../shared/export/export-input';
import { buildRestBody, type RestInstanceBody } from '../../shared/export/rest-body';
import { buildInstanceParams, type SecretValues } from '../../shared/settings/build-instance-params';
import { validateForExport } from '../../shared/validation/validate-draft';
import { fail, ok, type Result } from '../../shared/result';
import type { ProfileSecrets } from '../ports/profile-secrets';

/** What to send: a profile's draft and where its secrets live. */
export interface SendSource {
  readonly profileId: string;
  readonly draft: ProfileDraft;
  readonly engine: string;
  /** The analyst confirmed sending XSOAR-app values to an instance other than the bound one. */
  readonly confirmRebind: boolean;
}

/**
 * Builds the instance body to send, with the real secrets from the keychain — the same rules as the REST export
 * (validation, `xsoar-graph-mail-auth.md` §5a encoding, the XSOAR-app single-instance binding), so a send and an
 * export of one profile carry identical values.
 */
export async function buildSendBody(secrets: ProfileSecrets, source: SendSource): Promise<Result<RestInstanceBody>> {
  const { draft } = source;
  const needed = secretFieldsFor(draft.method);
  const stored = needed.length > 0 ? await secrets.storedFields(source.profileId) : [];
  const problems = validateForExport(draft, stored);
  if (problems.length > 0) {
    return fail(appError(ErrorCode.ConfigInvalid, `The settings cannot be sent yet: ${problems.map((p) => p.message).join(' ')}`, { fields: problems }));
  }
  const instance = draft.mailbox.instanceName.trim();
  const bound = draft.xsoarApp.boundInstanceName;
  if (draft.method === AuthMethod.XsoarApp && bound !== '' && bound !== instance && !source.confirmRebind) {
    return fail(appError(ErrorCode.InstanceBindingMismatch,
      `The ID, Token and Key were already used for instance "${bound}". They work for one instance only: the integration keeps the rotated token in that instance, so a second instance using them breaks the first. For "${instance}", run the consent page again and paste the new values. Send anyway only if "${bound}" was deleted or renamed.`));
  }
  const values: SecretValues = {};
  for (const field of needed.filter((f) => stored.includes(f))) {
    const value = await secrets.read(source.profileId, field);
    if (value !== null) values[field] = value;
  }
  const checked = prepareExport({ instanceName: instance, params: buildInstanceParams(draft, values), secretsIncluded: true });
  if (!checked.ok) return checked;
  return ok(buildRestBody(checked.value, { engine: source.engine, version: 0 }));
}
