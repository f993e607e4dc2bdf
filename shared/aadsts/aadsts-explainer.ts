/**
 * AADSTS error codes explained in plain language for SOC analysts.
 *
 * Facts come from Microsoft's public "Microsoft Entra authentication and
 * authorization error codes" reference and its troubleshooting articles
 * (consent, client credentials); the sentences are ours and are written for
 * the self-deployed "Microsoft Graph Mail Single User" setup, so fixes name
 * the portal page and the XSOAR field involved.
 */

import { parseAadstsCode } from './aadsts-code';

/** One explained AADSTS code. */
export interface AadstsExplanation {
  /** The numeric code, e.g. 7000215. */
  readonly code: number;
  /** A short headline, e.g. "Wrong client secret". */
  readonly title: string;
  /** What happened, in one or two sentences. */
  readonly meaning: string;
  /** What to do about it. */
  readonly fix: string;
  /** Microsoft's live description of the code (always on login.microsoftonline.com). */
  readonly referenceUrl: string;
  /** False for codes this table does not know; then title/meaning/fix are generic. */
  readonly known: boolean;
}

type Entry = Pick<AadstsExplanation, 'title' | 'meaning' | 'fix'>;

const RESET_HINT = 'In XSOAR run !msgraph-mail-auth-reset, generate a new authorization code and save it in the instance, then run !msgraph-mail-test.';

