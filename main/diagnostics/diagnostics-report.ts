import { arch, release, type as osType } from 'node:os';
import { redactText } from '../../shared/diagnostics/redact';
import { isProductionEndpoints, type IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { DiagnosticsLog } from '../ports/logger';
import type { SecretStore } from '../ports/secret-store';

/** How many log lines a report carries. */
export const REPORT_LOG_LINES = 60;

/** What a diagnostics report is made of; each host (app, `gma`) fills it from its own process. */
export interface DiagnosticsSources {
  readonly productName: string;
  readonly version: string;
  /** `app` (Electron main process) or `cli` (`gma`). */
  readonly source: 'app' | 'cli';
  readonly endpoints: IdentityEndpoints;
  readonly dataDir: string;
  readonly keychain: SecretStore;
  readonly log: DiagnosticsLog;
}

/** The OS keychain behind keytar on each platform. */
function keychainBackend(platform: string): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service over D-Bus (libsecret: GNOME Keyring, KWallet, …)';
}

/** One line on whether the keychain answers; never an item's value (only how many items the app has). */
export async function keychainStatus(store: SecretStore): Promise<string> {
  try {
    const accounts = await store.listAccounts();
    return `available (${accounts.length} item${accounts.length === 1 ? '' : 's'} of this app)`;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `not available (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error'})`;
  }
}

/**
 * The diagnostics report: versions, OS, keychain backend and status, the
 * identity endpoints in use, the data and log folders, and the last log
 * lines. Redacted as a whole before it is returned (the log lines were
 * redacted when written; this is the second net).
 */
export async function buildDiagnosticsReport(s: DiagnosticsSources): Promise<string> {
  const versions = process.versions as Record<string, string | undefined>;
  const runtime = ['electron', 'chrome', 'node', 'v8', 'openssl'].filter((k) => versions[k] !== undefined).map((k) => `${k} ${versions[k]}`).join(', ');
  const lines = [
    `${s.productName} diagnostics (${s.source === 'app' ? 'app' : 'gma command line'})`,
    `Generated: ${new Date().toISOString()}`,
    `Version: ${s.version}`,
    `Runtime: ${runtime}`,
    `OS: ${osType()} ${release()} (${process.platform}, ${arch()})`,
    `Keychain: ${keychainBackend(process.platform)} — ${await keychainStatus(s.keychain)}`,
    `Identity endpoints: authority ${s.endpoints.authorityHost}, Graph ${s.endpoints.graphHost}${isProductionEndpoints(s.endpoints) ? ' (Microsoft worldwide cloud)' : ' (set by GMA_IDENTITY_ENDPOINTS)'}`,
    `Data folder: ${s.dataDir}`,
    `Log folder: ${s.log.folder}`,
    '',
    `Last ${REPORT_LOG_LINES} log lines (secrets are removed before anything is written):`,
    ...s.log.tail(REPORT_LOG_LINES),
  ];
  return redactText(`${lines.join('\n')}\n`);
}
