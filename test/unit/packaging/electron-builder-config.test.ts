import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
interface Targets {
  readonly target: { target: string; arch: string[] }[];
  readonly icon: string;
  readonly [option: string]: unknown;
}
interface BuilderConfig {
  readonly win: Targets;
  readonly mac: Targets & { readonly entitlements: string };
  readonly linux: Targets;
  readonly nsis: Record<string, unknown>;
  readonly deb: { readonly depends: string[] };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** The targets of one platform as `name:arch` strings. */
function targets(platform: 'win' | 'mac' | 'linux'): string[] {
  return config[platform].target.flatMap((t) => t.arch.map((a) => `${t.target}:${a}`));
}

function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util/out/DebugLogger');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  }, 60_000); // loading electron-builder takes seconds on a busy machine

  it('builds per-user Windows installers for x64 and arm64 that never ask for admin rights', () => {
    expect(targets('win')).toEqual(['nsis:x64', 'nsis:arm64']);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
  });

  it('builds macOS dmg and zip for x64 and arm64 with the hardened runtime; notarization only from the environment', () => {
    expect(targets('mac')).toEqual(['dmg:x64', 'dmg:arm64', 'zip:x64', 'zip:arm64']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.cs.allow-jit');
    // No credentials or notarize switch in the file: electron-builder notarizes when APPLE_* variables are set.
    expect(config.mac.notarize).toBeUndefined();
    expect(readFileSync('electron-builder.yml', 'utf8')).not.toMatch(/APPLE_[A-Z_]+\s*:/);
  });

  it('builds a Linux AppImage and a deb that depends on libsecret and a Secret Service provider', () => {
    expect(targets('linux')).toEqual(['AppImage:x64', 'deb:x64']);
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.deb.depends).toContain('gnome-keyring | kwalletmanager (>= 4:5.97) | keepassxc');
  });

  it('has the icons each platform needs, made from build/icon.svg', () => {
    const ico = readFileSync(config.win.icon);
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(readFileSync(config.mac.icon).toString('latin1', 0, 4)).toBe('icns');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(`${config.linux.icon}/${size}x${size}.png`)).toEqual([size, size]);
    expect(statSync('build/icon.svg').isFile()).toBe(true);
  });
});
