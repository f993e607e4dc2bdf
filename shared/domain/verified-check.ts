import type { ProfileDraft } from './profile-draft';
import { effectiveTenant } from './self-deployed-draft';
import { SecretField, type ProfileSecretField } from './secret-field';

/** The self-deployed checks whose success a profile remembers. */
export const VERIFIED_CHECK_KINDS = ['credential', 'admin-consent', 'sign-in'] as const;

/** One of {@link VERIFIED_CHECK_KINDS}. */
export type VerifiedCheckKind = (typeof VERIFIED_CHECK_KINDS)[number];

/**
 * A check that passed, as the profile keeps it: when, a fingerprint of the
 * non-secret values it verified, and which stored secret version it used.
 * Never the secret itself: a secret version is a random id assigned when the
 * secret was written to the keychain.
 */
export interface VerifiedCheck {
  readonly kind: VerifiedCheckKind;
  /** ISO 8601, when the check passed. */
  readonly passedAt: string;
  /** {@link fingerprintOf} the check's {@link CheckInputs}. */
  readonly fingerprint: string;
  /** The version of the secret the check used (client secret or private key), or `null` when it used none. */
  readonly secretVersion: string | null;
}

/** Random id of each stored secret's current value, by field. */
export type SecretVersions = Readonly<Partial<Record<ProfileSecretField, string>>>;

/** The non-secret values a check depends on, as its request carries them. */
export interface CheckInputs {
  readonly tenant: string;
  readonly clientId: string;
  readonly credentialKind?: 'secret' | 'certificate';
  readonly thumbprint?: string;
  readonly mailbox?: string;
  readonly folderToFetch?: string;
}

/** The inputs of `kind` as the wizard builds its request from `draft`. */
export function checkInputsOf(kind: VerifiedCheckKind, draft: ProfileDraft): CheckInputs {
  const s = draft.selfDeployed;
  const base = { tenant: effectiveTenant(s), clientId: s.clientId.trim() };
  switch (kind) {
    case 'credential':
      return { ...base, credentialKind: s.credentialKind, thumbprint: s.credentialKind === 'certificate' ? (s.certificate?.sha1Thumbprint ?? '') : '' };
    case 'admin-consent':
      return base;
    case 'sign-in':
      return { ...base, mailbox: draft.mailbox.mailboxToFetch.trim(), folderToFetch: draft.mailbox.folderToFetch.trim() || 'Inbox' };
  }
}

// The values that matter to Entra ID, normalized the way it compares them (GUIDs and UPNs case-insensitively).
function canonical(kind: VerifiedCheckKind, inputs: CheckInputs): string {
  const parts: string[] = [kind, inputs.tenant.trim().toLowerCase(), inputs.clientId.trim().toLowerCase()];
  if (kind === 'credential') parts.push(inputs.credentialKind ?? 'secret', (inputs.thumbprint ?? '').toUpperCase());
  if (kind === 'sign-in') parts.push((inputs.mailbox ?? '').trim().toLowerCase(), (inputs.folderToFetch ?? '').trim() || 'Inbox');
  return JSON.stringify(parts);
}

// cyrb53: a small, well-mixed 53-bit string hash (no crypto needed: the inputs are public values).
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A fingerprint of the values `kind` verified: equal inputs (after normalization) give equal fingerprints. */
export function fingerprintOf(kind: VerifiedCheckKind, inputs: CheckInputs): string {
  return hash53(canonical(kind, inputs));
}

/** The secret a check of `kind` used, or `null` (admin consent and the desktop sign-in use none). */
export function secretUsedBy(kind: VerifiedCheckKind, inputs: CheckInputs, viaWebRedirect = false): ProfileSecretField | null {
  if (kind === 'credential' || viaWebRedirect) {
    return inputs.credentialKind === 'certificate' ? SecretField.SelfDeployedPrivateKey : SecretField.SelfDeployedClientSecret;
  }
  return null;
}

/** Where a remembered check stands against the current values. */
export type CheckStanding = { readonly kind: VerifiedCheckKind; readonly check: VerifiedCheck; readonly stale: false } | {
  readonly kind: VerifiedCheckKind;
  readonly check: VerifiedCheck;
  readonly stale: true;
  /** What changed since the check passed, for people. */
  readonly reason: string;
};

/**
 * Compares a passed check with the draft and the stored secrets: stale when
 * a value it verified changed, or the secret it used was replaced or removed.
 */
export function standingOf(check: VerifiedCheck, draft: ProfileDraft, secretVersions: SecretVersions): CheckStanding {
  const inputs = checkInputsOf(check.kind, draft);
  if (fingerprintOf(check.kind, inputs) !== check.fingerprint) {
    return { kind: check.kind, check, stale: true, reason: STALE_VALUES[check.kind] };
  }
  if (check.secretVersion !== null) {
    const versions = Object.values(secretVersions);
    if (!versions.includes(check.secretVersion)) return { kind: check.kind, check, stale: true, reason: 'The credential was replaced since this check passed.' };
  }
  return { kind: check.kind, check, stale: false };
}

const STALE_VALUES: Record<VerifiedCheckKind, string> = {
  credential: 'The tenant, client ID or credential changed since this check passed.',
  'admin-consent': 'The tenant or client ID changed since consent was granted.',
  'sign-in': 'The tenant, client ID, mailbox or folder changed since this sign-in passed.',
};

/** The newest check of each kind, in {@link VERIFIED_CHECK_KINDS} order. */
export function latestChecks(checks: readonly VerifiedCheck[]): VerifiedCheck[] {
  return VERIFIED_CHECK_KINDS.flatMap((kind) => {
    const ofKind = checks.filter((c) => c.kind === kind);
    const last = ofKind.reduce<VerifiedCheck | undefined>((a, c) => (a === undefined || c.passedAt >= a.passedAt ? c : a), undefined);
    return last === undefined ? [] : [last];
  });
}

/** Adds `check`, keeping only the newest of each kind. */
export function withCheck(checks: readonly VerifiedCheck[], check: VerifiedCheck): VerifiedCheck[] {
  return [...checks.filter((c) => c.kind !== check.kind), check];
}

/** Labels for people. */
export const VERIFIED_CHECK_LABELS: Record<VerifiedCheckKind, string> = {
  credential: 'Credential check',
  'admin-consent': 'Admin consent',
  'sign-in': 'Sign-in as the mailbox',
};
