import { connect } from 'node:net';
import type { BrowserOpener } from '../../../main/ports/browser-opener';
import type { BrowserOutcome, BrowserUser, UserScript } from '../../idp/browser-user';
import type { IdentityPlatform } from '../../idp/identity-platform';
import type { IdentityEndpoints } from '../../../shared/config/identity-endpoints';

/** The test platform as an {@link IdentityEndpoints} value (what GMA_IDENTITY_ENDPOINTS would hold). */
export function endpointsOf(idp: IdentityPlatform): IdentityEndpoints {
  return { authorityHost: idp.authorityHost, graphHost: idp.graphBaseUrl };
}

/**
 * The system browser as the services see it: `open(url)` hands the URL to the real Chromium user, who plays
 * `script`. The played outcome is kept so the test can await it after the service returned.
 */
export class PlayingBrowser implements BrowserOpener {
  readonly opened: string[] = [];
  private played: Promise<BrowserOutcome> | null = null;

  constructor(
    private readonly browser: BrowserUser,
    private script: UserScript | null,
  ) {}

  /** Sets what the user does at the next `open`; `null` = the user never acts (cancel and timeout tests). */
  plays(script: UserScript | null): this {
    this.script = script;
    return this;
  }

  async open(url: string): Promise<void> {
    this.opened.push(url);
    if (this.script) this.played = this.browser.play(url, this.script);
  }

  /** What the browser user ended with (throws when nothing was played). */
  async outcome(): Promise<BrowserOutcome> {
    if (!this.played) throw new Error('the browser was never played');
    return this.played;
  }

  /** The `redirect_uri` of the last opened URL. */
  lastRedirectUri(): string {
    const last = this.opened.at(-1);
    if (!last) throw new Error('nothing opened');
    const value = new URL(last).searchParams.get('redirect_uri');
    if (!value) throw new Error('no redirect_uri');
    return value;
  }
}

/** True when something accepts TCP connections on 127.0.0.1:`port` (bounded by 2 s). */
export function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves once `predicate` holds, polling every 20 ms; rejects after `limitMs` (a bound, not an assertion). */
export async function until(predicate: () => boolean, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
