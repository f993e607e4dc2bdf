import { homedir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../adapters/keytar-secret-store';
import { NodeFileSystem } from '../adapters/node-file-system';
import { ProperFileLock } from '../adapters/proper-file-lock';
import { SystemClock } from '../adapters/system-clock';
import { ProfileStore } from '../profiles/profile-store';
import { keychainServiceName } from '../secrets/secret-accounts';
import { SecretVault } from '../secrets/secret-vault';
import { VaultProfileSecrets } from '../secrets/vault-profile-secrets';
import { ExportBuilder } from '../services/export-builder';
import { ImportService } from '../services/import-service';
import { ProfilesService } from '../services/profiles-service';
import { SecretsService } from '../services/secrets-service';
import type { Clipboard } from '../ports/clipboard';
import type { CliServices } from './cli-app';
import { createNodeFetchClient } from '../adapters/node-fetch-client';
import { createEntraProvisioning } from '../entra/entra-services';
import { TokenCachePlugin } from '../auth/token-cache-plugin';
import { SecretField } from '../../shared/domain/secret-field';
import { IDENTITY_ENDPOINTS_SETTING, parseIdentityEndpoints, PRODUCTION_IDENTITY_ENDPOINTS } from '../../shared/config/identity-endpoints';
import { CliBrowserOpener } from './cli-browser-opener';
import { createRotationService } from '../lifecycle/rotation-services';
import { RotationJournalStore } from '../lifecycle/rotation-journal-store';
import { createEnvXsoarTransport } from '../adapters/undici-xsoar-transport';
import { XsoarConnectionStore } from '../xsoar/xsoar-connection-store';
import { XsoarConnectionsService } from '../xsoar/xsoar-connections-service';
import { XsoarService } from '../xsoar/xsoar-service';
import { NODE_SIGNING_TOOLS } from '../xsoar/xsoar-signing';
import { logDirOf, RotatingFileLog } from '../diagnostics/rotating-file-log';
import { buildDiagnosticsReport } from '../diagnostics/diagnostics-report';

/** The product name Electron derives the app's data folder from. */
const PRODUCT_NAME = 'Graph Mail Auth Assistant';

/**
 * The app's data folder, as Electron's `app.getPath('userData')` places it,
 * so `gma` and the app share profiles. `GMA_DATA_DIR` overrides it.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): string {
  const override = env['GMA_DATA_DIR'];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_NAME);
}

// The command line never copies secrets; refusing keeps a stray call visible.
const noClipboard: Clipboard = {
  writeText: () => Promise.reject(new Error('The clipboard is not available on the command line.')),
  readText: () => Promise.resolve(''),
};

/**
 * Builds the services `gma` shares with the app: the same profile store,
 * keychain vault (the packaged app's keychain service name unless
 * `GMA_KEYCHAIN_PREFIX` names another), export builder and import service.
 */
export function createCliServices(env: Readonly<Record<string, string | undefined>>, version: string): CliServices {
  const fs = new NodeFileSystem();
  const clock = new SystemClock();
  const keychain = new KeytarSecretStore(keychainServiceName(env['GMA_KEYCHAIN_PREFIX'] ?? ''));
  const vault = new SecretVault(keychain);
  const dataDir = defaultDataDir(env);
  const fileLock = new ProperFileLock();
  const store = new ProfileStore(fs, dataDir, clock, fileLock);
  const log = new RotatingFileLog(logDirOf(dataDir), 'cli');
  // gma makes no sign-in calls; the report shows which endpoints the app would use with this environment.
  const parsed = parseIdentityEndpoints(env[IDENTITY_ENDPOINTS_SETTING]);
  const endpoints = parsed.ok ? parsed.value : PRODUCTION_IDENTITY_ENDPOINTS;
  const diagnostics = { report: () => buildDiagnosticsReport({ productName: PRODUCT_NAME, version, source: 'cli', endpoints, dataDir, keychain, log }) };
  const connectionStore = new XsoarConnectionStore(fs, dataDir, vault, clock);
  const rotationHolds = new RotationJournalStore(fs, dataDir, fileLock);
  const profiles = new ProfilesService(store, vault, clock, undefined, { xsoarConnections: connectionStore, rotations: rotationHolds });
  // Only `gma entra` stores a secret (a new client secret goes straight to the keychain); it never copies one.
  const secrets = new SecretsService(store, vault, noClipboard, clock, rotationHolds);
  const profileSecrets = new VaultProfileSecrets(store, vault);
  // The standard proxy variables and NODE_EXTRA_CA_CERTS apply to XSOAR connections made from the command line.
  const xsoar = new XsoarService(createEnvXsoarTransport(env), profileSecrets, NODE_SIGNING_TOOLS);
  const xsoarConnections = new XsoarConnectionsService(connectionStore, xsoar);
  return {
    profiles,
    exportBuilder: new ExportBuilder(profileSecrets, clock),
    imports: new ImportService(fs, profiles, () => clock.now()),
    fs,
    version,
    xsoar,
    xsoarConnections,
    log,
    diagnostics,
    rotation: () => {
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        value: createRotationService({
          http: createNodeFetchClient(), endpoints: parsed.value, fs, dataDir, fileLock, profiles, secrets, vault, xsoar, connections: xsoarConnections.store,
          adminCachePlugin: new TokenCachePlugin(vault, SecretField.MsalAdminTokenCache), signIn: { mode: 'silent-only' },
        }),
      };
    },
    entra: (io) => {
      // Unlike the diagnostics report, `gma entra` refuses a malformed setting instead of falling back to production.
      if (!parsed.ok) return parsed;
      return { ok: true, value: createEntraProvisioning({ http: createNodeFetchClient(), endpoints: parsed.value, browserOpener: new CliBrowserOpener(io), profiles, secrets, profileSecrets, adminCachePlugin: new TokenCachePlugin(vault, SecretField.MsalAdminTokenCache) }) };
    },
  };
}
