import { AuthMethod } from '../domain/auth-method';
import type { ProfileDraft } from '../domain/profile-draft';
import { credentialValue, type ParamValue } from '../xsoar/param-types';
import type { ParamName } from '../xsoar/param-table';

/** Instance parameters keyed by XSOAR parameter name, values encoded per spec §5a. */
export type InstanceParams = Partial<Record<ParamName, ParamValue>>;

/**
 * Builds the instance parameters of a valid draft.
 *
 * Only the chosen method's auth parameters appear (spec §6.2: the others
 * are absent, not empty). Booleans are JSON booleans because the integration
 * reads `self_deployed`, `insecure` and `proxy` by plain truthiness, where a
 * string "false" would mean true. Callers validate first
 * (`validateForExport`); this function does not re-check.
 */
export function buildInstanceParams(draft: ProfileDraft): InstanceParams {
  return { ...authParams(draft), ...mailboxParams(draft) };
}

function authParams(draft: ProfileDraft): InstanceParams {
  switch (draft.method) {
    case AuthMethod.ManagedIdentity: {
      const mi = draft.managedIdentity;
      // An absent client ID means system-assigned (the integration then sends SYSTEM_ASSIGNED).
      return mi.kind === 'user-assigned'
        ? { use_managed_identities: true, managed_identities_client_id: credentialValue(mi.clientId.trim()) }
        : { use_managed_identities: true };
    }
    case AuthMethod.XsoarApp:
    case AuthMethod.SelfDeployed:
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
