import type { InstanceParams } from '../settings/build-instance-params';

/**
 * The concrete sign-in configuration a parameter map expresses (spec §1.4 mode matrix).
 *
 * Finer than `AuthMethod`: exporters need to know whether a self-deployed app
 * uses a secret or a certificate and whether a managed identity is
 * user-assigned (Terraform cannot express that one).
 */
export type ParamsMode =
  | { readonly method: 'xsoar-app' }
  | { readonly method: 'self-deployed'; readonly credential: 'secret' | 'certificate' }
  | { readonly method: 'managed-identity'; readonly identity: 'system-assigned' | 'user-assigned' };

/**
 * Reads the mode the integration itself would pick from these parameters.
 *
 * Mirrors PY's precedence: managed identities win over everything, then
 * `self_deployed`; a certificate pair beats a client secret because MAM drops
 * the secret once it has a JWT assertion. Call on checked params (booleans are
 * already real booleans).
 */
export function detectMode(params: InstanceParams): ParamsMode {
  if (params.use_managed_identities === true) {
    return { method: 'managed-identity', identity: params.managed_identities_client_id === undefined ? 'system-assigned' : 'user-assigned' };
  }
  if (params.self_deployed === true) {
    return { method: 'self-deployed', credential: params.creds_certificate === undefined ? 'secret' : 'certificate' };
  }
  return { method: 'xsoar-app' };
}

/** A short stable name of a mode, e.g. `self-deployed-certificate`, for file names and tests. */
export function modeSlug(mode: ParamsMode): string {
  switch (mode.method) {
    case 'xsoar-app':
      return 'xsoar-app';
    case 'self-deployed':
      return `self-deployed-${mode.credential}`;
    case 'managed-identity':
      return `managed-identity-${mode.identity}`;
  }
}

/** A sentence naming the mode, for documents read by people. */
export function modeTitle(mode: ParamsMode): string {
  switch (mode.method) {
    case 'xsoar-app':
      return 'Cortex XSOAR application (ID, Token, Key from the oproxy consent page)';
    case 'self-deployed':
      return mode.credential === 'secret'
        ? 'Self-deployed Azure app with a client secret (authorization code flow)'
        : 'Self-deployed Azure app with a certificate (authorization code flow)';
    case 'managed-identity':
      return mode.identity === 'system-assigned' ? 'Azure managed identity (system-assigned)' : 'Azure managed identity (user-assigned)';
  }
}
