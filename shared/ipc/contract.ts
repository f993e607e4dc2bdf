import { z } from 'zod';
import { EXPORT_CHOICES } from '../export/export-choice';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
import { AUTH_METHODS, type AuthMethod } from '../domain/auth-method';
import { ExpiryDateSchema, ProfileIdSchema, ProfileNameSchema, ProfileSchema, ProfileSecretFieldSchema } from '../domain/profile-schema';
import { MAX_PROFILE_NOTES } from '../domain/profile';
import { MAX_SECRET_BYTES } from '../domain/secret-field';
import type { ChannelName } from './channel-names';
import { SelfDeployedCertificateSchema } from '../domain/profile-draft-schema';
import { ENTRA_CONTRACT } from './entra-contract';
import { ROTATION_CONTRACT } from './rotation-contract';
import { PROFILE_WIZARD_CHANNELS } from './profile-wizard-contract';
import { XSOAR_CONTRACT } from './xsoar-contract';
import { DamagedEntrySummarySchema, IMPORT_CHANNEL, PROFILE_STORE_CHANNELS } from './profile-store-contract';
import { DIAGNOSTICS_CONTRACT } from './diagnostics-contract';
import { EXPORT_LOCATION_CONTRACT } from './export-location-contract';

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

/** The id the renderer gives a cancellable operation; `auth:cancel` names it. */
const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Tenant = z.string().min(1).max(300);
const ClientId = z.string().min(1).max(200);
const AppRef = { tenant: Tenant, clientId: ClientId };

/** A ✓/✗ line of the verified sign-in. */
export const ChecklistItemSchema = z.object({
  id: z.enum(['scopes', 'account', 'read-mail', 'folder']),
  passed: z.boolean(),
  label: z.string(),
  detail: z.string(),
  fix: z.string().nullable(),
});

/** The verified sign-in as the renderer sees it (no tokens). */
export const SignInVerificationSchema = z.object({
  account: z.object({ username: z.string().nullable(), tenantId: z.string().nullable(), homeAccountId: z.string().nullable() }),
  grantedScopes: z.array(z.string()).readonly(),
  checks: z.array(ChecklistItemSchema).readonly(),
  allPassed: z.boolean(),
});

const StoredCode = z.object({ capturedBy: z.enum(['loopback', 'paste']), obtainedAt: z.string(), secretFields: z.array(ProfileSecretFieldSchema).readonly() });

