import type { IntegrationErrorExplanation } from './integration-error-explainer';
import type { ValueChange } from './instance-update';
import type { XsoarProduct } from './xsoar-product';

/** What the probe found. */
export interface ProbeReport {
  readonly product: XsoarProduct;
  readonly version: string;
}

/** An instance of the integration on a server (non-secret facts only). */
export interface InstanceSummary {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly engine: string;
  readonly version: number;
}

/** An engine the server lists. */
export interface EngineSummary {
  readonly id: string;
  readonly name: string;
}

/** What a send will do before it does it. */
export type SendPlanView =
  | { readonly action: 'create'; readonly instanceName: string }
  | {
      readonly action: 'update';
      readonly instanceName: string;
      readonly instanceId: string;
      /** The stored version the diff was computed against; the update is refused if it moved. */
      readonly version: number;
      readonly changes: readonly ValueChange[];
      readonly secretsReplaced: readonly string[];
      /** The previous attempt hit a version conflict and this plan is a fresh re-read. */
      readonly afterConflict: boolean;
    };

/** The result of `!msgraph-mail-test` (a failed test is a result, not an error). */
export interface TestReport {
  readonly instanceName: string;
  readonly investigationId: string;
  readonly passed: boolean;
  /** What the integration printed (secrets never appear in it: the integration does not echo them). */
  readonly output: string;
  readonly explanation: IntegrationErrorExplanation | null;
}

/** What a send did. */
export type SendOutcome =
  /** Nothing written: the instance exists (or changed meanwhile) and the analyst must confirm this plan. */
  | { readonly status: 'confirm'; readonly plan: SendPlanView & { readonly action: 'update' } }
  | {
      readonly status: 'sent';
      readonly action: 'created' | 'updated';
      readonly instanceId: string;
      readonly instanceName: string;
      /** XSOAR-app values are now bound to this instance. */
      readonly boundInstanceName?: string;
      /** Non-secret values the update changed (empty for a create). */
      readonly changes: readonly ValueChange[];
      readonly test: TestReport | null;
    };
