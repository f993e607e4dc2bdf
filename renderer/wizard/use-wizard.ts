import { useCallback, useReducer, useRef } from 'react';
import { initialWizardState, wizardReducer } from '../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../shared/wizard/wizard-actions';
import type { WizardState } from '../../shared/wizard/wizard-state';
import { api } from '../ipc/api-client';

/** The wizard's state plus the intents that need the main process. */
export interface WizardController {
  readonly state: WizardState;
  readonly dispatch: (action: WizardAction) => void;
  readonly exportSettings: () => void;
  readonly openExternal: (url: string) => void;
}

/**
 * Wraps the pure reducer and turns intents into `api` calls.
 *
 * Each request carries an id; the reducer drops a result whose id is no
 * longer current, so a slow answer cannot overwrite a newer one.
 */
export function useWizard(initial: WizardState = initialWizardState()): WizardController {
  const [state, dispatch] = useReducer(wizardReducer, initial);
  const nextRequestId = useRef(1);
  const draft = state.draft;

  const exportSettings = useCallback(() => {
    const requestId = nextRequestId.current++;
    dispatch({ type: 'export-started', requestId });
    void api.settings
      .export({ draft })
      .then((result) => dispatch({ type: 'export-finished', requestId, result }))
      .catch((error: unknown) =>
        dispatch({ type: 'export-finished', requestId, result: { ok: false, error: { code: 'internal', message: String(error) } } }),
      );
  }, [draft]);

  const openExternal = useCallback((url: string) => {
    void api.shell.openExternal({ url });
  }, []);

  return { state, dispatch, exportSettings, openExternal };
}
