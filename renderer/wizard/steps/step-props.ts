import type { WizardAction } from '../../../shared/wizard/wizard-actions';
import type { WizardState } from '../../../shared/wizard/wizard-state';

/** Props of a step that edits the draft. */
export interface EditingStepProps {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
}
