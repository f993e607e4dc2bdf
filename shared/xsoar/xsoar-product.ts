/**
 * The Cortex products whose API the assistant speaks (spec A1). XSOAR 6 takes the API key alone; XSOAR 8 and XSIAM
 * also need the key's ID and live under `https://api-<fqdn>/xsoar`.
 */
export const XsoarProduct = Object.freeze({
  Xsoar6: 'xsoar6',
  Xsoar8: 'xsoar8',
  Xsiam: 'xsiam',
} as const);

/** One of the values of {@link XsoarProduct}. */
export type XsoarProduct = (typeof XsoarProduct)[keyof typeof XsoarProduct];

/** Labels for people. */
export const XSOAR_PRODUCT_LABELS: Readonly<Record<XsoarProduct, string>> = Object.freeze({
  xsoar6: 'Cortex XSOAR 6',
  xsoar8: 'Cortex XSOAR 8',
  xsiam: 'Cortex XSIAM',
});

/** True for products whose keys carry an ID (`x-xdr-auth-id`) and whose API lives under `/xsoar`. */
export function usesKeyId(product: XsoarProduct): boolean {
  return product !== XsoarProduct.Xsoar6;
}

/**
 * The API base for a connection URL: the URL itself for XSOAR 6 (including a multi-tenant `/acc_<account>` path),
 * the URL plus `/xsoar` for XSOAR 8 and XSIAM (spec A1; demisto-py appends `/xsoar` when a key ID is given). An URL
 * that already ends in `/xsoar` is kept as it is.
 */
export function apiBaseUrl(url: string, withKeyId: boolean): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (!withKeyId || trimmed.endsWith('/xsoar')) return trimmed;
  return `${trimmed}/xsoar`;
}

/**
 * Classifies the JSON answer of `GET /about` (spec A1, demisto-sdk's rule): SaaS when `product_mode` is `xsoar` and
 * `deployment_mode` `saas`, or the version is 8 or later; XSIAM when `product_mode` says so; otherwise XSOAR 6.
 */
export function productFromAbout(about: { readonly version?: unknown; readonly product_mode?: unknown; readonly deployment_mode?: unknown }): XsoarProduct {
  const mode = typeof about.product_mode === 'string' ? about.product_mode.toLowerCase() : '';
  if (mode === 'xsiam') return XsoarProduct.Xsiam;
  const major = typeof about.version === 'string' ? Number.parseInt(about.version.split('.')[0] ?? '', 10) : Number.NaN;
  const saas = mode === 'xsoar' && about.deployment_mode === 'saas';
  return saas || (Number.isFinite(major) && major >= 8) ? XsoarProduct.Xsoar8 : XsoarProduct.Xsoar6;
}
