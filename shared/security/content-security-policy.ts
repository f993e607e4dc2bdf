/**
 * The renderer's Content-Security-Policy.
 *
 * No inline scripts, no `eval`, nothing loaded from outside the app's own
 * origin: the renderer holds secrets briefly (while typing, Reveal) and must
 * not be able to ship them anywhere. `style-src` allows only the bundled
 * stylesheet. Served as a response header by the app protocol and by the
 * browser test host, so tests run under the production policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
