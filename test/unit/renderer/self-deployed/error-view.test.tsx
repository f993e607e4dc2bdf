// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ServerError } from '@azure/msal-node';
import { aadstsError, msalErrorToAppError } from '../../../../main/auth/auth-errors';
import { EXPLAINED_AADSTS_CODES, explainAadsts } from '../../../../shared/aadsts/aadsts-explainer';
import { ErrorView } from '../../../../renderer/wizard/self-deployed/operation-view';

afterEach(cleanup);

// Issue 5 lists these; every one must reach the analyst as meaning + fix, not a raw code.
const REQUIRED = [90002, 700016, 7000215, 700027, 50011, 65001, 65004, 54005, 70008, 700025, 7000218, 50076, 50079, 53003];

describe('AADSTS errors in the wizard', () => {
  it('explains every code the issue requires', () => {
    for (const code of REQUIRED) expect(EXPLAINED_AADSTS_CODES).toContain(code);
  });

  it.each(REQUIRED)('AADSTS%i is shown with its meaning and its fix', (code) => {
    // Exactly what the main process sends across IPC for a refusal with this code (JSON round trip as on the wire).
    const error = JSON.parse(JSON.stringify(aadstsError(code)));
    const { container } = render(<ErrorView error={error} name="check" />);
    const view = container.querySelector(`[data-aadsts="${code}"]`);
    expect(view).not.toBeNull();
    const explanation = explainAadsts(code);
    expect(view?.textContent).toContain(explanation.title);
    expect(view?.textContent).toContain(explanation.meaning);
    expect(view?.querySelector('[data-fix]')?.textContent).toContain(explanation.fix);
  });

  it('explains the code of a refusal msal-node raises', () => {
    // As msal-node raises it from the token endpoint's answer: the first of `error_codes` in errorNo.
    const thrown = new ServerError('invalid_client', '00000000-0000-0000-0000-000000000000', 'AADSTS7000215: Invalid client secret provided.', '', '7000215', 401);
    const error = JSON.parse(JSON.stringify(msalErrorToAppError(thrown, 'credential check')));
    const { container } = render(<ErrorView error={error} name="check" />);
    expect(container.querySelector('[data-aadsts="7000215"] [data-fix]')?.textContent).toContain(explainAadsts(7000215).fix);
  });
});
