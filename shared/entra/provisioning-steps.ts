/** The steps of creating, checking or repairing the app registration, in order; progress is reported per step. */
export const PROVISIONING_STEPS = Object.freeze([
  'sign-in',
  'graph-permissions',
  'find-app',
  'create-app',
  'configure-app',
  'service-principal',
  'credential',
  'consent',
] as const);

/** One of {@link PROVISIONING_STEPS}. */
export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

/** A label for people. */
export const PROVISIONING_STEP_LABELS: Readonly<Record<ProvisioningStep, string>> = Object.freeze({
  'sign-in': 'Administrator sign-in',
  'graph-permissions': 'Read Microsoft Graph\'s permission ids',
  'find-app': 'Find the app registration',
  'create-app': 'Create the app registration',
  'configure-app': 'Redirect URIs and permissions',
  'service-principal': 'Enterprise application (service principal)',
  credential: 'Client secret or certificate',
  consent: 'Consent',
});

/** One progress report: a step started, finished (with or without a write), or was skipped. */
export interface ProvisioningProgress {
  readonly step: ProvisioningStep;
  readonly state: 'running' | 'done' | 'unchanged' | 'failed';
  /** What happened, e.g. "Created (client id …)" or "Retrying: Entra ID is still replicating (2/5)". */
  readonly detail: string;
}
