/**
 * `engines` and the README's "Which Node for which task" table tell the truth: `engines` is what `npm ci` and
 * `npm test` need (so installing on Debian's Node 20 warns about no package of ours), and the Electron tooling
 * that only `npm start` and `npm run dist` use asks for more, which the README names per task.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import semver from 'semver';

interface Manifest {
  readonly engines?: { readonly node?: string };
}
const manifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const ours = manifest('package.json').engines?.node ?? '';
const nodeOf = (pkg: string): string => manifest(`node_modules/${pkg}/package.json`).engines?.node ?? '*';

/** What `npm ci` installs and `npm test` runs: the build, lint, type-check, test runners, browser driver and runtime libraries. */
const TEST_TOOLING = ['vite', 'vitest', 'electron-vite', '@vitejs/plugin-react', 'jsdom', 'oxlint', 'typescript', 'playwright-core', 'undici', '@azure/msal-node', 'oidc-provider'];
/** Only `npm start` / `npm run dev` (the runtime download) and `npm run dist` (native rebuild, installers) run these. */
const ELECTRON_TOOLING = ['electron', '@electron/get', '@electron/rebuild'];

/** The "Which Node for which task" section of the README. */
function nodeSection(): string {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('## Which Node for which task');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end);
}

describe('Node versions', () => {
  it('engines admits the Node these tests run on (CI: Debian’s Node 20)', () => {
    expect(semver.validRange(ours)).not.toBeNull();
    expect(semver.satisfies(process.version, ours), `${process.version} against "${ours}"`).toBe(true);
  });

  it('engines asks for no Node that a test-time dependency refuses', () => {
    for (const pkg of TEST_TOOLING) expect(semver.subset(ours, nodeOf(pkg)), `${pkg} declares ${nodeOf(pkg)}`).toBe(true);
  });

  it('the Electron tooling needs more, and the README says so for running and packaging', () => {
    const electronFloor = ELECTRON_TOOLING.map((pkg) => semver.minVersion(nodeOf(pkg))?.version ?? '0.0.0').sort(semver.rcompare)[0]!;
    expect(semver.satisfies('20.19.0', ours) && !semver.satisfies('20.19.0', nodeOf('electron'))).toBe(true);
    const section = nodeSection();
    // The table quotes engines exactly and names a Node for `npm start` and `npm run dist` that both the
    // Electron tooling and our engines accept.
    expect(section).toContain(`\`${ours}\``);
    const rows = Object.fromEntries(
      section
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Task') && !l.startsWith('|---'))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((cells) => [cells[1], cells[3]] as const),
    );
    expect(Object.keys(rows)).toEqual(['Install', 'Run the app', 'Test', 'Package']);
    for (const task of ['Run the app', 'Package']) {
      const floor = /≥ (\d+\.\d+)/.exec(rows[task] ?? '')?.[1];
      expect(floor, `${task}: ${rows[task]}`).toBeDefined();
      const version = `${floor}.0`;
      expect(semver.gte(version, electronFloor), `${task} names ${version}; Electron tooling wants ${electronFloor}`).toBe(true);
      expect(semver.satisfies(version, ours), `${task} names ${version}, outside engines`).toBe(true);
    }
    expect(rows['Test']).toContain('20.19');
  });
});
