import { explainAadsts, type AadstsExplanation } from '../aadsts/aadsts-explainer';
import { parseAadstsCode } from '../aadsts/aadsts-code';

/** The integration's error turned into cause and fix, for an analyst. */
export interface IntegrationErrorExplanation {
  /** Stable key of the rule that matched (tests and the UI's data attribute use it). */
  readonly kind: IntegrationErrorKind;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  /** Set when the text carries an AADSTS code. */
  readonly aadsts: AadstsExplanation | null;
  /** The fix starts with `!msgraph-mail-auth-reset` (a redeemed code or rotated token is in the instance context). */
  readonly suggestsAuthReset: boolean;
}

/** The rules, by stable key. */
export const IntegrationErrorKind = Object.freeze({
  Aadsts: 'aadsts',
  MalformedAuthCode: 'malformed-auth-code',
  KeyNotBase64: 'key-not-base64',
  KeySize: 'key-size',
  OproxyRejected: 'oproxy-rejected',
  KeyMissing: 'key-missing',
  CredentialMissing: 'credential-missing',
  ManagedIdentityNotFound: 'managed-identity-not-found',
  ManagedIdentityUnavailable: 'managed-identity-unavailable',
  MailboxAccessDenied: 'mailbox-access-denied',
  MailboxNotFound: 'mailbox-not-found',
  TokenRejected: 'token-rejected',
  InstanceNotFound: 'instance-not-found',
  Unknown: 'unknown',
} as const);

/** One of the values of {@link IntegrationErrorKind}. */
export type IntegrationErrorKind = (typeof IntegrationErrorKind)[keyof typeof IntegrationErrorKind];

type Rule = Omit<IntegrationErrorExplanation, 'aadsts'> & { readonly test: RegExp };

const RESET = 'Run !msgraph-mail-auth-reset for the instance first, then send again and re-run the test.';

