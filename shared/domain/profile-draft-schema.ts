import { z } from 'zod';
import { AUTH_METHODS, type AuthMethod } from './auth-method';
import type { ProfileDraft } from './profile-draft';

const text = (max: number) => z.string().max(max);

/** Runtime schema of {@link ManagedIdentityDraft}. */
export const ManagedIdentityDraftSchema = z.object({
  kind: z.enum(['system-assigned', 'user-assigned']),
  clientId: text(200),
}).strict();

/** Runtime schema of {@link XsoarAppDraft}. */
export const XsoarAppDraftSchema = z.object({
  id: text(2000),
  boundInstanceName: text(200),
}).strict();

const HEX = (length: number) => z.string().regex(new RegExp(`^[0-9A-F]{${length}}$`));

/** Runtime schema of {@link SelfDeployedCertificate}: public values only (a private key block is refused). */
export const SelfDeployedCertificateSchema = z.object({
  sha1Thumbprint: HEX(40),
  // Empty when only the SHA-1 thumbprint is known (settings imported from a file).
  sha256Thumbprint: HEX(64).or(z.literal('')),
  subject: text(1000),
  notAfter: text(40),
  certificatePem: text(20_000).refine((pem) => !/PRIVATE KEY/.test(pem), 'must not contain a private key'),
}).strict();

/** Runtime schema of {@link CertificateRequestDraft}. */
export const CertificateRequestDraftSchema = z.object({
  source: z.enum(['generate', 'pem', 'pfx']),
  commonName: text(200),
  validityDays: text(20),
  keySize: z.union([z.literal(2048), z.literal(4096)]),
}).strict();

/** Runtime schema of {@link SelfDeployedDraft}. */
export const SelfDeployedDraftSchema = z.object({
  tenant: text(300),
  resolvedTenantId: text(36),
  clientId: text(200),
  redirectUri: text(2000),
  credentialKind: z.enum(['secret', 'certificate']),
  certificate: SelfDeployedCertificateSchema.nullable(),
  authCodeObtainedAt: text(40),
  certificateRequest: CertificateRequestDraftSchema.optional(),
}).strict();

/** Runtime schema of {@link MailboxDraft}. */
export const MailboxDraftSchema = z.object({
  instanceName: text(200),
  mailboxToFetch: text(320),
  folderToFetch: text(1000),
  firstFetch: text(100),
  fetchLimit: text(20),
  isFetch: z.boolean(),
  displayFullEmailBody: z.boolean(),
  fetchHtmlFormatting: z.boolean(),
  markFetchedRead: z.boolean(),
  incidentFetchInterval: text(20),
  incidentType: text(200),
  insecure: z.boolean(),
  proxy: z.boolean(),
  legacyName: z.boolean(),
}).strict();

/**
 * Runtime schema of {@link ProfileDraft}: shape only.
 *
 * Field rules (GUIDs, e-mail addresses, …) live in `shared/validation/` and
 * produce per-field messages; this schema only rejects malformed payloads.
 */
export const ProfileDraftSchema = z.object({
  method: z.enum(AUTH_METHODS as [AuthMethod, ...AuthMethod[]]).nullable(),
  managedIdentity: ManagedIdentityDraftSchema,
  xsoarApp: XsoarAppDraftSchema,
  selfDeployed: SelfDeployedDraftSchema,
  mailbox: MailboxDraftSchema,
}).strict() satisfies z.ZodType<ProfileDraft>;
