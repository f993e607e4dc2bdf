import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { INTEGRATION_BRAND } from '../../shared/xsoar/param-table';
import { fail, ok, type Result } from '../../shared/result';
import { classifyProbe } from '../../shared/xsoar/about-probe';
import { explainIntegrationError } from '../../shared/xsoar/integration-error-explainer';
import { planUpdate, type StoredInstance, type ValueChange } from '../../shared/xsoar/instance-update';
import { authResetCommand, interpretTestEntries, testCommand, type XsoarEntry } from '../../shared/xsoar/test-entries';
import type { XsoarConnection } from '../../shared/xsoar/xsoar-connection';
import { apiBaseUrl, usesKeyId, XsoarProduct } from '../../shared/xsoar/xsoar-product';
import type { EngineSummary, InstanceSummary, ProbeReport, SendOutcome, SendPlanView, TestReport } from '../../shared/xsoar/xsoar-results';
import type { SigningTools } from '../../shared/xsoar/xsoar-auth-headers';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { XsoarTransportFactory } from '../ports/xsoar-transport';
import { XsoarApiClient, type ClientTuning } from './xsoar-api-client';
import { buildSendBody, type SendSource } from './send-body';

/** A connection with its key, as read from the keychain for one operation. */
export interface XsoarTarget {
  readonly connection: XsoarConnection;
  readonly apiKey: string;
}

/** A send request. */
export interface SendRequest extends SendSource {
  /**
   * The stored version the analyst saw in the diff: the update goes ahead only while the instance still has it.
   * `'any'` (the command line, where the command itself is the confirmation) updates whatever is there, after
   * re-reading it. `null`: create only; an existing instance returns the plan to confirm.
   */
  readonly confirmedVersion: number | 'any' | null;
  /** Run `!msgraph-mail-test` afterwards. */
  readonly test: boolean;
  readonly playgroundId: string;
}

/** Time limit of `!msgraph-mail-test` (demisto-sdk waits 240 s for test-module). */
const TEST_TIMEOUT_MS = 240_000;

