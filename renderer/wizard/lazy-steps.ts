import { lazy, type ComponentType } from 'react';
import { AuthMethod } from '../../shared/domain/auth-method';

/**
 * The wizard's steps, each loaded on demand.
 *
 * Only the method step ships in the start-up bundle: the steps of a method
 * load once the method is chosen ({@link preloadStepsFor}), the shared
 * later steps (mailbox, review, export; export brings the YAML writer) on
 * first use. This keeps the JavaScript parsed before the first step is
 * interactive small (`npm run bench` measures it).
 */

// Each loader is one dynamic import, so the bundler makes one chunk per step
// file and shares what the steps have in common.
const loaders = {
  managedIdentity: () => import('./steps/managed-identity-step').then((m) => ({ default: m.ManagedIdentityStep })),
  xsoarAppConsent: () => import('./steps/xsoar-app-consent-step').then((m) => ({ default: m.XsoarAppConsentStep })),
  xsoarAppCredentials: () => import('./steps/xsoar-app-credentials-step').then((m) => ({ default: m.XsoarAppCredentialsStep })),
  selfDeployedApp: () => import('./steps/self-deployed-app-step').then((m) => ({ default: m.SelfDeployedAppStep })),
  selfDeployedCredential: () => import('./steps/self-deployed-credential-step').then((m) => ({ default: m.SelfDeployedCredentialStep })),
  selfDeployedSetup: () => import('./steps/self-deployed-setup-step').then((m) => ({ default: m.SelfDeployedSetupStep })),
  selfDeployedVerify: () => import('./steps/self-deployed-verify-step').then((m) => ({ default: m.SelfDeployedVerifyStep })),
  selfDeployedCode: () => import('./steps/self-deployed-code-step').then((m) => ({ default: m.SelfDeployedCodeStep })),
  mailbox: () => import('./steps/mailbox-step').then((m) => ({ default: m.MailboxStep })),
  review: () => import('./steps/review-step').then((m) => ({ default: m.ReviewStep })),
  exportStep: () => import('./steps/export-step').then((m) => ({ default: m.ExportStep })),
} as const;

// Keeps each step's own props type through React.lazy.
function lazyStep<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(load);
}

/** The managed identity step. */
export const ManagedIdentityStep = lazyStep(loaders.managedIdentity);
/** The Cortex XSOAR app's admin consent step. */
export const XsoarAppConsentStep = lazyStep(loaders.xsoarAppConsent);
/** The Cortex XSOAR app's ID, Token and Key step. */
export const XsoarAppCredentialsStep = lazyStep(loaders.xsoarAppCredentials);
/** The self-deployed app registration step. */
export const SelfDeployedAppStep = lazyStep(loaders.selfDeployedApp);
/** The self-deployed client secret or certificate step. */
export const SelfDeployedCredentialStep = lazyStep(loaders.selfDeployedCredential);
/** The self-deployed Entra ID setup checklist. */
export const SelfDeployedSetupStep = lazyStep(loaders.selfDeployedSetup);
/** The self-deployed verification step. */
export const SelfDeployedVerifyStep = lazyStep(loaders.selfDeployedVerify);
/** The self-deployed authorization code step. */
export const SelfDeployedCodeStep = lazyStep(loaders.selfDeployedCode);
/** Mailbox and fetch settings (every method). */
export const MailboxStep = lazyStep(loaders.mailbox);
/** Review (every method). */
export const ReviewStep = lazyStep(loaders.review);
/** Export (every method). */
export const ExportStep = lazyStep(loaders.exportStep);

const METHOD_LOADERS: Record<AuthMethod, ReadonlyArray<() => Promise<unknown>>> = {
  [AuthMethod.ManagedIdentity]: [loaders.managedIdentity],
  [AuthMethod.XsoarApp]: [loaders.xsoarAppConsent, loaders.xsoarAppCredentials],
  [AuthMethod.SelfDeployed]: [loaders.selfDeployedApp, loaders.selfDeployedCredential, loaders.selfDeployedSetup, loaders.selfDeployedVerify, loaders.selfDeployedCode],
};

/**
 * Starts loading a method's steps and the shared later steps in the
 * background (once a method is chosen), so Next rarely waits for a chunk.
 * Failures are left to the step's own load, which shows them.
 */
export function preloadStepsFor(method: AuthMethod | null): void {
  if (method === null) return;
  for (const load of [...METHOD_LOADERS[method], loaders.mailbox, loaders.review, loaders.exportStep]) load().catch(() => undefined);
}
