import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { INTEGRATION_BRAND, INTEGRATION_CATEGORY, PARAM_TABLE, type ParamDefinition } from '../../shared/xsoar/param-table';
import { readBodyText, sendHtml, sendJson } from '../idp/http-util';
import { TEST_CA_DIR_ENV } from '../idp/global-setup';
import { issueServerCertificate, openTestCa } from '../idp/test-ca';
import { runIntegrationCommand, type IntegrationContext, type IntegrationWorld, type StoredValue } from './graph-mail-integration';

/** Which product the server pretends to be. */
export type ServerProduct = 'xsoar6' | 'xsoar8' | 'xsiam';

/** An API key the server accepts. */
export interface ServerKey {
  /** The key's ID (XSOAR 8 / XSIAM); ignored on XSOAR 6. */
  readonly id: string;
  readonly key: string;
  readonly advanced: boolean;
  /** `read-only` keys get 403 on writes and commands. */
  readonly role: 'admin' | 'read-only';
}

/** One-shot misbehaviour for fault tests. */
export interface Fault {
  readonly method?: string;
  /** Path (after any `/xsoar` prefix) the fault applies to. */
  readonly path: string;
  /**
   * `status`: answer with it; `drop`: close the socket unanswered; `commit-then-drop`: do the work, then close; `hang`:
   * never answer; `error-entry` (for `/entry/execute/sync`): the command runs but answers one error entry, as a
   * failing `!msgraph-mail-test` does (e.g. Graph unavailable).
   */
  readonly kind: 'status' | 'drop' | 'commit-then-drop' | 'hang' | 'error-entry';
  readonly status?: number;
  /** The error entry's text for `error-entry` (default: Graph unavailable). */
  readonly contents?: string;
  /** How many requests it applies to (default 1). */
  readonly times?: number;
}

/** Server options. */
export interface XsoarServerOptions {
  readonly product: ServerProduct;
  readonly keys: readonly ServerKey[];
  readonly world: IntegrationWorld;
  /** Playground investigations (XSOAR 6 finds them by type 9), by creating user. */
  readonly playgrounds?: readonly { readonly id: string; readonly user: string }[];
  /** The user the API keys act as (`GET /user`). */
  readonly apiUser?: string;
  readonly engines?: readonly { readonly id: string; readonly name: string }[];
}

/** A stored instance, secrets in clear (server side). */
export interface ServerInstance {
  id: string;
  name: string;
  brand: string;
  version: number;
  engine: string;
  enabled: string;
  data: { name: string; type: number; value: StoredValue; hasvalue: boolean; [k: string]: unknown }[];
  context: IntegrationContext;
  extra: Record<string, unknown>;
}

/** A running XSOAR-shaped server. */
export interface XsoarServer {
  /** The API address an analyst enters (XSOAR 6: the server; 8/XSIAM: the `api-` address, here without `/xsoar`). */
  readonly url: string;
  /** The console's browser address: answers every path with HTML. */
  readonly browserUrl: string;
  readonly instances: Map<string, ServerInstance>;
  /** Every command executed (`investigationId`, `data`), oldest first. */
  readonly commands: { investigationId: string; data: string }[];
  /** Requests seen (method, path) — for asserting what a client did. */
  readonly requests: { method: string; path: string }[];
  inject(fault: Fault): void;
  /** Adds an instance of another integration (for name-clash tests). */
  addForeignInstance(name: string): void;
  close(): Promise<void>;
}

const OTHER_BRAND = 'EWS v2';

function moduleConfiguration(): Record<string, unknown> {
  return {
    id: INTEGRATION_BRAND, name: INTEGRATION_BRAND, brand: INTEGRATION_BRAND, category: INTEGRATION_CATEGORY,
    defaultMapperIn: `${INTEGRATION_BRAND}-mapper`, defaultClassifier: INTEGRATION_BRAND, integrationScript: { type: 'python', isFetch: true },
    configuration: (PARAM_TABLE as readonly ParamDefinition[]).map((p) => ({ ...p, defaultValue: p.defaultValue ?? '', options: [], info: p.info ?? '' })),
  };
}

