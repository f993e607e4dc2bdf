import { z } from 'zod';
import { AUTH_METHODS, type AuthMethod } from '../domain/auth-method';
import { ProfileSchema, ProfileSecretFieldSchema } from '../domain/profile-schema';

/** A profile-file entry that failed its schema and was set aside (what the list shows of it). */
export const DamagedEntrySummarySchema = z.object({
  key: z.string(),
  reason: z.string(),
  setAsideAt: z.string(),
  name: z.string().nullable(),
  profileId: z.string().nullable(),
});

const DamagedKey = z.object({ key: z.string().regex(/^[0-9a-f]{16}$/) }).strict();

/**
 * Channels for the profile store's set-aside entries: export one's raw JSON
 * through the save dialog, or delete it. Spread into the contract.
 */
export const PROFILE_STORE_CHANNELS = {
  'profiles:export-damaged': {
    request: DamagedKey,
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('saved'), path: z.string() }), z.object({ status: z.literal('cancelled') })]),
  },
  'profiles:delete-damaged': { request: DamagedKey, response: z.object({ deletedItems: z.number().int() }) },
} as const;

/** One side of an import clash: which profile, and which secrets it stores (never their values). */
export const ImportSideSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  instanceName: z.string(),
  mailbox: z.string(),
  method: z.enum(AUTH_METHODS as [AuthMethod, ...AuthMethod[]]).nullable(),
  secretFields: z.array(ProfileSecretFieldSchema).readonly(),
  changedAt: z.string().nullable(),
});

/**
 * `settings:import`: the first call (with the passphrase for a bundle)
 * imports, or answers `clash` with both sides when the file matches an
 * existing profile; a second call on the same handle carries the user's
 * decision.
 */
export const IMPORT_CHANNEL = {
  request: z
    .object({ handle: z.string().uuid(), passphrase: z.string().max(1024).optional(), decision: z.enum(['replace', 'as-new', 'cancel']).optional() })
    .strict(),
  response: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('imported'),
      profile: ProfileSchema,
      replaced: z.boolean(),
      warnings: z.array(z.string()).readonly(),
      missingSecrets: z.array(ProfileSecretFieldSchema).readonly(),
    }),
    z.object({ status: z.literal('clash'), reason: z.enum(['same-id', 'same-instance']), existing: ImportSideSchema, incoming: ImportSideSchema, warnings: z.array(z.string()).readonly() }),
    z.object({ status: z.literal('cancelled') }),
  ]),
} as const;