const CertificateStored = z.object({
  certificate: SelfDeployedCertificateSchema,
  warnings: z.array(z.string()).readonly(),
  keyBits: z.number().int(),
  selfSigned: z.boolean(),
  secretFields: z.array(ProfileSecretFieldSchema).readonly(),
});

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
  'settings:import': IMPORT_CHANNEL,
  'clipboard:copy-text': channel(z.object({ text: z.string().max(65536) }).strict(), z.object({ copied: z.literal(true) })),
  'shell:open-external': channel(z.object({ url: z.string().max(8192) }).strict(), z.object({ opened: z.literal(true) })),
  // Public values only (the setup checklist); secrets are copied by `secrets:copy`.
  'profiles:list': channel(Empty, z.object({ profiles: z.array(ProfileSchema).readonly(), notices: z.array(z.string()).readonly(), damaged: z.array(DamagedEntrySummarySchema).readonly() })),
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
    z.object({ profilesDeleted: z.number().int(), itemsDeleted: z.number().int(), connectionsDeleted: z.number().int() }),
  ),
  'secrets:set': channel(SecretRef.extend({ value: z.string().min(1).max(MAX_SECRET_BYTES) }).strict(), SecretFieldsResponse),
  'secrets:reveal': channel(SecretRef, z.object({ value: z.string() })),
  'secrets:copy': channel(SecretRef, z.object({ clearsAfterSeconds: z.number().int() })),
  'secrets:delete': channel(SecretRef, SecretFieldsResponse),
  'auth:resolve-tenant': channel(z.object({ requestId: RequestId, tenant: Tenant }).strict(), z.object({ tenantId: z.string() })),
  // No secret travels: the main process reads the secret or key of `profileId` from the keychain.
  'auth:check-credential': channel(
    z.object({ requestId: RequestId, profileId: ProfileIdSchema, ...AppRef, credentialKind: z.enum(['secret', 'certificate']), thumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/).optional() }).strict(),
    z.object({ tenantId: z.string(), tokenExpiresOn: z.string().nullable() }),
  ),
  // `profileId`: the profile that remembers the passed check (kept even if the wizard was left meanwhile).
  'auth:admin-consent': channel(z.object({ requestId: RequestId, profileId: ProfileIdSchema.optional(), ...AppRef }).strict(), z.object({ tenantId: z.string(), scopes: z.array(z.string()).readonly().nullable() })),
  'auth:verify-sign-in': channel(
    z.object({ requestId: RequestId, profileId: ProfileIdSchema.optional(), ...AppRef, mailbox: z.string().min(1).max(320), folderToFetch: z.string().max(1000) }).strict(),
    SignInVerificationSchema,
  ),
  'auth:begin-web-sign-in': channel(
    z
      .object({
        requestId: RequestId,
        profileId: ProfileIdSchema,
        ...AppRef,
        credentialKind: z.enum(['secret', 'certificate']),
        thumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/).optional(),
        redirectUri: z.string().min(1).max(2000),
        mailbox: z.string().min(1).max(320),
        folderToFetch: z.string().max(1000),
      })
      .strict(),
    z.object({ attemptId: z.string() }),
  ),
  'auth:complete-web-sign-in': channel(z.object({ requestId: RequestId, attemptId: z.string().uuid(), pasted: z.string().min(1).max(16_384) }).strict(), SignInVerificationSchema),
  'auth:prepare-code': channel(
    z.object({ tenantId: Tenant, clientId: ClientId, redirectUri: z.string().min(1).max(2000), mailbox: z.string().min(1).max(320) }).strict(),
    z.object({ attemptId: z.string(), url: z.string(), loopback: z.boolean() }),
  ),
  'auth:capture-code': channel(z.object({ requestId: RequestId, attemptId: z.string().uuid(), profileId: ProfileIdSchema }).strict(), StoredCode),
  'auth:paste-code': channel(z.object({ attemptId: z.string().uuid(), profileId: ProfileIdSchema, pasted: z.string().min(1).max(16_384) }).strict(), StoredCode),
  'auth:cancel': channel(z.object({ requestId: RequestId }).strict(), z.object({ cancelled: z.boolean() })),
  'certs:import-pem': channel(
    z.object({ profileId: ProfileIdSchema, privateKeyText: z.string().min(1).max(64 * 1024), certificateText: z.string().max(64 * 1024), passphrase: z.string().max(1024).optional() }).strict(),
    CertificateStored,
  ),
  'certs:import-pfx': channel(
    z.object({ profileId: ProfileIdSchema, pfxBase64: z.string().min(1).max(100 * 1024), passphrase: z.string().max(1024) }).strict(),
    CertificateStored,
  ),
  'certs:generate': channel(
    z.object({ profileId: ProfileIdSchema, commonName: z.string().min(1).max(64), validityDays: z.number().int().min(1).max(1826), keySize: z.union([z.literal(2048), z.literal(4096)]) }).strict(),
    CertificateStored,
  ),
  ...PROFILE_WIZARD_CHANNELS,
  ...PROFILE_STORE_CHANNELS,
  'certs:save-public': channel(
    z.object({ certificatePem: z.string().min(1).max(20_000), suggestedName: z.string().max(200) }).strict(),
    z.discriminatedUnion('status', [z.object({ status: z.literal('saved'), path: z.string() }), z.object({ status: z.literal('cancelled') })]),
  ),
  ...ENTRA_CONTRACT,
  ...ROTATION_CONTRACT,
  ...XSOAR_CONTRACT,
  ...DIAGNOSTICS_CONTRACT,
  ...EXPORT_LOCATION_CONTRACT,
} as const satisfies Record<ChannelName, ChannelSchemas<z.ZodType, z.ZodType>>;

/** The contract's type. */
export type Contract = typeof CONTRACT;

/** Request type of a channel (what callers pass). */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;

/** Response type of a channel (what callers get back inside `Result`). */
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
