import { expect } from 'vitest';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { BrowserUser } from '../../idp/browser-user';
import { PlayingBrowser, portIsOpen, until } from './signin-fixture';

/** Starts an interactive operation (admin consent, a verified sign-in) that opens `opener` and waits on a loopback port. */
export type LoopbackOperation = (opener: PlayingBrowser, signal?: AbortSignal) => Promise<unknown>;

/** The port the operation listens on, read from the `redirect_uri` it opened once the browser was asked. */
async function waitingPort(opener: PlayingBrowser): Promise<number> {
  await until(() => opener.opened.length === 1);
  return Number(new URL(opener.lastRedirectUri()).port);
}

/**
 * Cancel while nobody acts in the browser: the operation listens until then, answers `op/cancelled`, and its
 * port is closed afterwards.
 */
export async function expectCancelClosesPort(browser: BrowserUser, operation: LoopbackOperation): Promise<void> {
  const opener = new PlayingBrowser(browser, null);
  const controller = new AbortController();
  const pending = operation(opener, controller.signal);
  const port = await waitingPort(opener);
  expect(await portIsOpen(port)).toBe(true);
  controller.abort();
  expect(await pending).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
  expect(await portIsOpen(port)).toBe(false);
}

/** Nobody acts in the browser until the operation's own limit: it answers `op/timeout` and its port is closed. */
export async function expectTimeoutClosesPort(browser: BrowserUser, operation: LoopbackOperation): Promise<void> {
  const opener = new PlayingBrowser(browser, null);
  const pending = operation(opener);
  const port = await waitingPort(opener);
  expect(await pending).toMatchObject({ ok: false, error: { code: ErrorCode.Timeout } });
  expect(await portIsOpen(port)).toBe(false);
}
