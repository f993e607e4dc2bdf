import { AuthMethod } from '../domain/auth-method';
import type { ProfileDraft } from '../domain/profile-draft';
import { effectiveTenant } from '../domain/self-deployed-draft';
import { SecretField, type ProfileSecretField } from '../domain/secret-field';
import { credentialValue, type ParamValue } from '../xsoar/param-types';
import type { ParamName } from '../xsoar/param-table';

/** Instance parameters keyed by XSOAR parameter name, values encoded per spec §5a. */
export type InstanceParams = Partial<Record<ParamName, ParamValue>>;

/**
 * Secret values by field. The export passes the keychain's values; the
 * Review step passes placeholders, so the renderer never needs a secret.
 */
export type SecretValues = Partial<Record<ProfileSecretField, string>>;

/**
 * Builds the instance parameters of a valid draft.
 *
 * Only the chosen method's auth parameters appear (spec §6.2: the others
 * are absent, not empty). Booleans are JSON booleans because the integration
 * reads `self_deployed`, `insecure` and `proxy` by plain truthiness, where a
 * string "false" would mean true. Callers validate first
 * (`validateForExport`); this function does not re-check.
 */
export function buildInstanceParams(draft: ProfileDraft, secrets: SecretValues = {}): InstanceParams {
  return { ...authParams(draft, secrets), ...mailboxParams(draft) };
}

function authParams(draft: ProfileDraft, secrets: SecretValues): InstanceParams {
  switch (draft.method) {
    case AuthMethod.ManagedIdentity: {
      const mi = draft.managedIdentity;
      // An absent client ID means system-assigned (the integration then sends SYSTEM_ASSIGNED).
      return mi.kind === 'user-assigned'
        ? { use_managed_identities: true, managed_identities_client_id: credentialValue(mi.clientId.trim()) }
        : { use_managed_identities: true };
    }
    case AuthMethod.XsoarApp:
      // ID → "ID or Client ID", Token → "Token or Tenant ID", Key → "Key or Client Secret" (spec §1.2, §6.3).
      return {
        creds_auth_id: credentialValue(draft.xsoarApp.id.trim()),
        creds_refresh_token: credentialValue((secrets[SecretField.XsoarAppToken] ?? '').trim()),
        creds_enc_key: credentialValue((secrets[SecretField.XsoarAppKey] ?? '').trim()),
        self_deployed: false,
      };
    case AuthMethod.SelfDeployed: {
      // Spec §1.2-1.4: ID = client ID, Token = tenant ID, Key = client secret OR certificate
      // (SHA-1 thumbprint in `identifier`, unencrypted PKCS#8 PEM in `password`), plus the
      // one-time code and the Web redirect URI the code was issued for.
      const s = draft.selfDeployed;
      const credential: InstanceParams =
        s.credentialKind === 'certificate'
          ? { creds_certificate: credentialValue(secrets[SecretField.SelfDeployedPrivateKey] ?? '', (s.certificate?.sha1Thumbprint ?? '').toUpperCase()) }
          : { creds_enc_key: credentialValue((secrets[SecretField.SelfDeployedClientSecret] ?? '').trim()) };
      return {
        creds_auth_id: credentialValue(s.clientId.trim().toLowerCase()),
        creds_refresh_token: credentialValue(effectiveTenant(s)),
        ...credential,
        creds_auth_code: credentialValue((secrets[SecretField.SelfDeployedAuthCode] ?? '').trim()),
        redirect_uri: s.redirectUri.trim(),
        self_deployed: true,
      };
    }
    case null:
      return {};
  }
}

function mailboxParams(draft: ProfileDraft): InstanceParams {
  const m = draft.mailbox;
  const params: InstanceParams = {
    mailbox_to_fetch: m.mailboxToFetch.trim(),
    folder_to_fetch: m.folderToFetch.trim(),
    first_fetch: m.firstFetch.trim().replace(/\s+/g, ' '),
    fetch_limit: m.fetchLimit.trim(),
    isFetch: m.isFetch,
    display_full_email_body: m.displayFullEmailBody,
    fetch_html_formatting: m.fetchHtmlFormatting,
    mark_fetched_read: m.markFetchedRead,
    incidentFetchInterval: m.incidentFetchInterval.trim(),
    insecure: m.insecure,
    proxy: m.proxy,
    legacy_name: m.legacyName,
  };
  const incidentType = m.incidentType.trim();
  return incidentType === '' ? params : { ...params, incidentType };
}
