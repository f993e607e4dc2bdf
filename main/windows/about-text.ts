/** The versions the About box lists (what a bug report needs). */
export interface AboutVersions {
  readonly app: string;
  readonly electron: string;
  readonly chromium: string;
  readonly node: string;
  readonly v8: string;
  /** e.g. `linux 6.1.0 (x64)`. */
  readonly os: string;
}

/** The About box's heading and detail lines; pure, so the wording is tested without Electron. */
export function aboutText(appName: string, versions: AboutVersions): { readonly message: string; readonly detail: string } {
  return {
    message: `${appName} ${versions.app}`,
    detail: [
      'Configures Cortex XSOAR\'s Microsoft Graph Mail Single User integration.',
      '',
      `Version: ${versions.app}`,
      `Electron: ${versions.electron}`,
      `Chromium: ${versions.chromium}`,
      `Node.js: ${versions.node}`,
      `V8: ${versions.v8}`,
      `OS: ${versions.os}`,
    ].join('\n'),
  };
}
