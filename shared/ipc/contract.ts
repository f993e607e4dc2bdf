import { z } from 'zod';
import { EXPORT_CHOICES } from '../export/export-choice';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
import { AUTH_METHODS, type AuthMethod } from '../domain/auth-method';
import { ExpiryDateSchema, ProfileIdSchema, ProfileNameSchema, ProfileSchema, ProfileSecretFieldSchema } from '../domain/profile-schema';
import { MAX_PROFILE_NOTES } from '../domain/profile';
import { MAX_SECRET_BYTES } from '../domain/secret-field';
import type { ChannelName } from './channel-names';

/** A channel's request and response schemas. */
export interface ChannelSchemas<Req extends z.ZodType, Res extends z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): ChannelSchemas<Req, Res> {
  return { request, response };
}

const Empty = z.object({}).strict();

/** Result of `settings:export`. */
export const ExportOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    path: z.string(),
    files: z.array(z.string()).readonly(),
    warnings: z.array(z.string()).readonly(),
    containsSecrets: z.boolean(),
    boundInstanceName: z.string().optional(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);

const ById = z.object({ id: ProfileIdSchema }).strict();
const SecretRef = z.object({ profileId: ProfileIdSchema, field: ProfileSecretFieldSchema }).strict();
const SecretFieldsResponse = z.object({ secretFields: z.array(ProfileSecretFieldSchema).readonly() });

/** Keychain items no profile owns, grouped by the owner they name. */
export const OrphanGroupSchema = z.object({ owner: z.string(), fields: z.array(z.string()).readonly(), itemCount: z.number().int() });

/**
 * The IPC contract: every channel with the schemas of its request and
 * response. The main process validates each request against it before any
 * service sees the payload.
 */
export const CONTRACT = {
  'app:get-info': channel(Empty, z.object({ productName: z.string(), version: z.string() })),
  'settings:export': channel(
    z.object({
      draft: ProfileDraftSchema,
      profileId: z.string().max(100).nullable(),
      format: z.enum(EXPORT_CHOICES),
      includeSecrets: z.boolean(),
      passphrase: z.string().max(1024).optional(),
      confirmRebind: z.boolean(),
    }).strict(),
    ExportOutcomeSchema,
  ),
  'settings:choose-import': channel(
    Empty,
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), handle: z.string(), fileName: z.string(), kind: z.enum(['bundle', 'settings']) }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  ),
  'settings:import': channel(
    z.object({ handle: z.string().uuid(), passphrase: z.string().max(1024).optional() }).strict(),
    z.object({ profile: ProfileSchema, replaced: z.boolean(), warnings: z.array(z.string()).readonly(), missingSecrets: z.array(ProfileSecretFieldSchema).readonly() }),
  ),
  'clipboard:copy-text': channel(z.object({ text: z.string().max(65536) }).strict(), z.object({ copied: z.literal(true) })),
  'shell:open-external': channel(z.object({ url: z.string().max(8192) }).strict(), z.object({ opened: z.literal(true) })),
  'profiles:list': channel(Empty, z.object({ profiles: z.array(ProfileSchema).readonly(), notices: z.array(z.string()).readonly() })),
  'profiles:create': channel(
    z.object({ name: ProfileNameSchema, method: z.enum(AUTH_METHODS as [AuthMethod, ...AuthMethod[]]).nullable() }).strict(),
    ProfileSchema,
  ),
  'profiles:duplicate': channel(z.object({ id: ProfileIdSchema, name: ProfileNameSchema.optional() }).strict(), ProfileSchema),
  'profiles:rename': channel(z.object({ id: ProfileIdSchema, name: ProfileNameSchema }).strict(), ProfileSchema),
  'profiles:update-details': channel(
    z.object({ id: ProfileIdSchema, notes: z.string().max(MAX_PROFILE_NOTES), secretExpiresAt: ExpiryDateSchema }).strict(),
    ProfileSchema,
  ),
  'profiles:save-draft': channel(z.object({ id: ProfileIdSchema, draft: ProfileDraftSchema, step: z.string().max(40) }).strict(), ProfileSchema),
  'profiles:delete': channel(ById, z.object({ deletedItems: z.number().int() })),
  'profiles:list-orphans': channel(Empty, z.object({ groups: z.array(OrphanGroupSchema).readonly() })),
  'profiles:remove-orphans': channel(Empty, z.object({ removed: z.number().int() })),
  // The literal is the renderer's proof that the user confirmed.
  'profiles:forget-everything': channel(
    z.object({ confirmed: z.literal(true) }).strict(),
    z.object({ profilesDeleted: z.number().int(), itemsDeleted: z.number().int() }),
  ),
  'secrets:set': channel(SecretRef.extend({ value: z.string().min(1).max(MAX_SECRET_BYTES) }).strict(), SecretFieldsResponse),
  'secrets:reveal': channel(SecretRef, z.object({ value: z.string() })),
  'secrets:copy': channel(SecretRef, z.object({ clearsAfterSeconds: z.number().int() })),
  'secrets:delete': channel(SecretRef, SecretFieldsResponse),
} as const satisfies Record<ChannelName, ChannelSchemas<z.ZodType, z.ZodType>>;

/** The contract's type. */
export type Contract = typeof CONTRACT;

/** Request type of a channel (what callers pass). */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;

/** Response type of a channel (what callers get back inside `Result`). */
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
