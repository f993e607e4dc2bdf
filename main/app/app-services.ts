import type { BrowserOpener } from '../ports/browser-opener';
import type { FileSystem } from '../ports/file-system';
import type { FileLock } from '../ports/file-lock';
import { ProperFileLock } from '../adapters/proper-file-lock';
import { DamagedProfilesService } from '../services/damaged-profiles-service';
import type { SaveDialog } from '../ports/save-dialog';
import type { OpenDialog } from '../ports/open-dialog';
import { ImportService } from '../services/import-service';
import { ImportFlowService } from '../services/import-flow-service';
import type { Clipboard } from '../ports/clipboard';
import type { Clock } from '../ports/clock';
import type { SecretStore } from '../ports/secret-store';
import { ProfileStore } from '../profiles/profile-store';
import { SecretVault } from '../secrets/secret-vault';
import { timedGeneration } from '../secrets/item-age';
import { VaultProfileSecrets } from '../secrets/vault-profile-secrets';
import { ProfilesService } from '../services/profiles-service';
import { SecretsService } from '../services/secrets-service';
import { ExternalLinkService } from '../services/external-link-service';
import { SettingsExportService } from '../services/settings-export-service';
import { WrittenExports } from '../services/written-exports';
import { ExportLocationService } from '../services/export-location-service';
import type { FolderRevealer } from '../ports/folder-revealer';
import { ExportBuilder } from '../services/export-builder';
import type { IdentityEndpoints } from '../../shared/config/identity-endpoints';
import type { HttpClient } from '../ports/http-client';
import { createAuthServices, type AuthPorts } from '../auth/auth-services';
import { TokenCachePlugin } from '../auth/token-cache-plugin';
import { CertificateService } from '../services/certificate-service';
import { SelfDeployedAuthService } from '../services/self-deployed-auth-service';
import { PlainTextClipboardService } from '../services/plain-text-clipboard-service';
import { createEntraProvisioning } from '../entra/entra-services';
import { SecretField } from '../../shared/domain/secret-field';
import { createRotationService } from '../lifecycle/rotation-services';
import { RotationJournalStore } from '../lifecycle/rotation-journal-store';
import type { RotationService } from '../lifecycle/rotation-service';
import { RotationIpcService } from '../lifecycle/rotation-ipc-service';
import { UnfinishedRotationsService } from '../lifecycle/unfinished-rotations-service';
import type { EntraProvisioningService } from '../entra/entra-provisioning-service';
import { EntraIpcService } from '../entra/entra-ipc-service';
import type { XsoarTransportFactory } from '../ports/xsoar-transport';
import { createEnvXsoarTransport } from '../adapters/undici-xsoar-transport';
import { XsoarService } from '../xsoar/xsoar-service';
import { NODE_SIGNING_TOOLS } from '../xsoar/xsoar-signing';
import { XsoarConnectionStore } from '../xsoar/xsoar-connection-store';
import { XsoarConnectionsService } from '../xsoar/xsoar-connections-service';
import { XsoarIpcService } from '../xsoar/xsoar-ipc-service';
import { DiagnosticsService } from '../services/diagnostics-service';
import type { DiagnosticsLog } from '../ports/logger';
import { logDirOf, RotatingFileLog } from '../diagnostics/rotating-file-log';

/** The adapters a host (Electron or the browser test host) provides. */
export interface AppPorts {
  readonly fs: FileSystem;
  /** The cross-process lock of the profiles file; proper-lockfile unless a test passes another. */
  readonly fileLock?: FileLock;
  readonly saveDialog: SaveDialog;
  readonly openDialog: OpenDialog;
  readonly browserOpener: BrowserOpener;
  readonly productName: string;
  readonly version: string;
  /** `host[:port]` entries allowed for external links besides the built-in list. */
  readonly extraExternalHosts?: readonly string[];
  /** The OS keychain (keytar in the app and in the e2e tests). */
  readonly secretStore: SecretStore;
  readonly clipboard: Clipboard;
  /** The app data folder (`app.getPath('userData')` in the app); holds the profiles file. */
  readonly dataDir: string;
  readonly clock: Clock;
  /** The network for MSAL and Graph: Electron `net.fetch` in the app, Node fetch in tests. */
  readonly http: HttpClient;
  /** Microsoft Entra ID and Graph hosts (production unless `GMA_IDENTITY_ENDPOINTS` says otherwise). */
  readonly endpoints: IdentityEndpoints;
  /** Shorter interactive bounds for tests; production uses the services' defaults. */
  readonly authTimeouts?: AuthPorts['timeouts'];
  /** Shorter replication backoff for tests (app registration through Graph); the spec's 2-4-8-16-32 s otherwise. */
  readonly entraBackoffMs?: readonly number[];
  /** How XSOAR connections reach their servers (Electron's network in the app; undici with proxy variables otherwise). */
  readonly xsoarTransport?: XsoarTransportFactory;
  /** The redacting diagnostics log; by default `<dataDir>/logs`. */
  readonly log?: DiagnosticsLog;
  /** "Show in folder" after an export (Electron's shell in the app); without it the action is refused. */
  readonly folderRevealer?: FolderRevealer;
}

