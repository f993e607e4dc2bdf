import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

/** The renderer's origin: `app://renderer`. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** Must run before `app.whenReady()`: makes `app:` a secure, standard scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer from `rendererRoot` on `app://renderer/`, with
 * the Content-Security-Policy as a header (instead of loading `file://`,
 * which grants the page file-system privileges).
 */
export function serveRenderer(rendererRoot: string): void {
  const root = resolve(rendererRoot);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (url.host !== 'renderer' || (file !== root && !file.startsWith(root + sep))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    /* electronegativity-explained: CSP_GLOBAL_CHECK. The Content-Security-Policy is sent as a response header on
       every file the app:// handler serves (the scanner looks only for <meta> tags and session hooks). */
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
