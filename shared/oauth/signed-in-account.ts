/**
 * Is the account that signed in the mailbox the integration will read?
 *
 * The integration's delegated token belongs to whoever signed in when the
 * code was created, and `!msgraph-mail-test` reads `/users/<mailbox_to_fetch>/messages`;
 * signing in as someone else makes every command act on the wrong mailbox
 * or fail. Addresses compare case-insensitively; the mailbox may match the
 * sign-in name (UPN), the `email` claim, or (from Graph `/me`) `mail` and
 * the SMTP proxy addresses.
 */

/** What we know about the signed-in account. */
export interface SignedInAccount {
  /** MSAL `AccountInfo.username` (the `preferred_username` claim). */
  readonly username?: string | null;
  /** ID-token claims that can carry an address. */
  readonly claims?: { readonly upn?: unknown; readonly email?: unknown; readonly preferred_username?: unknown } | null;
  /** Graph `/me` `mail`, when read. */
  readonly mail?: string | null;
  /** Graph `/me` `proxyAddresses` (`SMTP:primary@…`, `smtp:alias@…`), when read. */
  readonly proxyAddresses?: readonly string[] | null;
}

/** Which address matched. */
export type AccountMatchSource = 'username' | 'upn' | 'email' | 'mail' | 'proxy-address';

/** The verdict and the name to show ("signed in as …"). */
export interface AccountMatch {
  readonly matches: boolean;
  readonly matchedBy: AccountMatchSource | null;
  /** The sign-in name, for the ✗ line ("signed in as x, expected y"). */
  readonly signedInAs: string | null;
}

function normal(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null;
}

/** Compares the signed-in account with `mailbox_to_fetch`. */
export function accountMatchesMailbox(account: SignedInAccount, mailbox: string): AccountMatch {
  const target = normal(mailbox);
  const signedInAs = (typeof account.username === 'string' && account.username.trim()) || (typeof account.claims?.preferred_username === 'string' ? account.claims.preferred_username : null) || null;
  const candidates: readonly (readonly [AccountMatchSource, unknown])[] = [
    ['username', account.username ?? account.claims?.preferred_username],
    ['upn', account.claims?.upn],
    ['email', account.claims?.email],
    ['mail', account.mail],
    ...(account.proxyAddresses ?? []).filter((p) => /^smtp:/i.test(p)).map((p) => ['proxy-address', p.slice(5)] as const),
  ];
  const hit = target === null ? undefined : candidates.find(([, value]) => normal(value) === target);
  return { matches: hit !== undefined, matchedBy: hit?.[0] ?? null, signedInAs };
}
