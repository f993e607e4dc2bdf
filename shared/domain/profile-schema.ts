import { z } from 'zod';
import { emptyDraft, type ProfileDraft } from './profile-draft';
import { ProfileDraftSchema } from './profile-draft-schema';
import { MAX_PROFILE_NAME, MAX_PROFILE_NOTES, type Profile } from './profile';
import { PROFILE_SECRET_FIELDS, type ProfileSecretField } from './secret-field';
import { VERIFIED_CHECK_KINDS } from './verified-check';
import { CREDENTIAL_END_SOURCES, CREDENTIAL_NAMES } from './credential-end';

/** Runtime schema of a profile id (a UUID). */
export const ProfileIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** Runtime schema of a profile name: trimmed, not empty. */
export const ProfileNameSchema = z.string().trim().min(1).max(MAX_PROFILE_NAME);

/** Runtime schema of a secret expiry date. */
export const ExpiryDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();

/** Runtime schema of a profile-scoped secret field name. */
export const ProfileSecretFieldSchema = z.enum(PROFILE_SECRET_FIELDS as [ProfileSecretField, ...ProfileSecretField[]]);

/** Runtime schema of a {@link VerifiedCheck}. */
export const VerifiedCheckSchema = z.object({
  kind: z.enum(VERIFIED_CHECK_KINDS),
  passedAt: z.string().max(40),
  fingerprint: z.string().regex(/^[0-9a-f]{1,32}$/),
  secretVersion: z.string().max(64).nullable(),
}).strict();

/** Runtime schema of a {@link CredentialEnd}. */
export const CredentialEndSchema = z.object({
  credential: z.enum(CREDENTIAL_NAMES),
  endsAt: z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  source: z.enum(CREDENTIAL_END_SOURCES),
  keyId: z.string().max(64).nullable(),
  recordedAt: z.string().max(40),
  secretVersion: z.string().max(64).nullable(),
}).strict();

/** Runtime schema of {@link Profile}'s secret versions. */
export const SecretVersionsSchema = z.partialRecord(ProfileSecretFieldSchema, z.string().max(64));

/** Runtime schema of {@link Profile}. */
export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  name: ProfileNameSchema,
  nameSetByUser: z.boolean(),
  draft: ProfileDraftSchema,
  secretFields: z.array(ProfileSecretFieldSchema).readonly(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  notes: z.string().max(MAX_PROFILE_NOTES),
  secretExpiresAt: ExpiryDateSchema,
  credentialEnds: z.array(CredentialEndSchema).max(8).readonly(),
  resumeStep: z.string().max(40),
  verifiedChecks: z.array(VerifiedCheckSchema).max(16).readonly(),
  secretVersions: SecretVersionsSchema,
}).strict() satisfies z.ZodType<Profile>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a stored draft leniently: every block and field the current
 * version knows is taken from `raw` when present and defaulted otherwise;
 * unknown keys are dropped. So a profile saved before a method block existed
 * still loads, with that block at its defaults. `null` if what remains is
 * still malformed.
 */
export function normalizeDraft(raw: unknown): ProfileDraft | null {
  if (!isRecord(raw)) return null;
  const defaults = emptyDraft() as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = raw[key];
    if (isRecord(fallback)) {
      const block = isRecord(value) ? value : {};
      merged[key] = Object.fromEntries(Object.entries(fallback).map(([k, d]) => [k, k in block ? block[k] : d]));
    } else {
      merged[key] = key in raw ? value : fallback;
    }
  }
  const parsed = ProfileDraftSchema.safeParse(merged);
  return parsed.success ? parsed.data : null;
}