/** Every main-process service, built from the host's adapters. */
export interface AppServices {
  readonly info: { readonly productName: string; readonly version: string };
  readonly settingsExport: SettingsExportService;
  /** "Show in folder" for the files the export just wrote. */
  readonly exportLocation: ExportLocationService;
  /** Builds export files (shared with `gma`). */
  readonly exportBuilder: ExportBuilder;
  /** Imports files into profiles (shared with `gma`). */
  readonly imports: ImportService;
  /** The app's two-step import (dialog, then passphrase). */
  readonly importFlow: ImportFlowService;
  readonly externalLinks: ExternalLinkService;
  readonly profiles: ProfilesService;
  readonly secrets: SecretsService;
  /** Entries of the profiles file set aside as damaged: export raw, delete. */
  readonly damagedProfiles: DamagedProfilesService;
  /** The vault, for the MSAL token cache plugin. */
  readonly vault: SecretVault;
  /** The self-deployed path's network steps (credential check, consent, sign-in, XSOAR code). */
  readonly selfDeployedAuth: SelfDeployedAuthService;
  /** Certificate import, generation and saving. */
  readonly certificates: CertificateService;
  /** Copying public values for the setup checklist. */
  readonly plainClipboard: PlainTextClipboardService;
  /** "Create the app for me", check and repair of the self-deployed app registration through Microsoft Graph. */
  readonly entra: EntraProvisioningService;
  /** The renderer's side of it: draft saved first, progress polling, Cancel. */
  readonly entraIpc: EntraIpcService;
  /** Send to Cortex XSOAR, test, pull (shared with `gma`). */
  readonly xsoar: XsoarService;
  /** The Send-to-XSOAR channels (cancellable steps). */
  readonly xsoarIpc: XsoarIpcService;
  /** Saved XSOAR connections (key in the keychain), probed when added. */
  readonly xsoarConnections: XsoarConnectionsService;
  /** Profiles' keychain secrets as the export and the XSOAR send read them. */
  readonly profileSecrets: VaultProfileSecrets;
  /** The redacting diagnostics log the main process writes. */
  readonly log: DiagnosticsLog;
  /** "Copy diagnostics". */
  readonly diagnostics: DiagnosticsService;
  /** Credential rotation from the app (the administrator signs in interactively when the cached sign-in cannot serve). */
  readonly rotation: RotationService;
  /** Rotations a crash interrupted: finished or undone at start over the cached sign-in, or later on request. */
  readonly unfinishedRotations: UnfinishedRotationsService;
  /** Rotate for the renderer: cancellable, with progress per step. */
  readonly rotationIpc: RotationIpcService;
}

/**
 * Builds the services from the adapters. Shared by `main/index.ts` and the
 * browser test host so both run exactly the same wiring.
 */
