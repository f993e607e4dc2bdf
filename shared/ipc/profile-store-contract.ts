import { z } from 'zod';

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