const STRING_TYPES = [0, 4, 12, 13, 14, 19];
const SECRET_TYPES = [4, 9, 14];

function typeProblem(def: ParamDefinition, value: unknown): string | null {
  if (STRING_TYPES.includes(def.type)) return typeof value === 'string' ? null : `${def.name}: type ${def.type} takes a string`;
  if (def.type === 8) return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : `${def.name}: type 8 takes a boolean`;
  if (def.type === 9) {
    const v = value as Record<string, unknown> | null;
    const okShape = typeof v === 'object' && v !== null && typeof v['password'] === 'string' && typeof v['identifier'] === 'string' && typeof v['credential'] === 'string';
    return okShape ? null : `${def.name}: type 9 takes {credential, identifier, password, passwordChanged}`;
  }
  return null;
}

/** What a search or PUT returns: secrets masked (type 4/14 → "", type 9 password → ""), identifiers kept. */
function masked(i: ServerInstance): Record<string, unknown> {
  return {
    ...i.extra, id: i.id, name: i.name, brand: i.brand, version: i.version, engine: i.engine, enabled: i.enabled,
    data: i.data.map((e) => {
      if (!SECRET_TYPES.includes(e.type)) return { ...e };
      if (e.type === 9 && typeof e.value === 'object') return { ...e, value: { ...e.value, password: '', passwordChanged: false } };
      return { ...e, value: '' };
    }),
  };
}

function listen(s: Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

function close(s: Server): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

function unauthorized(): HttpProblem {
  return new HttpProblem(401, 'Unauthorized', 'Public API request unauthorized');
}

class HttpProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string) {
    super(detail);
  }
}

/**
 * An XSOAR-shaped REST API over HTTPS (the run's test CA) for the calls the assistant makes (spec A1–A3): product
 * headers enforced (XSOAR 6 `Authorization`; 8/XSIAM `x-xdr-auth-id` plus a standard key or the advanced key's
 * nonce/timestamp SHA-256 signature, nonces single-use), instances stored with the parameter table's types, secrets
 * masked on read and kept on round trips, DB version conflicts, playground search, and `!msgraph-mail-test` /
 * `!msgraph-mail-auth-reset` executed against the test identity platform.
 */
