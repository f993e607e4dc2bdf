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
  mailbox: MailboxDraftSchema,
}).strict() satisfies z.ZodType<ProfileDraft>;
