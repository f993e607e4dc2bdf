import { z } from 'zod';
import { ProfileDraftSchema } from '../domain/profile-draft-schema';
import { ProfileIdSchema, ProfileSchema } from '../domain/profile-schema';
import type { XsoarConnection } from '../xsoar/xsoar-connection';
import type { EngineSummary, InstanceSummary, SendOutcome, SendPlanView, TestReport } from '../xsoar/xsoar-results';

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): { readonly request: Req; readonly response: Res } {
  return { request, response };
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;
const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ConnectionId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const InstanceName = z.string().trim().min(1).max(200);
const Playground = z.string().max(128);
const Connection = z.custom<XsoarConnection>(isObject);
const SendSource = {
  requestId: RequestId,
  connectionId: ConnectionId,
  profileId: ProfileIdSchema,
  draft: ProfileDraftSchema,
  engine: z.string().max(128),
  confirmRebind: z.boolean(),
};

/** Request and response schemas of the Send-to-XSOAR channels; spread into `CONTRACT`. */
export const XSOAR_CONTRACT = {
  'xsoar:list-connections': channel(z.object({}).strict(), z.object({ connections: z.array(Connection).readonly() })),
  'xsoar:add-connection': channel(
    z.object({
      requestId: RequestId,
      name: z.string().max(200),
      url: z.string().max(2048),
      keyId: z.string().max(64),
      advancedKey: z.boolean(),
      caPem: z.string().max(256 * 1024),
      caFileName: z.string().max(1024),
      // The key goes straight to the keychain; it is never sent back.
      apiKey: z.string().max(4096),
    }).strict(),
    Connection,
  ),
  'xsoar:remove-connection': channel(z.object({ connectionId: ConnectionId }).strict(), z.object({ removed: z.string() })),
  'xsoar:set-playground': channel(z.object({ connectionId: ConnectionId, playgroundId: Playground }).strict(), Connection),
  'xsoar:list-engines': channel(z.object({ requestId: RequestId, connectionId: ConnectionId }).strict(), z.object({ engines: z.array(z.custom<EngineSummary>(isObject)).readonly() })),
  'xsoar:list-instances': channel(z.object({ requestId: RequestId, connectionId: ConnectionId }).strict(), z.object({ instances: z.array(z.custom<InstanceSummary>(isObject)).readonly() })),
  'xsoar:plan-send': channel(z.object(SendSource).strict(), z.custom<SendPlanView>(isObject)),
  'xsoar:send': channel(
    z.object({ ...SendSource, confirmedVersion: z.number().int().nullable(), test: z.boolean(), playgroundId: Playground }).strict(),
    z.custom<SendOutcome>(isObject),
  ),
  'xsoar:run-test': channel(z.object({ requestId: RequestId, connectionId: ConnectionId, instanceName: InstanceName, playgroundId: Playground }).strict(), z.custom<TestReport>(isObject)),
  'xsoar:auth-reset': channel(z.object({ requestId: RequestId, connectionId: ConnectionId, instanceName: InstanceName, playgroundId: Playground }).strict(), z.custom<TestReport>(isObject)),
  'xsoar:pull': channel(z.object({ requestId: RequestId, connectionId: ConnectionId, instanceName: InstanceName }).strict(), z.object({ profile: ProfileSchema })),
  'xsoar:cancel': channel(z.object({ requestId: RequestId }).strict(), z.object({ cancelled: z.boolean() })),
} as const;
