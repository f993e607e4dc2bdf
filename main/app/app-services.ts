import type { BrowserOpener } from '../ports/browser-opener';
import type { FileSystem } from '../ports/file-system';
import type { ProfileSecrets } from '../ports/profile-secrets';
import type { SaveDialog } from '../ports/save-dialog';
import { ExternalLinkService } from '../services/external-link-service';
import { SettingsExportService } from '../services/settings-export-service';

/** The adapters a host (Electron or the browser test host) provides. */
export interface AppPorts {
  readonly fs: FileSystem;
  readonly saveDialog: SaveDialog;
  readonly browserOpener: BrowserOpener;
  /** Read access to profile secrets for exports (the keychain vault). */
  readonly profileSecrets: ProfileSecrets;
  readonly productName: string;
  readonly version: string;
  /** `host[:port]` entries allowed for external links besides the built-in list. */
  readonly extraExternalHosts?: readonly string[];
}

/** Every main-process service, built from the host's adapters. */
export interface AppServices {
  readonly info: { readonly productName: string; readonly version: string };
  readonly settingsExport: SettingsExportService;
  readonly externalLinks: ExternalLinkService;
}

/**
 * Builds the services from the adapters. Shared by `main/index.ts` and the
 * browser test host so both run exactly the same wiring.
 */
export function createAppServices(ports: AppPorts): AppServices {
  return {
    info: { productName: ports.productName, version: ports.version },
    settingsExport: new SettingsExportService(ports.fs, ports.saveDialog, ports.profileSecrets),
    externalLinks: new ExternalLinkService(ports.browserOpener, ports.extraExternalHosts),
  };
}
