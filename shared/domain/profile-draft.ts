import type { AuthMethod } from './auth-method';
import { emptySelfDeployedDraft, type SelfDeployedDraft } from './self-deployed-draft';
import { emptyXsoarAppDraft, type XsoarAppDraft } from './xsoar-app-draft';

/** Which managed identity the integration uses. */
export type ManagedIdentityKind = 'system-assigned' | 'user-assigned';

/** Managed-identity settings as the analyst entered them. */
export interface ManagedIdentityDraft {
  readonly kind: ManagedIdentityKind;
  /** Client ID of the user-assigned identity; ignored for system-assigned. */
  readonly clientId: string;
}

/**
 * Mailbox, fetch and connection settings shared by every method, as entered.
 *
 * Text fields stay strings until export so that nothing the analyst typed is
 * lost or silently reformatted while the step is invalid.
 */
export interface MailboxDraft {
  readonly instanceName: string;
  readonly mailboxToFetch: string;
  readonly folderToFetch: string;
  readonly firstFetch: string;
  readonly fetchLimit: string;
  readonly isFetch: boolean;
  readonly displayFullEmailBody: boolean;
  readonly fetchHtmlFormatting: boolean;
  readonly markFetchedRead: boolean;
  readonly incidentFetchInterval: string;
  readonly incidentType: string;
  readonly insecure: boolean;
  readonly proxy: boolean;
  readonly legacyName: boolean;
}

/**
 * Everything non-secret the wizard collects for one XSOAR instance.
 *
 * Each method keeps its own block, so switching methods loses nothing; the
 * export only reads the block of `method`.
 */
export interface ProfileDraft {
  readonly method: AuthMethod | null;
  readonly managedIdentity: ManagedIdentityDraft;
  readonly xsoarApp: XsoarAppDraft;
  readonly selfDeployed: SelfDeployedDraft;
  readonly mailbox: MailboxDraft;
}

/** The default instance name XSOAR proposes for a first instance. */
export const DEFAULT_INSTANCE_NAME = 'Microsoft Graph Mail Single User_instance_1';

/** A fresh draft with the integration's own defaults (spec §1.2). */
export function emptyDraft(): ProfileDraft {
  return {
    method: null,
    managedIdentity: { kind: 'system-assigned', clientId: '' },
    xsoarApp: emptyXsoarAppDraft(),
    selfDeployed: emptySelfDeployedDraft(),
    mailbox: {
      instanceName: DEFAULT_INSTANCE_NAME,
      mailboxToFetch: '',
      folderToFetch: 'Inbox',
      firstFetch: '15 minutes',
      fetchLimit: '50',
      isFetch: false,
      displayFullEmailBody: false,
      fetchHtmlFormatting: false,
      markFetchedRead: false,
      incidentFetchInterval: '1',
      incidentType: '',
      insecure: false,
      proxy: false,
      legacyName: false,
    },
  };
}
