import { AuthMethod } from '../domain/auth-method';
import { emptyDraft, type MailboxDraft, type ProfileDraft } from '../domain/profile-draft';
import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import { detectMode } from '../export/export-mode';
import type { InstanceParams } from './build-instance-params';
import { ok, type Result } from '../result';
import { isGuid } from '../validation/field-rules';
import { emptySelfDeployedDraft } from '../domain/self-deployed-draft';
import type { ParamValue } from '../xsoar/param-types';

/** A draft rebuilt from parameters, plus the secret values found in them. */
export interface DraftFromParams {
  readonly draft: ProfileDraft;
  /** Real secret values to store in the keychain (placeholders are not included). */
  readonly secrets: Partial<Record<ProfileSecretField, string>>;
}

const text = (v: ParamValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const flag = (v: ParamValue | undefined): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const password = (v: ParamValue | undefined): string => (typeof v === 'object' ? v.password : typeof v === 'string' ? v : '');

/**
 * The inverse of `buildInstanceParams`: turns checked, normalized
 * parameters (an import or a bundle) into a draft and its secrets.
 *
 * `isPlaceholder` recognises values that stand for a secret instead of
 * being one; those are left out, so the import asks for them later instead
 * of storing a placeholder as a credential. `importedAt` (ISO time) stands
 * in for when a carried authorization code was obtained.
 */
export function paramsToDraft(params: InstanceParams, instanceName: string, isPlaceholder: (value: string) => boolean, importedAt = ''): Result<DraftFromParams> {
  const base = emptyDraft();
  const mailbox = mailboxFromParams(base.mailbox, params, instanceName);
  const secrets: Partial<Record<ProfileSecretField, string>> = {};
  const keep = (field: ProfileSecretField, value: string): void => {
    if (value.trim() !== '' && !isPlaceholder(value)) secrets[field] = value;
  };
  const mode = detectMode(params);
  switch (mode.method) {
    case 'managed-identity': {
      const clientId = password(params.managed_identities_client_id);
      const draft: ProfileDraft = { ...base, method: AuthMethod.ManagedIdentity, managedIdentity: { kind: mode.identity, clientId }, mailbox };
      return ok({ draft, secrets });
    }
    case 'xsoar-app': {
      keep(SecretField.XsoarAppToken, password(params.creds_refresh_token));
      keep(SecretField.XsoarAppKey, password(params.creds_enc_key));
      const draft: ProfileDraft = { ...base, method: AuthMethod.XsoarApp, xsoarApp: { id: password(params.creds_auth_id), boundInstanceName: '' }, mailbox };
      return ok({ draft, secrets });
    }
    case 'self-deployed': {
      const cert = params.creds_certificate;
      const certificate = typeof cert === 'object' ? { sha1Thumbprint: cert.identifier.toUpperCase(), sha256Thumbprint: '', subject: '', notAfter: '', certificatePem: '' } : null;
      if (typeof cert === 'object') keep(SecretField.SelfDeployedPrivateKey, cert.password);
      else keep(SecretField.SelfDeployedClientSecret, password(params.creds_enc_key));
      keep(SecretField.SelfDeployedAuthCode, password(params.creds_auth_code));
      const tenant = password(params.creds_refresh_token).trim();
      const selfDeployed = {
        ...emptySelfDeployedDraft(),
        tenant,
        resolvedTenantId: isGuid(tenant) ? tenant.toLowerCase() : '',
        clientId: password(params.creds_auth_id).trim(),
        redirectUri: text(params.redirect_uri) ?? emptySelfDeployedDraft().redirectUri,
        credentialKind: certificate === null ? ('secret' as const) : ('certificate' as const),
        certificate,
        // The file does not say when the code was issued; it counts from the import (the import warns).
        authCodeObtainedAt: secrets[SecretField.SelfDeployedAuthCode] === undefined ? '' : importedAt,
      };
      return ok({ draft: { ...base, method: AuthMethod.SelfDeployed, selfDeployed, mailbox }, secrets });
    }
  }
}

function mailboxFromParams(defaults: MailboxDraft, p: InstanceParams, instanceName: string): MailboxDraft {
  return {
    instanceName: instanceName.trim() || defaults.instanceName,
    mailboxToFetch: text(p.mailbox_to_fetch) ?? defaults.mailboxToFetch,
    folderToFetch: text(p.folder_to_fetch) ?? defaults.folderToFetch,
    firstFetch: text(p.first_fetch) ?? defaults.firstFetch,
    fetchLimit: text(p.fetch_limit) ?? defaults.fetchLimit,
    isFetch: flag(p.isFetch) ?? defaults.isFetch,
    displayFullEmailBody: flag(p.display_full_email_body) ?? defaults.displayFullEmailBody,
    fetchHtmlFormatting: flag(p.fetch_html_formatting) ?? defaults.fetchHtmlFormatting,
    markFetchedRead: flag(p.mark_fetched_read) ?? defaults.markFetchedRead,
    incidentFetchInterval: text(p.incidentFetchInterval) ?? defaults.incidentFetchInterval,
    incidentType: text(p.incidentType) ?? defaults.incidentType,
    insecure: flag(p.insecure) ?? defaults.insecure,
    proxy: flag(p.proxy) ?? defaults.proxy,
    legacyName: flag(p.legacy_name) ?? defaults.legacyName,
  };
}
