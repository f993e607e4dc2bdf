import { z } from 'zod';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
import { ProfileIdSchema } from '../domain/profile-schema';
import { FINDING_IDS } from '../entra/registration-diff';
import { PROVISIONING_STEPS } from '../entra/provisioning-steps';

const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One line of a registration check. */
export const RegistrationFindingSchema = z.object({
  id: z.enum(FINDING_IDS),
  status: z.enum(['ok', 'warning', 'problem']),
  detail: z.string(),
  fix: z.string().nullable(),
});

/** One progress report of a create, check or repair. */
export const ProvisioningProgressSchema = z.object({
  step: z.enum(PROVISIONING_STEPS),
  state: z.enum(['running', 'done', 'unchanged', 'failed']),
  detail: z.string(),
});

/** What a run did, as the renderer sees it (never the secret: it is in the keychain). */
export const EntraRunResultSchema = z.object({
  clientId: z.string(),
  tenantId: z.string(),
  administrator: z.string(),
  displayName: z.string(),
  findings: z.array(RegistrationFindingSchema).readonly(),
  writes: z.array(z.string()).readonly(),
  secretStored: z.boolean(),
  credentialExpiresAt: z.string().nullable(),
});

/**
 * The channels of "Create the app for me" (check and repair): `entra:run` saves the wizard's draft and runs the
 * steps under a cancellable request id, `entra:progress` reports the steps so far, `entra:cancel` stops it.
 */
export const ENTRA_CONTRACT = {
  'entra:run': {
    request: z.object({
      requestId: RequestId,
      profileId: ProfileIdSchema,
      draft: ProfileDraftSchema,
      step: z.string().max(40),
      mode: z.enum(['create', 'check', 'repair']),
      consent: z.enum(['tenant', 'mailbox-user']),
      secretExpiryDays: z.number().int().min(1).max(730),
      bootstrapClientId: z.string().max(200).nullable(),
    }).strict(),
    response: EntraRunResultSchema,
  },
  'entra:progress': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ steps: z.array(ProvisioningProgressSchema).readonly() }),
  },
  'entra:cancel': {
    request: z.object({ requestId: RequestId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const;