// Ordered: the first match wins. Patterns quote the integration's own texts (spec §3e, MicrosoftApiModule) and the
// Python exceptions its libraries raise for a bad Key (binascii, cryptography).
const RULES: readonly Rule[] = [
  {
    kind: IntegrationErrorKind.MalformedAuthCode, test: /Malformed auth_code/i, suggestsAuthReset: false,
    title: 'Authorization code pasted with extra text',
    cause: 'The "Authorization code" field holds more than the code, e.g. the "&session_state=…" part of the redirect address.',
    fix: 'Capture the code again in the assistant (it keeps only the code) and send again.',
  },
  {
    kind: IntegrationErrorKind.KeyNotBase64, test: /Incorrect padding|Invalid base64|Non-base64|binascii/i, suggestsAuthReset: false,
    title: 'The Key is not the Key from the consent page',
    cause: 'The integration Base64-decodes the Key before encrypting the Token with it; this value is not valid Base64, so it is not the Key shown by the consent page (or it was cut off while copying).',
    fix: 'Paste the Key exactly as the consent page showed it (ends in "=" in most cases) into the profile and send again.',
  },
  {
    kind: IntegrationErrorKind.KeySize, test: /AES ?GCM key must be|Invalid key size|key must be 128, 192, or 256 bits/i, suggestsAuthReset: false,
    title: 'The Key has the wrong length',
    cause: 'The Key decodes to a length AES-GCM cannot use (16, 24 or 32 bytes). It is not the Key from the consent page — often the Token or the ID was pasted into the Key field.',
    fix: 'Copy the Key from the consent page again into the profile\'s Key field and send again.',
  },
  {
    kind: IntegrationErrorKind.OproxyRejected, test: /Server message:/i, suggestsAuthReset: true,
    title: 'The Cortex XSOAR app\'s token service refused the ID, Token or Key',
    cause: 'The token service could not decrypt or recognise the Token with this Key and ID: the three values do not belong together, or the consent was revoked, or they were already used by another instance.',
    fix: `Run the consent page again, paste the new ID, Token and Key into the profile, and send to this instance only. ${RESET}`,
  },
  {
    kind: IntegrationErrorKind.KeyMissing, test: /Key must be provided/i, suggestsAuthReset: false,
    title: 'The Key is missing',
    cause: 'The instance uses the Cortex XSOAR app but has no Key.',
    fix: 'Enter the Key from the consent page in the profile and send again.',
  },
  {
    kind: IntegrationErrorKind.CredentialMissing, test: /Key or Certificate Thumbprint and Private Key must be provided/i, suggestsAuthReset: false,
    title: 'No client secret or certificate',
    cause: 'The self-deployed instance has neither a client secret nor a complete certificate (thumbprint and private key).',
    fix: 'Add the client secret value or the certificate in the profile and send again.',
  },
  {
    kind: IntegrationErrorKind.ManagedIdentityNotFound, test: /Managed Identities.*(Identity not found|not found|invalid_request)/is, suggestsAuthReset: false,
    title: 'Managed identity not found',
    cause: 'The machine the instance runs on has no managed identity with this client ID (or no system-assigned identity).',
    fix: 'In the Azure portal check the VM\'s Identity page: copy the user-assigned identity\'s Client ID into the profile, or enable the system-assigned identity. On XSOAR 8 the instance must run on an engine on that Azure VM.',
  },
  {
    kind: IntegrationErrorKind.ManagedIdentityUnavailable, test: /Azure Managed Identities/i, suggestsAuthReset: false,
    title: 'Managed identity not available here',
    cause: 'The instance could not reach the Azure instance metadata service: it does not run on an Azure VM (or the engine is elsewhere).',
    fix: 'Run the instance on an engine installed on the Azure VM that holds the identity (choose the engine when sending).',
  },
  {
    kind: IntegrationErrorKind.MailboxAccessDenied, test: /\[403\]|ErrorAccessDenied|Access is denied/i, suggestsAuthReset: true,
    title: 'Microsoft Graph refused access to the mailbox',
    cause: 'A token was obtained, but it does not allow reading this mailbox: a permission (Mail.ReadWrite) is missing or not consented, or the account that signed in is not the mailbox in "Email address to associate".',
    fix: `Grant the delegated permissions (or admin consent) and sign in as the mailbox itself. ${RESET}`,
  },
  {
    kind: IntegrationErrorKind.MailboxNotFound, test: /ErrorInvalidUser|MailboxNotEnabledForRESTAPI|\[404\]/i, suggestsAuthReset: false,
    title: 'Mailbox not found',
    cause: 'Microsoft Graph does not know the mailbox in "Email address to associate for this integration", or it has no Exchange Online mailbox.',
    fix: 'Correct the mailbox address in the profile and send again.',
  },
  {
    kind: IntegrationErrorKind.TokenRejected, test: /\[401\]|InvalidAuthenticationToken/i, suggestsAuthReset: true,
    title: 'Microsoft Graph rejected the token',
    cause: 'The access token was not accepted (expired, wrong tenant or wrong audience).',
    fix: RESET,
  },
  {
    kind: IntegrationErrorKind.InstanceNotFound, test: /no (enabled )?instance|instance .* not found|using=.*not exist/i, suggestsAuthReset: false,
    title: 'Instance not found on the server',
    cause: 'XSOAR has no enabled instance with this name.',
    fix: 'Send the profile first (or check the instance name and that the instance is enabled).',
  },
];

// AADSTS codes after which the instance context holds something stale and the integration itself suggests a reset
// (MAM: 50173, 700082, 70008, 54005, 7000222).
const RESET_CODES = new Set([50173, 700082, 70008, 54005, 7000222]);

/**
 * Explains an error printed by `!msgraph-mail-test`: an AADSTS code goes through the shared AADSTS explainer (wrong
 * secret, expired code, redirect URI mismatch, …); the integration's own messages (spec §3e) have rules here; anything
 * else is shown as it is with a generic fix.
 */
export function explainIntegrationError(text: string): IntegrationErrorExplanation {
  const code = parseAadstsCode(text);
  if (code !== null) {
    const aadsts = explainAadsts(code);
    return { kind: IntegrationErrorKind.Aadsts, title: aadsts.title, cause: aadsts.meaning, fix: aadsts.fix, aadsts, suggestsAuthReset: RESET_CODES.has(code) };
  }
  const rule = RULES.find((r) => r.test.test(text));
  if (rule !== undefined) {
    const { test: _pattern, ...rest } = rule;
    return { ...rest, aadsts: null };
  }
  return {
    kind: IntegrationErrorKind.Unknown,
    title: 'The test failed',
    cause: 'The integration reported an error this assistant does not recognise (shown below as XSOAR printed it).',
    fix: 'Check the values in the profile against the message; then send again and re-run the test.',
    aadsts: null,
    suggestsAuthReset: false,
  };
}
