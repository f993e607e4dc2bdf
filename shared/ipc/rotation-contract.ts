import { z } from 'zod';
import { ProfileIdSchema } from '../domain/profile-schema';

const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One progress report of a rotation. */
export const RotationProgressSchema = z.object({
  step: z.enum(['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old', 'roll-back']),
  state: z.enum(['running', 'done', 'failed']),
  detail: z.string(),
});

/**
 * The channels of Rotate (issue 15): `rotation:start` rotates a profile's client secret or certificate under a
 * cancellable request id, `rotation:progress` reports the steps so far, `rotation:cancel` stops it before the point
 * of no return (what was done is undone).
 */
export const ROTATION_CONTRACT = {
  'rotation:start': {
    request: z.object({
      requestId: RequestId,
      profileId: ProfileIdSchema,
      connection: z.string().trim().min(1).max(200),
      playgroundId: z.string().max(200).nullable(),
      secretDays: z.number().int().min(1).max(730),
      certificateDays: z.number().int().min(1).max(365),
    }).strict(),
    response: z.object({
      credential: z.enum(['client-secret', 'certificate']),
      instanceName: z.string(),
      newEndsAt: z.string(),
      newKeyId: z.string().nullable(),
      removedKeyId: z.string().nullable(),
      removedThumbprint: z.string().nullable(),
    }),
  },
  'rotation:progress': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ steps: z.array(RotationProgressSchema).readonly() }),
  },
  'rotation:cancel': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const;
