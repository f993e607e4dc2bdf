import { z } from 'zod';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
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
  z.object({ status: z.literal('saved'), path: z.string(), boundInstanceName: z.string().optional() }),
  z.object({ status: z.literal('cancelled') }),
]);

/**
 * The IPC contract: every channel with the schemas of its request and
 * response. The main process validates each request against it before any
 * service sees the payload.
 */
export const CONTRACT = {
  'app:get-info': channel(Empty, z.object({ productName: z.string(), version: z.string() })),
  'settings:export': channel(z.object({ draft: ProfileDraftSchema, profileId: z.string().max(100).nullable(), confirmRebind: z.boolean() }).strict(), ExportOutcomeSchema),
  'shell:open-external': channel(z.object({ url: z.string().max(8192) }).strict(), z.object({ opened: z.literal(true) })),
} as const satisfies Record<ChannelName, ChannelSchemas<z.ZodType, z.ZodType>>;

/** The contract's type. */
export type Contract = typeof CONTRACT;

/** Request type of a channel (what callers pass). */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;

/** Response type of a channel (what callers get back inside `Result`). */
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
