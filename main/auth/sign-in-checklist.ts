import type { AuthenticationResult } from '@azure/msal-node';
import { checkGrantedScopes } from '../../shared/oauth/required-permissions';
import { accountMatchesMailbox } from '../../shared/oauth/signed-in-account';
import { resolveFolderPath } from '../../shared/graph/folder-path';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { HttpClient } from '../ports/http-client';
import { GraphClient, GraphFolderReader, GraphRequestError, type GraphError } from './graph-client';

/** The checks, in display order. */
export type ChecklistItemId = 'scopes' | 'account' | 'read-mail' | 'folder';

/** One ✓/✗ line. */
export interface ChecklistItem {
  readonly id: ChecklistItemId;
  readonly passed: boolean;
  /** What was checked, e.g. "Permissions granted". */
  readonly label: string;
  /** What was found. */
  readonly detail: string;
  /** What to do when it failed; `null` when it passed. */
  readonly fix: string | null;
}

/** Who signed in, without tokens. */
export interface SignedInSummary {
  readonly username: string | null;
  readonly tenantId: string | null;
  /** MSAL `homeAccountId` (`<oid>.<tid>`): the key of the cached account. */
  readonly homeAccountId: string | null;
}

/** The verified sign-in: who signed in, what was granted, and the checklist. */
export interface SignInVerification {
  readonly account: SignedInSummary;
  readonly grantedScopes: readonly string[];
  readonly checks: readonly ChecklistItem[];
  /** True when every line passed. */
  readonly allPassed: boolean;
}

/** What the checklist compares against. */
export interface ChecklistTarget {
  /** `mailbox_to_fetch`. */
  readonly mailbox: string;
  /** `folder_to_fetch` (the integration's default is `Inbox`). */
  readonly folderToFetch: string;
}

function graphFix(error: GraphError): string {
  if (error.status === 403) return 'The signed-in user may not read this mailbox. Sign in as the mailbox user, or grant the missing Mail permission and admin consent.';
  if (error.status === 404) return 'Check that the mailbox address is right and the mailbox exists in Exchange Online (it needs an Exchange licence).';
  if (error.status === 401) return 'The token was refused; sign in again.';
  return 'Check the network connection to Microsoft Graph and try again.';
}

/**
 * Runs the checklist on a fresh sign-in: scopes from the token response (never by decoding the Graph token, which
 * is opaque to clients), the account against the mailbox, `GET /users/{mailbox}/messages?$top=1` (what
 * `!msgraph-mail-test` does), and `folder_to_fetch` resolved the way the integration resolves it.
 */
export async function runSignInChecklist(result: AuthenticationResult, target: ChecklistTarget, http: HttpClient, endpoints: IdentityEndpoints, signal: AbortSignal): Promise<SignInVerification> {
  const checks: ChecklistItem[] = [];
  const scopes = checkGrantedScopes(result.scopes);
  checks.push({
    id: 'scopes',
    passed: scopes.missing.length === 0,
    label: 'Permissions granted',
    detail: scopes.missing.length === 0 ? 'Mail.ReadWrite, Mail.Send, User.Read and MailboxSettings.ReadWrite are granted.' : `Not granted: ${scopes.missing.join(', ')}.`,
    fix: scopes.missing.length === 0 ? null : `Add the Microsoft Graph delegated permission${scopes.missing.length > 1 ? 's' : ''} ${scopes.missing.join(', ')} under API permissions, grant admin consent, then sign in again.`,
  });

  const claims = (result.idTokenClaims ?? {}) as { upn?: unknown; email?: unknown; preferred_username?: unknown };
  const match = accountMatchesMailbox({ username: result.account?.username ?? null, claims }, target.mailbox);
  checks.push({
    id: 'account',
    passed: match.matches,
    label: 'Signed in as the mailbox',
    detail: match.matches ? `Signed in as ${match.signedInAs ?? target.mailbox}.` : `Signed in as ${match.signedInAs ?? 'an unknown account'}, but the mailbox is ${target.mailbox}.`,
    fix: match.matches ? null : `Sign in again and choose ${target.mailbox} ("Use another account"). XSOAR acts as whoever signed in when its authorization code was created.`,
  });

  const graph = new GraphClient(http, endpoints, result.accessToken, signal);
  const mailboxPath = `/users/${encodeURIComponent(target.mailbox)}`;
  const messages = await graph.get<{ value: readonly unknown[] }>(`${mailboxPath}/messages?$top=1`);
  checks.push({
    id: 'read-mail',
    passed: messages.ok,
    label: 'Mailbox readable (!msgraph-mail-test)',
    detail: messages.ok ? `Read ${messages.value.value.length} message(s) from ${target.mailbox}.` : messages.error.message,
    fix: messages.ok ? null : graphFix(messages.error),
  });

  let folderItem: ChecklistItem;
  try {
    const folder = await resolveFolderPath(target.folderToFetch, new GraphFolderReader(graph, target.mailbox));
    folderItem = folder.ok
      ? { id: 'folder', passed: true, label: 'Folder to fetch exists', detail: `Found "${folder.displayPath.join('/')}".`, fix: null }
      : { id: 'folder', passed: false, label: 'Folder to fetch exists', detail: folder.error.message, fix: 'Correct "Folder to fetch" (e.g. Inbox or Inbox/Phishing; sub-folders separated by "/").' };
  } catch (error) {
    const graphError = error instanceof GraphRequestError ? error.error : null;
    folderItem = { id: 'folder', passed: false, label: 'Folder to fetch exists', detail: graphError?.message ?? String(error), fix: graphError ? graphFix(graphError) : 'Try again.' };
  }
  checks.push(folderItem);

  return {
    account: { username: result.account?.username ?? null, tenantId: result.account?.tenantId ?? null, homeAccountId: result.account?.homeAccountId ?? null },
    grantedScopes: [...result.scopes],
    checks,
    allPassed: checks.every((c) => c.passed),
  };
}
