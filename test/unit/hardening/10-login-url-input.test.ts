import { describe, expect, it } from 'vitest';
import { XsoarAuthCodeService } from '../../../main/auth/xsoar-auth-code-service';
import { HandlerRegistry } from '../../../main/ipc/handler-registry';
import { PRODUCTION_IDENTITY_ENDPOINTS } from '../../../shared/config/identity-endpoints';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { RecordingBrowserOpener } from '../../host/test-ports';

// Issue 11, item 10: a lone surrogate in the mailbox made `auth:prepare-code`
// answer `internal` (URI malformed) instead of a validation error, and the
// code-capture path handed a raw URL to the browser opener without the
// allow-list normalisation.
const REQUEST = { tenantId: '00000000-0000-4000-8000-0000000074e1', clientId: '00000000-0000-4000-8000-00000000c1d0', redirectUri: 'http://localhost:0/', mailbox: 'soc@contoso.example' };

describe('item 10: login URL input and opening', () => {
  it.each([
    ['mailbox', { mailbox: 'soc\uD800@contoso.example' }],
    ['mailbox', { mailbox: '\uDC00' }],
    ['tenantId', { tenantId: 'contoso\uDBFF.example' }],
  ])('a lone surrogate in %s is a validation error naming the field', (field, change) => {
    const service = new XsoarAuthCodeService(new RecordingBrowserOpener(), PRODUCTION_IDENTITY_ENDPOINTS);
    const prepared = service.prepare({ ...REQUEST, ...change });
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) {
      expect(prepared.error.code).toBe(ErrorCode.ConfigInvalid);
      expect(prepared.error.fields?.map((f) => f.field)).toContain(field);
    }
  });

  it('through the IPC registry the answer is config/invalid, not internal', async () => {
    const service = new XsoarAuthCodeService(new RecordingBrowserOpener(), PRODUCTION_IDENTITY_ENDPOINTS);
    const registry = new HandlerRegistry({ warn: () => undefined });
    registry.register('auth:prepare-code', (req) => {
      // As SelfDeployedAuthService.prepareCode does: the attempt stays in main, the page gets an id.
      const prepared = service.prepare(req);
      return prepared.ok ? { ok: true, value: { attemptId: 'a1', url: prepared.value.url, loopback: prepared.value.loopback } } : prepared;
    });
    const answer = await registry.invoke('auth:prepare-code', { ...REQUEST, mailbox: 'a\uD800b@contoso.example' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe(ErrorCode.ConfigInvalid);
  });

  it('capture opens only an allow-listed URL, in its normalised form', async () => {
    const opener = new RecordingBrowserOpener();
    const service = new XsoarAuthCodeService(opener, PRODUCTION_IDENTITY_ENDPOINTS, 2_000);
    const forged = { url: 'file:///etc/passwd', state: 's', redirectUri: 'http://localhost:0/', loopback: true };
    const captured = await service.capture(forged);
    expect(captured.ok).toBe(false);
    if (!captured.ok) expect(captured.error.code).toBe(ErrorCode.UrlNotAllowed);
    expect(opener.opened).toEqual([]);
  });

  it('capture hands the opener the normalised URL', async () => {
    const opener = new RecordingBrowserOpener();
    const service = new XsoarAuthCodeService(opener, PRODUCTION_IDENTITY_ENDPOINTS, 2_000);
    const attempt = { url: 'https://LOGIN.microsoftonline.com/t/oauth2/v2.0/authorize?x=a b', state: 's', redirectUri: 'http://localhost:0/', loopback: true };
    const ac = new AbortController();
    const done = service.capture(attempt, ac.signal);
    while (opener.opened.length === 0) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    await done;
    expect(opener.opened).toEqual(['https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=a%20b']);
  });
});