export function createAppServices(ports: AppPorts): AppServices {
  const vault = new SecretVault(ports.secretStore, () => timedGeneration(ports.clock.now().getTime()));
  const log = ports.log ?? new RotatingFileLog(logDirOf(ports.dataDir), 'app');
  const fileLock = ports.fileLock ?? new ProperFileLock();
  const profileStore = new ProfileStore(ports.fs, ports.dataDir, ports.clock, fileLock);
  const profileSecrets = new VaultProfileSecrets(profileStore, vault);
  const exportBuilder = new ExportBuilder(profileSecrets, ports.clock);
  const writtenExports = new WrittenExports();
  const xsoar = new XsoarService(ports.xsoarTransport ?? createEnvXsoarTransport(), profileSecrets, NODE_SIGNING_TOOLS);
  const connectionStore = new XsoarConnectionStore(ports.fs, ports.dataDir, vault, ports.clock);
  const xsoarConnections = new XsoarConnectionsService(connectionStore, xsoar);
  const rotationHolds = new RotationJournalStore(ports.fs, ports.dataDir, fileLock);
  const profiles = new ProfilesService(profileStore, vault, ports.clock, undefined, { xsoarConnections: connectionStore, rotations: rotationHolds });
  const secrets = new SecretsService(profileStore, vault, ports.clipboard, ports.clock, rotationHolds);
  const imports = new ImportService(ports.fs, profiles, () => ports.clock.now());
  const auth = createAuthServices({
    http: ports.http,
    endpoints: ports.endpoints,
    browserOpener: ports.browserOpener,
    tokenCachePlugin: new TokenCachePlugin(vault),
    ...(ports.authTimeouts ? { timeouts: ports.authTimeouts } : {}),
  });
  const entra = createEntraProvisioning({
    http: ports.http, endpoints: ports.endpoints, browserOpener: ports.browserOpener, profiles, secrets, profileSecrets: new VaultProfileSecrets(profileStore, vault),
    ...(ports.authTimeouts?.interactiveMs ? { interactiveTimeoutMs: ports.authTimeouts.interactiveMs } : {}),
    ...(ports.entraBackoffMs ? { backoffMs: ports.entraBackoffMs } : {}),
    adminCachePlugin: new TokenCachePlugin(vault, SecretField.MsalAdminTokenCache),
  });
  const rotationPorts = {
    http: ports.http, endpoints: ports.endpoints, fs: ports.fs, dataDir: ports.dataDir, fileLock, profiles, secrets, vault, xsoar, connections: xsoarConnections.store,
    adminCachePlugin: new TokenCachePlugin(vault, SecretField.MsalAdminTokenCache),
    ...(ports.entraBackoffMs ? { backoffMs: ports.entraBackoffMs } : {}),
  };
  const rotation = createRotationService({ ...rotationPorts, signIn: { mode: 'interactive', browserOpener: ports.browserOpener, ...(ports.authTimeouts?.interactiveMs ? { timeoutMs: ports.authTimeouts.interactiveMs } : {}) } });
  const unfinishedRotations = new UnfinishedRotationsService(createRotationService({ ...rotationPorts, signIn: { mode: 'silent-only' } }), rotation, profiles);
  return {
    rotation,
    rotationIpc: new RotationIpcService(rotation, unfinishedRotations),
    unfinishedRotations,
    vault,
    profiles,
    secrets,
    damagedProfiles: new DamagedProfilesService(profileStore, vault, ports.saveDialog, ports.fs),
    imports,
    importFlow: new ImportFlowService(ports.openDialog, imports),
    selfDeployedAuth: new SelfDeployedAuthService(auth, new VaultProfileSecrets(profileStore, vault), secrets, ports.clock, {
      record: (profileId, kind, inputs, viaWebRedirect) => profiles.recordCheck(profileId, kind, inputs, viaWebRedirect),
      codeObtained: (profileId, obtainedAt) => profiles.recordCodeObtained(profileId, obtainedAt),
    }),
    certificates: new CertificateService(secrets, ports.saveDialog, ports.fs, ports.clock),
    plainClipboard: new PlainTextClipboardService(ports.clipboard),
    entra,
    entraIpc: new EntraIpcService(entra, profiles),
    info: { productName: ports.productName, version: ports.version },
    exportBuilder,
    profileSecrets,
    xsoar,
    xsoarConnections,
    xsoarIpc: new XsoarIpcService(xsoarConnections, xsoar, profiles),
    settingsExport: new SettingsExportService(ports.fs, ports.saveDialog, exportBuilder, writtenExports),
    exportLocation: new ExportLocationService(writtenExports, ports.folderRevealer),
    externalLinks: new ExternalLinkService(ports.browserOpener, ports.extraExternalHosts),
    log,
    diagnostics: new DiagnosticsService({ productName: ports.productName, version: ports.version, source: 'app', endpoints: ports.endpoints, dataDir: ports.dataDir, keychain: ports.secretStore, log }, ports.clipboard),
  };
}
