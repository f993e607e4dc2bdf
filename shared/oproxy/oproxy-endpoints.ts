/**
 * The Cortex XSOAR application's consent page for this integration (spec §3a).
 * An administrator of the mailbox's tenant approves the app there and the
 * page hands back the ID, Token and Key.
 */
export const OPROXY_CONSENT_URL = 'https://oproxy.demisto.ninja/ms-graph-mail-listener';

/** Where the integration redeems the Token when the ID carries no `@<url>`. */
export const OPROXY_DEFAULT_TOKEN_URL = 'https://oproxy.demisto.ninja/obtain-token';

/** The integration's app name at oproxy. */
export const OPROXY_APP_NAME = 'ms-graph-mail-listener';