/** The explanations, keyed by code. Frozen: the table is data, not state. */
const TABLE: Readonly<Record<number, Entry>> = Object.freeze({
  90002: {
    title: 'Tenant not found',
    meaning: 'Microsoft Entra ID has no directory with the tenant ID or domain you entered, or the tenant has no active subscription.',
    fix: 'Copy the Directory (tenant) ID from the app registration\'s Overview page in the Entra admin center, or use a verified domain of that tenant. This integration works only in the worldwide (public) cloud.',
  },
  90094: {
    title: 'Administrator approval required',
    meaning: 'The tenant\'s consent policy does not let this user grant the requested permissions; an administrator must grant them for the whole organization.',
    fix: 'Ask a Global Administrator, Privileged Role Administrator or Cloud Application Administrator to grant admin consent (this app\'s Admin consent step, or "Grant admin consent" on the API permissions page), then sign in again.',
  },
  700016: {
    title: 'Application not found in this tenant',
    meaning: 'No application with this client ID exists in the tenant you named. Usually the client ID is mistyped, or the app was registered in a different tenant.',
    fix: 'Copy the Application (client) ID and the Directory (tenant) ID from the same app registration\'s Overview page. If the app lives in another tenant, use that tenant.',
  },
  7000215: {
    title: 'Wrong client secret',
    meaning: 'The client secret sent is not valid for this application. The most common cause is pasting the secret\'s ID (a GUID) instead of its value.',
    fix: 'In Certificates & secrets create a new client secret and copy the Value column right away (it is shown only once), not the Secret ID. Put it in "Key or Client Secret".',
  },
  7000222: {
    title: 'Client secret expired',
    meaning: 'The client secret you used has passed its expiry date, so Entra ID no longer accepts it.',
    fix: `Create a new client secret under Certificates & secrets, put its Value in "Key or Client Secret", and delete the expired one. ${RESET_HINT}`,
  },
  700027: {
    title: 'Certificate signature not accepted',
    meaning: 'The signed client assertion could not be verified: the certificate whose thumbprint was sent is not uploaded to this app, or the private key does not match it.',
    fix: 'Upload the public certificate (.cer/.crt, never the key) under Certificates & secrets > Certificates of this app registration, and use its SHA-1 thumbprint with the matching private key.',
  },
  700024: {
    title: 'Client assertion outside its valid time',
    meaning: 'The signed client assertion is not yet valid or already expired, which usually means the clock of the machine that signed it is wrong.',
    fix: 'Correct the system clock (enable time synchronisation) on the machine or XSOAR engine, then try again.',
  },
  50011: {
    title: 'Redirect URI does not match',
    meaning: 'The redirect URI in the request is not one of the redirect URIs registered for this application. The comparison is exact, including scheme, port, path and trailing slash.',
    fix: 'Under Authentication add the exact redirect URI as a Web platform redirect (for XSOAR, e.g. https://localhost), and make the instance\'s "Application redirect URI" identical.',
  },
  500113: {
    title: 'No redirect URI registered',
    meaning: 'The application has no redirect URI registered, so Entra ID cannot send the result anywhere.',
    fix: 'Under Authentication > Add a platform > Web, register the redirect URI the XSOAR instance uses (e.g. https://localhost).',
  },
  65001: {
    title: 'Consent missing',
    meaning: 'Neither the user nor an administrator has consented to the permissions this application asks for.',
    fix: 'Grant admin consent for the delegated permissions (Mail.ReadWrite, Mail.Send, User.Read, MailboxSettings.ReadWrite), or sign in interactively and accept the consent prompt.',
  },
  65004: {
    title: 'Consent declined',
    meaning: 'The user or administrator declined the permission request, or cancelled the consent screen (including after sending an approval request through the admin consent workflow).',
    fix: 'Sign in again and accept the permissions. If an approval request was sent, wait until an administrator approves it, then try again.',
  },
  650056: {
    title: 'Application misconfigured or not consented',
    meaning: 'The app registration lists no permissions for the requested API, or an administrator has not consented to them in this tenant.',
    fix: 'Under API permissions add the Microsoft Graph delegated permissions Mail.ReadWrite, Mail.Send, User.Read and MailboxSettings.ReadWrite, then grant admin consent.',
  },
  54005: {
    title: 'Authorization code already used',
    meaning: 'An authorization code can be redeemed only once, and this one has already been redeemed.',
    fix: `Generate a new authorization code. ${RESET_HINT}`,
  },
  70008: {
    title: 'Code or refresh token expired or revoked',
    meaning: 'The authorization code or refresh token is no longer valid: codes expire within minutes, and refresh tokens are revoked by password resets, admin action or long inactivity.',
    fix: `Generate a fresh authorization code and use it right away. ${RESET_HINT}`,
  },
  700082: {
    title: 'Refresh token expired from inactivity',
    meaning: 'The stored refresh token was not used for too long and has expired.',
    fix: RESET_HINT,
  },
  50173: {
    title: 'Sign-in no longer valid',
    meaning: 'The grant expired because it was revoked, for example after a password change or reset.',
    fix: RESET_HINT,
  },
  700025: {
    title: 'Public client sent a credential',
    meaning: 'The request went through a public client (a desktop/mobile redirect or "Allow public client flows"), which must not present a client secret or certificate.',
    fix: 'Use the Web redirect URI for XSOAR (it sends the secret or certificate), and keep http://localhost only under "Mobile and desktop applications" for this assistant\'s own sign-in.',
  },
  7000218: {
    title: 'Credential required but not sent',
    meaning: 'The application is a confidential client, so the token request must include a client secret or client assertion, and none was sent.',
    fix: 'Enter the client secret value or the certificate thumbprint and private key. For this assistant\'s own sign-in, add http://localhost under "Mobile and desktop applications".',
  },
  700054: {
    title: 'ID token not enabled for this response type',
    meaning: 'The request asked for an ID token directly from the authorization endpoint (implicit flow), which this app registration does not allow.',
    fix: 'Use the authorization-code flow (response_type=code, as the integration\'s login URL does); do not enable implicit ID tokens for this app.',
  },
  70011: {
    title: 'Invalid scope',
    meaning: 'A requested scope is malformed or does not exist for the resource.',
    fix: 'Request Microsoft Graph scopes such as https://graph.microsoft.com/.default or https://graph.microsoft.com/Mail.ReadWrite, spelled exactly.',
  },
  50076: {
    title: 'Multi-factor authentication required',
    meaning: 'A policy (for example a new location or a changed setting) requires multi-factor authentication, which a non-interactive request cannot perform.',
    fix: 'Sign in interactively in the browser and complete the MFA prompt, then generate the authorization code again.',
  },
  50079: {
    title: 'MFA registration required',
    meaning: 'The user must register for multi-factor authentication before signing in.',
    fix: 'Sign in interactively as the mailbox user and complete the MFA registration, then try again.',
  },
  53003: {
    title: 'Blocked by Conditional Access',
    meaning: 'A Conditional Access policy in the tenant blocked this sign-in (for example by location, device or client app).',
    fix: 'Ask an administrator to check the sign-in logs for the policy that applied, and to allow this app, user or location, or sign in from a compliant device.',
  },
  50020: {
    title: 'User not in this tenant',
    meaning: 'The signed-in account does not belong to the tenant named in the request (for example a personal Microsoft account or an account from another organization).',
    fix: 'Sign in with the work account of the mailbox in this tenant, or correct the tenant ID. If the browser chose another account, use "Use another account".',
  },
  50034: {
    title: 'User account not found',
    meaning: 'The user name does not exist in this tenant.',
    fix: 'Check the spelling of the mailbox user\'s sign-in name (UPN) and that it belongs to this tenant.',
  },
  50126: {
    title: 'Wrong user name or password',
    meaning: 'The credentials entered at sign-in are not valid.',
    fix: 'Sign in again with the correct password for the mailbox user.',
  },
  50053: {
    title: 'Account locked',
    meaning: 'The account is locked after too many failed sign-ins, or sign-in from a suspicious source was blocked.',
    fix: 'Wait and try again, or ask an administrator to unlock the account.',
  },
  50055: {
    title: 'Password expired',
    meaning: 'The user\'s password has expired.',
    fix: 'Change the password of the mailbox user, then sign in again.',
  },
  50057: {
    title: 'Account disabled',
    meaning: 'The user account is disabled in the directory.',
    fix: 'Ask an administrator to enable the account, or use another mailbox.',
  },
  50105: {
    title: 'User not assigned to the app',
    meaning: 'The application requires user assignment and the signed-in user is not assigned to it.',
    fix: 'In Enterprise applications > this app > Users and groups, assign the mailbox user, or turn off "Assignment required".',
  },
  90014: {
    title: 'Required field missing',
    meaning: 'The request lacks a required parameter, for example an empty authorization code.',
    fix: 'Fill in every required instance setting; paste the whole authorization code.',
  },
  9002313: {
    title: 'Malformed request',
    meaning: 'Entra ID could not parse the request, for example a truncated or altered authorization code or URL.',
    fix: 'Copy the login URL and the authorization code again, completely and unchanged.',
  },
});

/**
 * Explains an AADSTS code; unknown codes get a generic text and Microsoft's
 * lookup link, so callers never need a special case.
 */
export function explainAadsts(code: number): AadstsExplanation {
  const referenceUrl = `https://login.microsoftonline.com/error?code=${code}`;
  const entry = TABLE[code];
  if (entry) return { code, ...entry, referenceUrl, known: true };
  return {
    code,
    title: `Sign-in error AADSTS${code}`,
    meaning: 'Microsoft Entra ID rejected the request with a code this assistant does not describe.',
    fix: `Open ${referenceUrl} for Microsoft's description, and check the tenant ID, client ID, credential and redirect URI.`,
    referenceUrl,
    known: false,
  };
}

/**
 * Explains the AADSTS code found in an `error_description` or MSAL error
 * message, or returns `null` when the text carries no code.
 */
export function explainAadstsText(text: string | null | undefined): AadstsExplanation | null {
  const code = parseAadstsCode(text);
  return code === null ? null : explainAadsts(code);
}

/** Every code this table explains, ascending (for tests and documentation). */
export const EXPLAINED_AADSTS_CODES: readonly number[] = Object.freeze(
  Object.keys(TABLE)
    .map(Number)
    .toSorted((a, b) => a - b),
);
