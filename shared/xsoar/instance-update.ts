import type { RestDataEntry, RestInstanceBody } from '../export/rest-body';
import { findParam, paramLabel } from './param-table';
import { ParamType, type CredentialValue, type ParamValue } from './param-types';

/** One `data[]` entry as the server returns it (secrets masked; spec A3). */
export interface StoredDataEntry {
  readonly name: string;
  readonly type: number;
  readonly value?: unknown;
  readonly hasvalue?: boolean;
  readonly [key: string]: unknown;
}

/** An instance as `/settings/integration/search` returns it. */
export interface StoredInstance {
  readonly id: string;
  readonly name: string;
  readonly brand: string;
  readonly version: number;
  readonly engine?: string;
  readonly enabled?: unknown;
  readonly data: readonly StoredDataEntry[];
  readonly [key: string]: unknown;
}

/** One non-secret value that an update changes. */
export interface ValueChange {
  readonly param: string;
  /** The label the instance dialog shows. */
  readonly label: string;
  /** The value on the server, as text; `null` when unset. */
  readonly before: string | null;
  readonly after: string | null;
}

/** What an update will do, for the analyst to confirm. */
export interface UpdatePlan {
  /** The body to `PUT`: the stored instance with our values. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly changes: readonly ValueChange[];
  /** Secret parameters replaced with the profile's values (never their values). */
  readonly secretsReplaced: readonly string[];
}

const SECRET_TYPES: readonly number[] = [ParamType.Encrypted, ParamType.Auth, ParamType.TextAreaEncrypted];

/** True for parameter types whose value is secret (encrypted text, credentials, encrypted text area). */
export function isSecretType(type: number): boolean {
  return SECRET_TYPES.includes(type);
}

/** A non-secret value as text for comparison and display (booleans may come back as strings). */
function plain(entry: { readonly value?: unknown; readonly hasvalue?: boolean } | undefined): string | null {
  if (entry === undefined || entry.hasvalue === false || entry.value === undefined || entry.value === null) return null;
  const v = entry.value;
  return typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function identifierOf(value: unknown): string {
  return typeof value === 'object' && value !== null && typeof (value as { identifier?: unknown }).identifier === 'string' ? (value as CredentialValue).identifier : '';
}

function labelOf(name: string): string {
  const def = findParam(name);
  return def === undefined ? name : paramLabel(def) || name;
}

/** The entry to send for one of our values: secrets are marked changed so the server stores the new plaintext (spec A3). */
function outgoing(entry: RestDataEntry): RestDataEntry {
  if (entry.type === ParamType.Auth && typeof entry.value === 'object') return { ...entry, value: { ...entry.value, passwordChanged: true } };
  return entry;
}

/**
 * Plans the update of an existing instance with a freshly built body (spec A3's safe update): start from the stored
 * instance, replace the values we have, leave every other entry — secrets the profile does not hold included —
 * byte-identical, and send the stored `version` so a concurrent edit is detected instead of overwritten.
 */
export function planUpdate(stored: StoredInstance, fresh: RestInstanceBody): UpdatePlan {
  const ours = new Map(fresh.data.map((e) => [e.name, e]));
  const changes: ValueChange[] = [];
  const secretsReplaced: string[] = [];
  const data: unknown[] = stored.data.map((entry) => {
    const mine = ours.get(entry.name);
    if (mine === undefined) return entry;
    ours.delete(entry.name);
    record(entry, mine);
    return { ...entry, ...outgoing(mine) };
  });
  for (const mine of ours.values()) {
    record(undefined, mine);
    data.push(outgoing(mine));
  }
  if ((stored.engine ?? '') !== fresh.engine) changes.push({ param: 'engine', label: 'Engine', before: stored.engine || null, after: fresh.engine || null });
  const body = { ...stored, name: fresh.name, brand: fresh.brand, engine: fresh.engine, enabled: 'true', version: stored.version, data };
  return { body, changes, secretsReplaced };

  function record(before: StoredDataEntry | undefined, after: RestDataEntry): void {
    if (!isSecretType(after.type)) {
      const b = plain(before);
      const a = plain(after);
      if (b !== a) changes.push({ param: after.name, label: labelOf(after.name), before: b, after: a });
      return;
    }
    secretsReplaced.push(after.name);
    // The certificate thumbprint rides in the identifier of a credential and is not secret.
    const a = identifierOf(after.value);
    const b = before === undefined ? '' : identifierOf(before.value);
    if (a !== b) changes.push({ param: `${after.name}.identifier`, label: 'Certificate thumbprint', before: b || null, after: a || null });
  }
}

/**
 * The non-secret values of a stored instance, as parameters (for Pull): strings, booleans (also when the server
 * returns "true"/"false") and a credential's identifier (the certificate thumbprint); secrets are left out.
 */
export function nonSecretParams(stored: StoredInstance): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const entry of stored.data) {
    const def = findParam(entry.name);
    if (def === undefined || entry.hasvalue === false) continue;
    if (def.type === ParamType.Boolean) {
      if (typeof entry.value === 'boolean') out[entry.name] = entry.value;
      else if (entry.value === 'true' || entry.value === 'false') out[entry.name] = entry.value === 'true';
    } else if (def.type === ParamType.Auth) {
      const identifier = identifierOf(entry.value);
      if (identifier !== '') out[entry.name] = { credential: '', identifier, password: '', passwordChanged: false };
    } else if (!isSecretType(def.type) && typeof entry.value === 'string') {
      out[entry.name] = entry.value;
    }
  }
  return out;
}
