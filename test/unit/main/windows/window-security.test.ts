import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../main/windows/window-options';
import { makeSenderGuard, type SenderInfo } from '../../../../main/windows/sender-guard';
import { originOf } from '../../../../shared/security/origin-of';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/content-security-policy';

function event(id: number, url: string, parent: unknown = null): SenderInfo {
  return { sender: { id }, senderFrame: { url, parent } } as unknown as SenderInfo;
}

describe('window security', () => {
  it('creates an isolated, sandboxed window without Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('trusts only the main frame of a known window at the app origin', () => {
    const guard = makeSenderGuard(new Set([1]), ['app://renderer']);
    expect(guard(event(1, 'app://renderer/index.html'))).toBe(true);
    expect(guard(event(2, 'app://renderer/index.html'))).toBe(false);
    expect(guard(event(1, 'app://other/index.html'))).toBe(false);
    expect(guard(event(1, 'https://evil.example/'))).toBe(false);
    expect(guard(event(1, 'app://renderer/index.html', {}))).toBe(false);
    expect(guard({ sender: { id: 1 }, senderFrame: null } as unknown as SenderInfo)).toBe(false);
  });

  it('compares custom-scheme origins by scheme and host', () => {
    expect(originOf('app://renderer/index.html')).toBe('app://renderer');
    expect(originOf('app://other/x')).not.toBe(originOf('app://renderer/x'));
    expect(originOf('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
  });

  it('allows no inline script, eval or foreign origins in the CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});
