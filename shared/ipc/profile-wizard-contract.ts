import { z } from 'zod';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
import { ProfileIdSchema, ProfileSchema } from '../domain/profile-schema';

/**
 * Channels of the wizard's profile: one configuration is one profile from the
 * moment a method is chosen, and the wizard re-reads it when the main process
 * recorded something in it (a passed check, a stored secret's version).
 */
export const PROFILE_WIZARD_CHANNELS = {
  'profiles:create-from-draft': { request: z.object({ draft: ProfileDraftSchema, step: z.string().max(40) }).strict(), response: ProfileSchema },
  'profiles:get': { request: z.object({ id: ProfileIdSchema }).strict(), response: ProfileSchema },
} as const;