export async function startXsoarServer(options: XsoarServerOptions): Promise<XsoarServer> {
  const tls = issueServerCertificate(openTestCa(process.env[TEST_CA_DIR_ENV] ?? ''));
  const instances = new Map<string, ServerInstance>();
  const faults: (Fault & { left: number })[] = [];
  const usedNonces = new Set<string>();
  const commands: { investigationId: string; data: string }[] = [];
  const requests: { method: string; path: string }[] = [];
  const prefix = options.product === 'xsoar6' ? '' : '/xsoar';
  const playgrounds = options.playgrounds ?? [];
  const apiUser = options.apiUser ?? 'analyst';

  const authenticate = (req: IncomingMessage): ServerKey => {
    const h = (name: string): string => String(req.headers[name] ?? '');
    if (options.product === 'xsoar6') {
      const key = options.keys.find((k) => k.key === h('authorization'));
      if (!key) throw unauthorized();
      return key;
    }
    const key = options.keys.find((k) => k.id === h('x-xdr-auth-id'));
    if (!key) throw unauthorized();
    if (!key.advanced) {
      if (h('authorization') !== key.key) throw unauthorized();
      return key;
    }
    const nonce = h('x-xdr-nonce');
    const ts = h('x-xdr-timestamp');
    if (!/^[A-Za-z0-9]{64}$/.test(nonce) || !/^\d{13}$/.test(ts) || Math.abs(Date.now() - Number(ts)) > 5 * 60_000 || usedNonces.has(nonce)) throw unauthorized();
    if (h('authorization') !== createHash('sha256').update(`${key.key}${nonce}${ts}`).digest('hex')) throw unauthorized();
    usedNonces.add(nonce);
    return key;
  };

  const save = (body: Record<string, unknown>): ServerInstance => {
    const brand = String(body['brand'] ?? '');
    if (brand !== INTEGRATION_BRAND) throw new HttpProblem(400, 'Bad request', `Unknown integration brand "${brand}"`);
    const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
    if (name === '') throw new HttpProblem(400, 'Bad request', 'Instance name is required');
    const data = Array.isArray(body['data']) ? (body['data'] as Record<string, unknown>[]) : [];
    for (const entry of data) {
      const def = (PARAM_TABLE as readonly ParamDefinition[]).find((p) => p.name === entry['name']);
      if (!def) throw new HttpProblem(400, 'Bad request', `Unknown parameter "${String(entry['name'])}"`);
      if (Number(entry['type']) !== def.type) throw new HttpProblem(400, 'Bad request', `${def.name}: wrong type ${String(entry['type'])}`);
      const problem = typeProblem(def, entry['value']);
      if (problem) throw new HttpProblem(400, 'Bad request', problem);
    }
    const id = String(body['id'] ?? '');
    const { id: _i, name: _n, brand: _b, version: _v, engine: _e, enabled: _en, data: _d, ...extra } = body;
    if (id === '') {
      if ([...instances.values()].some((i) => i.name === name)) throw new HttpProblem(400, 'Bad request', `Integration instance with the same name already exists: ${name}`);
      const created: ServerInstance = {
        id: randomUUID(), name, brand, version: 1, engine: String(body['engine'] ?? ''), enabled: 'true', context: {}, extra,
        data: data.map((e) => ({ ...(e as ServerInstance['data'][number]) })),
      };
      instances.set(created.id, created);
      return created;
    }
    const existing = instances.get(id);
    if (!existing) throw new HttpProblem(404, 'Not found', `No integration instance with id ${id}`);
    const version = Number(body['version']);
    if (version !== -1 && version !== existing.version) throw new HttpProblem(400, 'DB version conflict', `[Version mismatch] stored version ${existing.version}, request version ${version}`);
    if (name !== existing.name && [...instances.values()].some((i) => i.name === name)) throw new HttpProblem(400, 'Bad request', `Integration instance with the same name already exists: ${name}`);
    const old = new Map(existing.data.map((e) => [e.name, e]));
    existing.data = data.map((raw) => {
      const e = raw as ServerInstance['data'][number];
      const before = old.get(e.name);
      if (before && e.type === 9 && typeof e.value === 'object' && typeof before.value === 'object' && !e.value.passwordChanged) {
        return { ...e, value: { ...e.value, password: before.value.password } };
      }
      if (before && (e.type === 4 || e.type === 14) && e.value === '') return { ...e, value: before.value };
      return { ...e };
    });
    Object.assign(existing, { name, engine: String(body['engine'] ?? existing.engine), version: existing.version + 1, extra });
    return existing;
  };

  const execute = async (body: Record<string, unknown>): Promise<unknown> => {
    const investigationId = String(body['investigationId'] ?? '');
    const data = String(body['data'] ?? '');
    if (!playgrounds.some((p) => p.id === investigationId)) throw new HttpProblem(400, 'Bad request', `Could not find investigation ${investigationId}`);
    commands.push({ investigationId, data });
    const m = /^!(msgraph-mail-test|msgraph-mail-auth-reset)\s+using="((?:[^"\\]|\\.)*)"\s*$/.exec(data);
    if (!m) return [{ type: 4, contents: `Unsupported command in this test server: ${data}`, format: 'text' }];
    const name = (m[2] ?? '').replaceAll('\\"', '"');
    const instance = [...instances.values()].find((i) => i.name === name && i.brand === INTEGRATION_BRAND && i.enabled === 'true');
    if (!instance) return [{ type: 4, contents: `No enabled instance named "${name}" (using=${name} does not exist)`, format: 'text' }];
    const params = new Map(instance.data.filter((e) => e.hasvalue !== false).map((e) => [e.name, e.value] as const));
    const entries = await runIntegrationCommand(m[1] as 'msgraph-mail-test', params, instance.context, options.world);
    return entries.map((e, i) => ({ id: `${i + 1}@${investigationId}`, investigationId, parentContent: data, brand: INTEGRATION_BRAND, instance: name, ...e }));
  };

  const route = async (req: IncomingMessage, path: string): Promise<unknown> => {
    const method = req.method ?? 'GET';
    const text = method === 'GET' || method === 'DELETE' ? '' : await readBodyText(req);
    const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    const key = authenticate(req);
    const write = (method === 'PUT' || method === 'DELETE' || path === '/entry/execute/sync');
    if (write && key.role !== 'admin') throw new HttpProblem(403, 'Forbidden', 'The API key\'s role lacks permission for this action');
    if (method === 'GET' && path === '/about') {
      return options.product === 'xsoar6' ? { version: '6.14.0', buildNum: '1234567', deployment_mode: 'opm' } : { version: '8.9.0', product_mode: options.product === 'xsiam' ? 'xsiam' : 'xsoar', deployment_mode: 'saas' };
    }
    if (method === 'POST' && path === '/settings/integration/search') {
      return { configurations: [moduleConfiguration(), { id: OTHER_BRAND, name: OTHER_BRAND, configuration: [] }], instances: [...instances.values()].map(masked) };
    }
    if (method === 'PUT' && path === '/settings/integration') return masked(save(body));
    if (method === 'DELETE' && path.startsWith('/settings/integration/')) {
      instances.delete(decodeURIComponent(path.slice('/settings/integration/'.length)));
      return {};
    }
    if (method === 'POST' && path === '/investigations/search') {
      const data = playgrounds.map((p) => ({ id: p.id, name: `Playground ${p.user}`, type: 9, creatingUserId: p.user }));
      return options.product === 'xsoar6' ? { total: data.length, data } : { total: 0, data: [] };
    }
    if (method === 'GET' && path === '/user') return { id: apiUser, username: apiUser };
    if (method === 'POST' && path === '/engines/search') return { engines: options.engines ?? [], total: options.engines?.length ?? 0 };
    if (method === 'POST' && path === '/entry/execute/sync') return execute(body);
    throw new HttpProblem(404, 'Not found', `${method} ${path} is not an API route`);
  };

  const api = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://xsoar.invalid');
    const method = req.method ?? 'GET';
    if (prefix !== '' && !url.pathname.startsWith(`${prefix}/`)) return sendJson(res, 404, { reply: { err_code: 404, err_msg: 'Not found' } });
    const path = url.pathname.slice(prefix.length);
    requests.push({ method, path });
    const fault = faults.find((f) => f.left > 0 && f.path === path && (f.method === undefined || f.method === method));
    if (fault) fault.left -= 1;
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'status') return sendJson(res, fault.status ?? 500, { id: 'fault', status: fault.status ?? 500, title: 'Internal Server Error', detail: 'Injected fault' });
    if (fault?.kind === 'error-entry') return sendJson(res, 200, [{ id: '1@fault', type: 4, format: 'text', contents: fault.contents ?? 'Error in API call [503] - Service Unavailable\n{"error":{"code":"ServiceUnavailable","message":"Injected fault"}}' }]);
    route(req, path).then(
      (result) => (fault?.kind === 'commit-then-drop' ? req.socket.destroy() : sendJson(res, 200, result)),
      (err: unknown) => {
        const p = err instanceof HttpProblem ? err : new HttpProblem(500, 'Internal Server Error', String(err));
        sendJson(res, p.status, { id: p.title, status: p.status, title: p.title, detail: p.detail, error: p.detail, encrypted: false, multires: null });
      },
    );
  });
  const browser = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req: IncomingMessage, res: ServerResponse) => {
    sendHtml(res, 200, '<!doctype html><html><head><title>Cortex XSOAR</title></head><body><div id="app">Loading…</div></body></html>');
  });
  const [apiPort, browserPort] = await Promise.all([listen(api), listen(browser)]);
  return {
    url: `https://localhost:${apiPort}`,
    browserUrl: `https://localhost:${browserPort}`,
    instances,
    commands,
    requests,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    addForeignInstance: (name) => {
      const id = randomUUID();
      instances.set(id, { id, name, brand: OTHER_BRAND, version: 1, engine: '', enabled: 'true', data: [], context: {}, extra: {} });
    },
    close: async () => {
      await Promise.all([close(api), close(browser)]);
    },
  };
}
