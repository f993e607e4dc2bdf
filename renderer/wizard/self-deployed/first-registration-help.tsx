import { OFFLINE_ACCESS, REQUIRED_DELEGATED_PERMISSIONS } from '../../../shared/oauth/required-permissions';

/** The Entra admin center's "New registration" page (allow-listed host). */
const NEW_REGISTRATION_URL = 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/CreateApplicationBlade/quickStartType~/null/isMSAApp~/false';

/**
 * For an analyst without an app registration yet: how to create one, before the step asks for its IDs.
 * Closed by default (a returning user has the IDs at hand); the Entra ID setup checklist later gives the
 * exact values again with Copy buttons.
 */
export function FirstRegistrationHelp({ openExternal }: { readonly openExternal: (url: string) => void }) {
  return (
    <details className="first-registration" data-help="first-registration">
      <summary>No app registration yet? How to create one (about 5 minutes, needs an Entra ID role that may register apps)</summary>
      <ol>
        <li>
          Open{' '}
          <button type="button" className="link" name="open-new-registration" onClick={() => openExternal(NEW_REGISTRATION_URL)}>
            Microsoft Entra admin center › App registrations › New registration
          </button>
          .
        </li>
        <li>
          Name it (e.g. <em>XSOAR Graph Mail – SOC mailbox</em>), keep <strong>Accounts in this organizational directory only</strong>, and under
          Redirect URI choose <strong>Web</strong> with <code>https://localhost</code> (or your XSOAR instance’s redirect). Select <strong>Register</strong>.
        </li>
        <li>
          On the new registration’s <strong>Overview</strong>, copy the <strong>Application (client) ID</strong> and the <strong>Directory (tenant) ID</strong>{' '}
          into the fields below.
        </li>
        <li>
          The next steps then cover the rest: a client secret or certificate (step 3), and the checklist (step 4) with the delegated Microsoft
          Graph permissions {REQUIRED_DELEGATED_PERMISSIONS.join(', ')} and {OFFLINE_ACCESS}, admin consent, and the redirect URIs, each with a
          Copy button.
        </li>
      </ol>
    </details>
  );
}
