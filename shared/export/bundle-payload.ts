import { z } from 'zod';
import { appError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';
import type { InstanceParams } from '../settings/build-instance-params';
import { checkInstanceName } from '../validation/field-rules';
import { PARAM_TABLE } from '../xsoar/param-table';
import { checkParams } from './check-params';
import type { ParamsMode } from './export-mode';
import { orderedParams } from './flat-params';
import { errorsOf, toFieldProblems, type ParamIssue } from './param-issues';
import { mergeSecrets, SecretKind, splitSecrets, type SecretMap } from './secret-fields';

const PARAM_NAMES = PARAM_TABLE.map((p) => p.name) as [string, ...string[]];
const SECRET_KINDS = Object.values(SecretKind) as [SecretKind, ...SecretKind[]];

const CredentialValueSchema = z.object({
  credential: z.string().max(0),
  identifier: z.string().max(1_000),
  password: z.string().max(20_000),
  passwordChanged: z.boolean(),
}).strict();

/** Metadata of the profile carried by a bundle. */
export const BundleProfileSchema = z.object({
  /** The profile's display name on the machine that exported it. */
  name: z.string().trim().min(1).max(200),
  /** The XSOAR instance name. */
  instanceName: z.string().trim().min(1).max(200),
  /**
   * The profile's id on the exporting machine, so re-importing the same
   * profile is recognised as such. Bundles of earlier versions have none.
   */
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
}).strict();

/** Metadata of the profile carried by a bundle. */
export type BundleProfile = z.infer<typeof BundleProfileSchema>;

/**
 * The plaintext inside an encrypted bundle (format 1).
 *
 * `settings` holds every parameter with the secret slots emptied; `secrets`
 * holds those secrets by kind, ready to go into the keychain of the
 * receiving machine. Unknown keys anywhere are refused.
 */
export const BundlePayloadSchema = z.object({
  format: z.literal('gma-profile-bundle'),
  payloadVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  profile: BundleProfileSchema,
  settings: z.partialRecord(z.enum(PARAM_NAMES), z.union([z.string().max(20_000), z.boolean(), CredentialValueSchema])),
  secrets: z.partialRecord(z.enum(SECRET_KINDS), z.string().min(1).max(20_000)),
}).strict();

/** The plaintext inside an encrypted bundle. */
export type BundlePayload = z.infer<typeof BundlePayloadSchema>;

/** A profile read from a bundle: full parameters (secrets included) plus the secrets by kind for the keychain. */
export interface BundleContents {
  readonly profile: BundleProfile;
  readonly exportedAt: string;
  /** Parameters with the secrets merged back in. */
  readonly params: InstanceParams;
  readonly secrets: SecretMap;
  readonly mode: ParamsMode;
  readonly warnings: readonly ParamIssue[];
}

/**
 * Builds the bundle plaintext from a profile whose secrets are resolved.
 *
 * Runs the shared rule book with secrets required: a bundle exists to move
 * a working profile, so placeholders or invalid values are refused.
 */
export function buildBundlePayload(args: { readonly profile: BundleProfile; readonly params: InstanceParams; readonly exportedAt: string }): Result<BundlePayload> {
  const profile = BundleProfileSchema.safeParse(args.profile);
  const nameProblem = checkInstanceName(args.profile.instanceName);
  const checked = checkParams(args.params, 'included');
  const fields = [
    ...(profile.success ? [] : [{ field: 'profile', message: 'The profile needs a name and an instance name of at most 200 characters.' }]),
    ...(nameProblem === null ? [] : [{ field: 'instanceName', message: nameProblem }]),
    ...toFieldProblems(errorsOf(checked.issues)),
  ];
  if (!profile.success || fields.length > 0) {
    return fail(appError(ErrorCode.ConfigInvalid, `The profile cannot be bundled: ${fields.map((f) => `${f.field}: ${f.message}`).join(' ')}`, { fields }));
  }
  const { settings, secrets } = splitSecrets(checked.params);
  return ok({
    format: 'gma-profile-bundle',
    payloadVersion: 1,
    exportedAt: args.exportedAt,
    profile: profile.data,
    settings: orderedParams(settings),
    secrets: orderSecrets(secrets),
  });
}

function orderSecrets(secrets: SecretMap): SecretMap {
  const out: Record<string, string> = {};
  for (const kind of SECRET_KINDS) {
    const v = secrets[kind];
    if (v !== undefined) out[kind] = v;
  }
  return out as SecretMap;
}

/** The canonical JSON text of a payload (stable key order, so equal payloads give equal bytes). */
export function serializeBundlePayload(payload: BundlePayload): string {
  return JSON.stringify({
    format: payload.format,
    payloadVersion: payload.payloadVersion,
    exportedAt: payload.exportedAt,
    profile: { name: payload.profile.name, instanceName: payload.profile.instanceName, ...(payload.profile.id === undefined ? {} : { id: payload.profile.id }) },
    settings: orderedParams(payload.settings as InstanceParams),
    secrets: orderSecrets(payload.secrets),
  });
}

/**
 * Validates decrypted bundle text and returns the profile it carries.
 *
 * Refuses (`bundle/invalid-payload`) anything that is not exactly a format-1
 * payload whose settings pass the shared rule book with secrets merged in.
 */
export function readBundlePayload(text: string): Result<BundleContents> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(appError(ErrorCode.BundleInvalidPayload, 'The bundle decrypted but does not contain JSON; it was not made by this app.'));
  }
  const parsed = BundlePayloadSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(root)').join(', ');
    return fail(appError(ErrorCode.BundleInvalidPayload, `The bundle's content is not a valid profile (problem at: ${where}).`));
  }
  const payload = parsed.data;
  const checked = checkParams(mergeSecrets(payload.settings as InstanceParams, payload.secrets), 'included');
  const errors = errorsOf(checked.issues);
  if (errors.length > 0) {
    const fields = toFieldProblems(errors);
    return fail(appError(ErrorCode.BundleInvalidPayload, `The bundle's settings are not valid: ${fields.map((f) => `${f.field}: ${f.message}`).join(' ')}`, { fields }));
  }
  // Every secret must belong to a slot of the method, and every slot must come from `secrets`.
  const secrets = splitSecrets(checked.params).secrets;
  const expected = Object.keys(secrets).sort().join(',');
  const unsplit = splitSecrets(payload.settings as InstanceParams).secrets;
  if (Object.keys(payload.secrets).sort().join(',') !== expected || Object.values(unsplit).some((v) => v !== '')) {
    return fail(appError(ErrorCode.BundleInvalidPayload, 'The bundle\'s secrets do not match its sign-in method.'));
  }
  return ok({
    profile: payload.profile,
    exportedAt: payload.exportedAt,
    params: checked.params,
    secrets,
    mode: checked.mode,
    warnings: checked.issues,
  });
}