interface SearchResult {
  readonly configurations: readonly { readonly id?: unknown; readonly name?: unknown }[];
  readonly instances: readonly StoredInstance[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asSearch(json: unknown): Result<SearchResult> {
  if (!isRecord(json)) return fail(appError(ErrorCode.XsoarUnexpectedResponse, 'The integration search did not return an object.'));
  const configurations = Array.isArray(json['configurations']) ? (json['configurations'] as SearchResult['configurations']) : [];
  const rawInstances = Array.isArray(json['instances']) ? json['instances'] : [];
  const instances = rawInstances.filter((i): i is StoredInstance => isRecord(i) && typeof i['name'] === 'string' && Array.isArray(i['data']));
  return ok({ configurations, instances });
}

function summary(i: StoredInstance): InstanceSummary {
  return { id: String(i.id), name: i.name, enabled: i.enabled === true || i.enabled === 'true', engine: typeof i.engine === 'string' ? i.engine : '', version: Number(i.version) };
}

/**
 * Cortex XSOAR for the assistant: probe a connection, list the integration's instances and engines, create or update
 * an instance from a profile (diff first, search-before-create so an interrupted send is safe to repeat, version
 * conflicts re-read), run `!msgraph-mail-test` (or `!msgraph-mail-auth-reset`) in a playground and explain the result.
 * Shared by the app and `gma`.
 */
export class XsoarService {
  constructor(
    private readonly transport: XsoarTransportFactory,
    private readonly secrets: ProfileSecrets,
    private readonly tools: SigningTools,
    private readonly tuning?: ClientTuning,
  ) {}

  /** The API client of a target. */
  client(target: XsoarTarget): XsoarApiClient {
    const c = target.connection;
    return new XsoarApiClient(this.transport({ caPem: c.caPem }), apiBaseUrl(c.url, c.keyId !== ''), { apiKey: target.apiKey, keyId: c.keyId, advanced: c.advancedKey }, this.tools, this.tuning);
  }

  /** `GET /about`: which product and version answers, with "browser address" for HTML. */
  async probe(target: XsoarTarget, signal?: AbortSignal): Promise<Result<ProbeReport>> {
    const client = this.client(target);
    const raw = await client.raw('/about', { retry: true, ...(signal ? { signal } : {}) });
    if (!raw.ok) return raw;
    const verdict = classifyProbe({ status: raw.value.status, contentType: raw.value.headers['content-type'] ?? '', body: raw.value.body });
    switch (verdict.kind) {
      case 'ok':
        if (usesKeyId(verdict.product) && target.connection.keyId === '') {
          return fail(appError(ErrorCode.ConfigInvalid, `This is ${verdict.product === XsoarProduct.Xsiam ? 'XSIAM' : 'XSOAR 8'}: enter the API key's ID too (the "ID" column of Settings → Configurations → API Keys).`));
        }
        return ok({ product: verdict.product, version: verdict.version });
      case 'browser-address':
        return fail(appError(ErrorCode.XsoarBrowserAddress, `${new URL(client.baseUrl).host} answered with a web page: this is the browser address of the console, not the API address. On XSOAR 8 and XSIAM copy the API URL from Settings → Configurations → API Keys → "Copy URL" (it starts with https://api-).`));
      case 'unauthorized':
        return fail(appError(ErrorCode.XsoarUnauthorized, 'XSOAR did not accept the API key (401). Check the key and, on XSOAR 8 / XSIAM, its ID and whether it is an advanced key; the key may also have expired or been revoked.'));
      case 'forbidden':
        return fail(appError(ErrorCode.XsoarForbidden, 'XSOAR accepted the API key but its role may not read the server information (403). Use a key with the Instance Administrator role.'));
      case 'not-xsoar':
        return fail(appError(ErrorCode.XsoarNotXsoar, `${client.baseUrl} is not an XSOAR API (GET /about answered ${verdict.status}). Check the URL${target.connection.keyId === '' ? '' : ' (XSOAR 8 / XSIAM: https://api-<your tenant>, without /xsoar)'}.`));
      case 'server-error':
        return fail(appError(ErrorCode.XsoarServerError, `XSOAR answered ${verdict.status} (server error) to GET /about; try again later.`, { retryable: true }));
    }
  }

  /** The integration's instances on the server. */
  async listInstances(target: XsoarTarget, signal?: AbortSignal): Promise<Result<InstanceSummary[]>> {
    const found = await this.search(this.client(target), signal);
    if (!found.ok) return found;
    return ok(found.value.instances.filter((i) => i.brand === INTEGRATION_BRAND).map(summary));
  }

  /** One instance as stored (secrets masked by the server), for Pull. */
  async readInstance(target: XsoarTarget, name: string, signal?: AbortSignal): Promise<Result<StoredInstance>> {
    const found = await this.search(this.client(target), signal);
    if (!found.ok) return found;
    const instance = found.value.instances.find((i) => i.name === name && i.brand === INTEGRATION_BRAND);
    if (instance === undefined) return fail(appError(ErrorCode.XsoarInstanceNotFound, `${target.connection.name} has no "${INTEGRATION_BRAND}" instance named "${name}".`));
    return ok(instance);
  }

  /** Engines the server lists (`POST /engines/search`); empty when it lists none or does not offer the call. */
  async listEngines(target: XsoarTarget, signal?: AbortSignal): Promise<Result<EngineSummary[]>> {
    const r = await this.client(target).call('POST', '/engines/search', {}, { retry: true, ...(signal ? { signal } : {}) });
    if (r.kind === 'failed') return fail(r.error);
    if (r.kind === 'refused') return ok([]);
    const engines = isRecord(r.answer.json) && Array.isArray(r.answer.json['engines']) ? r.answer.json['engines'] : [];
    return ok(engines.filter(isRecord).map((e) => ({ id: String(e['id'] ?? ''), name: String(e['name'] ?? e['id'] ?? '') })).filter((e) => e.id !== ''));
  }

  /** What a send would do, without writing anything. */
  async plan(target: XsoarTarget, source: SendSource, signal?: AbortSignal): Promise<Result<SendPlanView>> {
    const body = await buildSendBody(this.secrets, source);
    if (!body.ok) return body;
    const found = await this.findExisting(this.client(target), body.value.name, signal);
    if (!found.ok) return found;
    if (found.value === null) return ok({ action: 'create', instanceName: body.value.name });
    const plan = planUpdate(found.value, body.value);
    return ok({ action: 'update', instanceName: body.value.name, instanceId: String(found.value.id), version: found.value.version, changes: plan.changes, secretsReplaced: plan.secretsReplaced, afterConflict: false });
  }

  /**
   * Creates or updates the instance. Creation searches first and, when a create attempt fails without a clear
   * answer (dropped connection, timeout, 5xx), searches again before retrying, so a repeated send never creates a
   * second instance. An update goes ahead only against the version the analyst confirmed; a conflict re-reads and
   * returns the fresh plan to confirm again.
   */
  async send(target: XsoarTarget, request: SendRequest, signal?: AbortSignal): Promise<Result<SendOutcome>> {
    const built = await buildSendBody(this.secrets, request);
    if (!built.ok) return built;
    const body = built.value;
    const client = this.client(target);
    const opts = signal ? { signal } : {};
    for (let round = 0; round < 3; round++) {
      const existing = await this.findExisting(client, body.name, signal);
      if (!existing.ok) return existing;
      const stored = existing.value;
      if (stored === null) {
        const created = await this.create(client, body, signal);
        if (!created.ok) return created;
        return this.finish(target, request, 'created', created.value, body.name, [], signal);
      }
      const plan = planUpdate(stored, body);
      const view = { action: 'update' as const, instanceName: body.name, instanceId: String(stored.id), version: stored.version, changes: plan.changes, secretsReplaced: plan.secretsReplaced, afterConflict: round > 0 };
      if (request.confirmedVersion === null || (request.confirmedVersion !== 'any' && (request.confirmedVersion !== stored.version || round > 0))) {
        return ok({ status: 'confirm', plan: view });
      }
      const put = await client.call('PUT', '/settings/integration', plan.body, { ...opts });
      if (put.kind === 'answer') return this.finish(target, request, 'updated', String(stored.id), body.name, plan.changes, signal);
      if (put.kind === 'refused' && /version/i.test(put.refusal.text)) continue; // someone saved meanwhile: re-read
      if (put.kind === 'refused') return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR refused the update (${put.refusal.status}): ${put.refusal.text}`));
      return fail(appError(put.error.code, `${put.error.message} The instance may or may not have been updated; sending again is safe (it re-reads the instance first).`, { retryable: true }));
    }
    return fail(appError(ErrorCode.XsoarVersionConflict, `"${body.name}" keeps changing on the server (version conflict each time); try again in a moment.`, { retryable: true }));
  }

  /** Runs `!msgraph-mail-test` for an instance and explains the outcome. */
  async runTest(target: XsoarTarget, instanceName: string, playgroundId: string, signal?: AbortSignal): Promise<Result<TestReport>> {
    return this.execute(target, testCommand(instanceName), instanceName, playgroundId, signal);
  }

  /** Runs `!msgraph-mail-auth-reset` (drops a redeemed code's tokens from the instance context). */
  async authReset(target: XsoarTarget, instanceName: string, playgroundId: string, signal?: AbortSignal): Promise<Result<TestReport>> {
    const r = await this.execute(target, authResetCommand(instanceName), instanceName, playgroundId, signal);
    if (!r.ok) return r;
    const passed = /reset successfully/i.test(r.value.output);
    return ok({ ...r.value, passed, explanation: passed ? null : r.value.explanation });
  }

  private async finish(target: XsoarTarget, request: SendRequest, action: 'created' | 'updated', instanceId: string, instanceName: string, changes: readonly ValueChange[], signal?: AbortSignal): Promise<Result<SendOutcome>> {
    const binding = request.draft.method === 'xsoar-app' ? { boundInstanceName: instanceName } : {};
    if (!request.test) return ok({ status: 'sent', action, instanceId, instanceName, changes, test: null, ...binding });
    const test = await this.runTest(target, instanceName, request.playgroundId, signal);
    if (!test.ok) return fail(appError(test.error.code, `The instance was ${action}, but the test could not run: ${test.error.message}`, test.error.retryable === undefined ? {} : { retryable: test.error.retryable }));
    return ok({ status: 'sent', action, instanceId, instanceName, changes, test: test.value, ...binding });
  }

  private async create(client: XsoarApiClient, body: Readonly<{ name: string }>, signal?: AbortSignal): Promise<Result<string>> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const put = await client.call('PUT', '/settings/integration', body, signal ? { signal } : {});
      if (put.kind === 'answer') return ok(isRecord(put.answer.json) ? String(put.answer.json['id'] ?? '') : '');
      if (put.kind === 'refused') {
        if (/already exists|same name|name.*(taken|in use)/i.test(put.refusal.text)) {
          return fail(appError(ErrorCode.XsoarNameClash, `XSOAR already has an instance named "${body.name}" that is not a "${INTEGRATION_BRAND}" instance (${put.refusal.text}). Choose another instance name in the profile.`));
        }
        return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR refused to create "${body.name}" (${put.refusal.status}): ${put.refusal.text}`));
      }
      if (put.error.code === ErrorCode.Cancelled) return fail(put.error);
      const unclear = put.error.code === ErrorCode.XsoarServerError || put.error.code === ErrorCode.XsoarTimeout || put.error.code === ErrorCode.XsoarNetwork;
      if (!unclear) return fail(put.error);
      // The create may have happened before the answer was lost: look before trying again.
      const again = await this.findExisting(client, body.name, signal);
      if (again.ok && again.value !== null) return ok(String(again.value.id));
      if (!again.ok) return fail(appError(put.error.code, `${put.error.message} It is not known whether "${body.name}" was created; sending again is safe (it searches by name first).`, { retryable: true }));
    }
    return fail(appError(ErrorCode.XsoarServerError, `XSOAR did not accept "${body.name}" after 3 attempts; nothing was created. Try again later.`, { retryable: true }));
  }

  private async search(client: XsoarApiClient, signal?: AbortSignal): Promise<Result<SearchResult>> {
    const r = await client.json('POST', '/settings/integration/search', { size: 500 }, { retry: true, ...(signal ? { signal } : {}) });
    if (!r.ok) return r;
    return asSearch(r.value);
  }

  private async findExisting(client: XsoarApiClient, name: string, signal?: AbortSignal): Promise<Result<StoredInstance | null>> {
    const found = await this.search(client, signal);
    if (!found.ok) return found;
    if (!found.value.configurations.some((c) => c.name === INTEGRATION_BRAND || c.id === INTEGRATION_BRAND)) {
      return fail(appError(ErrorCode.XsoarIntegrationMissing, `The server has no "${INTEGRATION_BRAND}" integration. Install the Microsoft Graph Mail Single User pack from the Marketplace first.`));
    }
    const same = found.value.instances.filter((i) => i.name === name);
    const ours = same.find((i) => i.brand === INTEGRATION_BRAND);
    if (ours !== undefined) return ok(ours);
    if (same.length > 0) {
      return fail(appError(ErrorCode.XsoarNameClash, `XSOAR already has an instance named "${name}" of the integration "${String(same[0]?.brand)}". Choose another instance name in the profile.`));
    }
    return ok(null);
  }

  private async execute(target: XsoarTarget, command: string, instanceName: string, playgroundId: string, signal?: AbortSignal): Promise<Result<TestReport>> {
    const client = this.client(target);
    const opts = signal ? { signal } : {};
    const investigation = playgroundId.trim() !== '' ? ok(playgroundId.trim()) : await this.findPlayground(target, client, signal);
    if (!investigation.ok) return investigation;
    const r = await client.call('POST', '/entry/execute/sync', { investigationId: investigation.value, data: command }, { ...opts, timeoutMs: TEST_TIMEOUT_MS });
    if (r.kind === 'failed') return fail(r.error);
    if (r.kind === 'refused') {
      const why = r.refusal.status === 412 ? 'the investigation is closed' : r.refusal.text;
      return fail(appError(ErrorCode.XsoarRequestFailed, `XSOAR could not run ${command.split(' ')[0]} in ${investigation.value} (${r.refusal.status}): ${why}. Give the id of an open playground or incident.`));
    }
    const entries: XsoarEntry[] = (Array.isArray(r.answer.json) ? r.answer.json : []).filter(isRecord).map((e) => ({ type: Number(e['type']), contents: e['contents'] }));
    const outcome = interpretTestEntries(entries);
    switch (outcome.outcome) {
      case 'success':
        return ok({ instanceName, investigationId: investigation.value, passed: true, output: outcome.text, explanation: null });
      case 'failure':
      case 'unclear':
        return ok({ instanceName, investigationId: investigation.value, passed: outcome.outcome === 'unclear' && /reset successfully/i.test(outcome.text), output: outcome.text, explanation: explainIntegrationError(outcome.text) });
      case 'no-output':
        return ok({ instanceName, investigationId: investigation.value, passed: false, output: 'Command did not run, make sure it was written correctly.', explanation: explainIntegrationError('') });
    }
  }

  /** XSOAR 6: the analyst's playground (spec A2); XSOAR 8 / XSIAM cannot be auto-detected (demisto-sdk CIAC-8766). */
  private async findPlayground(target: XsoarTarget, client: XsoarApiClient, signal?: AbortSignal): Promise<Result<string>> {
    if (target.connection.product !== null && usesKeyId(target.connection.product)) {
      return fail(appError(ErrorCode.XsoarPlaygroundNeeded, 'XSOAR 8 and XSIAM cannot find your playground by themselves: give the id of your playground or of an incident (it is in the War Room address).'));
    }
    const opts = { retry: true, ...(signal ? { signal } : {}) };
    const found = await client.json('POST', '/investigations/search', { filter: { type: [9], page: 0, size: 100 }, size: 100 }, opts);
    if (!found.ok) return found;
    const data = isRecord(found.value) && Array.isArray(found.value['data']) ? found.value['data'].filter(isRecord) : [];
    if (data.length === 1) return ok(String(data[0]?.['id']));
    const user = await client.json('GET', '/user', undefined, opts);
    if (!user.ok) return user;
    const username = isRecord(user.value) ? String(user.value['username'] ?? user.value['id'] ?? '') : '';
    const mine = data.find((d) => d['creatingUserId'] === username);
    if (mine !== undefined) return ok(String(mine['id']));
    return fail(appError(ErrorCode.XsoarPlaygroundNeeded, `No playground of the API key's user${username ? ` (${username})` : ''} was found; open the Playground once in XSOAR, or give a playground or incident id.`));
  }
}
