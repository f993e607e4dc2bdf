import { fieldRequired } from '../../../shared/wizard/required-fields';
import { fieldError } from '../../../shared/wizard/wizard-selectors';
import type { WizardState } from '../../../shared/wizard/wizard-state';

/** What a wizard field takes from the wizard's state rather than from its step. */
export interface WizardFieldProps {
  /** The draft path of the field (`selfDeployed.clientId`), also its test and accessibility handle. */
  readonly name: string;
  /** The field's problem, once the wizard shows errors. */
  readonly error: string | undefined;
  /** Whether the current step needs it filled (marked with an asterisk). */
  readonly required: boolean;
}

/**
 * The name, error and required mark of one wizard field, to spread into a field component: every step wires
 * them the same way, so the field's draft path is written once.
 */
export function wizardFieldProps(state: WizardState, name: string): WizardFieldProps {
  return { name, error: fieldError(state, name), required: fieldRequired(state, name) };
}
