import { z } from 'zod';
import { ProfileIdSchema } from '../domain/profile-schema';

const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One progress report of a rotation. */
export const RotationProgressSchema = z.object({
  step: z.enum(['sign-in', 'create', 'store', 'update-xsoar', 'test', 'remove-old', 'roll-back']),
  state: z.enum(['running', 'done', 'failed']),
  detail: z.string(),
});

const RecoveryOutcome = z.enum(['rolled-back', 'finished', 'running-elsewhere', 'postponed', 'needs-attention']);

/** What recovering one interrupted rotation did; `reason` says why one was left unfinished. */
export const RecoveryReportSchema = z.object({ profileId: z.string(), profileName: z.string().nullable(), outcome: RecoveryOutcome, reason: z.string().nullable() });

/** One rotation a crash interrupted, as the Profiles banner lists it (public facts only). */
export const UnfinishedRotationSchema = z.object({
  profileId: z.string(),
  profileName: z.string().nullable(),
  credential: z.enum(['client-secret', 'certificate']),
  phase: z.enum(['creating', 'created', 'updating-xsoar', 'testing', 'committing']),
  startedAt: z.string(),
  instanceName: z.string(),
  recovery: z.enum(['roll-back', 'roll-forward']),
  lastAttempt: z.object({ outcome: RecoveryOutcome, reason: z.string().nullable() }).nullable(),
});

/**
 * The channels of Rotate (issue 15): `rotation:start` rotates a profile's client secret or certificate under a
 * cancellable request id, `rotation:progress` reports the steps so far, `rotation:cancel` stops it before the point
 * of no return (what was done is undone). `rotation:unfinished` lists rotations a crash interrupted that the start
 * could not finish or undo unattended; `rotation:recover` does it now (with an interactive administrator sign-in if
 * needed), cancellable with `rotation:cancel` under its request id.
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
  'rotation:unfinished': {
    request: z.object({}).strict(),
    response: z.object({ rotations: z.array(UnfinishedRotationSchema).readonly(), unreadable: z.array(z.string()).readonly() }),
  },
  'rotation:recover': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ reports: z.array(RecoveryReportSchema).readonly() }),
  },
  'rotation:cancel': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const;
