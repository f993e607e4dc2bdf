import type { ProvisioningStep } from './provisioning-steps';

/** A Graph refusal explained: what happened, which role or setting is missing, what to do. */
export interface GraphFailureExplanation {
  readonly title: string;
  readonly meaning: string;
  readonly fix: string;
  /** Directory roles any one of which allows the step, when a role is the problem. */
  readonly roles: readonly string[];
}

/** What the explainer looks at: the step, the status, Graph's codes and whether a claims challenge came back. */
export interface GraphFailure {
  readonly step: ProvisioningStep;
  readonly status: number | null;
  readonly code: string | null;
  /** True when `WWW-Authenticate` carried `insufficient_claims` (Conditional Access wants a stronger sign-in). */
  readonly claimsChallenge: boolean;
}

/** Roles that may register applications when the tenant turned "Users can register applications" off. */
export const APP_CREATOR_ROLES = Object.freeze(['Application Developer', 'Application Administrator', 'Cloud Application Administrator']);
/** Roles that may change any registration (owners may change their own). */
export const APP_ADMIN_ROLES = Object.freeze(['Application Administrator', 'Cloud Application Administrator']);
/** Roles that may grant consent to delegated Microsoft Graph permissions for others. */
export const CONSENT_ROLES = Object.freeze(['Cloud Application Administrator', 'Application Administrator']);

/** Graph's code for an app management policy that forbids this credential type (assumed; see README). */
export const CREDENTIAL_POLICY_CODES: readonly string[] = Object.freeze(['CredentialTypeNotAllowedAsPerAppPolicy']);

function denied(step: ProvisioningStep): GraphFailureExplanation {
  switch (step) {
    case 'create-app':
      return {
        title: 'Not allowed to register applications',
        meaning: 'Microsoft Graph refused to create the app registration (Authorization_RequestDenied). Either the tenant turned off "Users can register applications" and your account has no role that may, or the sign-in did not grant Application.ReadWrite.All.',
        fix: `Sign in with an account that has one of these directory roles: ${APP_CREATOR_ROLES.join(', ')}, or ask an administrator to allow users to register applications.`,
        roles: APP_CREATOR_ROLES,
      };
    case 'consent':
      return {
        title: 'Not allowed to grant consent',
        meaning: 'Microsoft Graph refused to record consent (Authorization_RequestDenied): granting delegated permissions for other users needs an administrator role and the DelegatedPermissionGrant.ReadWrite.All permission.',
        fix: `Sign in with an account that has one of these directory roles: ${CONSENT_ROLES.join(', ')} (Privileged Role Administrator is only needed for application permissions, which this app does not use).`,
        roles: CONSENT_ROLES,
      };
    case 'graph-permissions':
    case 'find-app':
      return {
        title: 'Not allowed to read app registrations',
        meaning: 'Microsoft Graph refused to read app registrations (Authorization_RequestDenied): the sign-in did not grant Application.ReadWrite.All, or reading applications is restricted in this tenant.',
        fix: `Sign in with an account that has one of these directory roles: ${APP_CREATOR_ROLES.join(', ')}, and accept the permissions the sign-in asks for.`,
        roles: APP_CREATOR_ROLES,
      };
    default:
      return {
        title: 'Not allowed to change this app registration',
        meaning: 'Microsoft Graph refused the change (Authorization_RequestDenied): only the app\'s owners and application administrators may change a registration or create its service principal.',
        fix: `Sign in as an owner of the app, or with one of these directory roles: ${APP_ADMIN_ROLES.join(', ')}.`,
        roles: APP_ADMIN_ROLES,
      };
  }
}

/**
 * Explains a failed Graph step for an administrator. Branches on status and codes only, never on the message
 * (spec B4).
 */
export function explainGraphFailure(failure: GraphFailure): GraphFailureExplanation {
  const { step, status, code } = failure;
  if (failure.claimsChallenge) {
    return {
      title: 'Conditional Access asks for a stronger sign-in',
      meaning: 'A Conditional Access policy requires more than the current sign-in for this change (for example multi-factor authentication or a compliant device): Microsoft Graph answered with a claims challenge.',
      fix: 'Run the step again: the assistant signs you in once more with the claims the policy asks for. If it keeps failing, ask who manages Conditional Access which policy applies to "Microsoft Graph Command Line Tools" (or your bootstrap client).',
      roles: [],
    };
  }
  if (status === 403 && code === 'Authorization_RequestDenied') return denied(step);
  if (code !== null && CREDENTIAL_POLICY_CODES.includes(code)) {
    return {
      title: 'Client secrets are blocked by a tenant policy',
      meaning: 'An app management policy of this tenant does not allow client secrets on app registrations, so Microsoft Graph refused to add one.',
      fix: 'Choose a certificate instead (the assistant generates one and uploads only its public part), or ask an administrator for an exemption from the policy.',
      roles: [],
    };
  }
  if (status === 401) {
    return {
      title: 'The administrator sign-in is no longer valid',
      meaning: `Microsoft Graph did not accept the sign-in (${code ?? 'HTTP 401'}); it may have expired.`,
      fix: 'Run the step again and sign in once more.',
      roles: [],
    };
  }
  if (status === 429 || status === 503 || status === 504) {
    return { title: 'Microsoft Graph is busy', meaning: 'Microsoft Graph asked to slow down and kept doing so.', fix: 'Wait a few minutes and run again; whatever was already created is found and reused.', roles: [] };
  }
  return {
    title: 'Microsoft Graph refused the request',
    meaning: `Microsoft Graph answered ${status === null ? 'nothing' : `HTTP ${status}`}${code ? ` (${code})` : ''}.`,
    fix: 'Run again; whatever was already created is found and reused. If it keeps failing, check the app registration in the Entra admin center.',
    roles: [],
  };
}

/** The explanation when retries for replication ran out. */
export const STILL_REPLICATING: GraphFailureExplanation = Object.freeze({
  title: 'Entra ID is still replicating',
  meaning: 'Microsoft Entra ID accepted the changes but has not yet made them visible everywhere, even after about a minute of retries.',
  fix: 'Wait a minute and run again: nothing is lost, the run finds and reuses what was created and makes no duplicate.',
  roles: [],
});
