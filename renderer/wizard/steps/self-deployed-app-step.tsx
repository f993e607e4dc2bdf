import { checkTenant, checkXsoarRedirectUri, tenantKind } from '../../../shared/validation/self-deployed-rules';
import { TextField } from '../../components/fields';
import { MessageList } from '../../components/message-list';
import { api } from '../../ipc/api-client';
import { OperationView } from '../self-deployed/operation-view';
import { useOperation } from '../self-deployed/use-operation';
import type { EditingStepProps } from './step-props';
import { wizardFieldProps } from './wizard-field-props';
import { FirstRegistrationHelp } from '../self-deployed/first-registration-help';

function warningsOf(verdict: ReturnType<typeof checkTenant>): readonly string[] {
  return verdict.ok ? verdict.warnings : [];
}

/** Self-deployed app, step 1: tenant (resolved to its GUID when online), client ID, XSOAR's Web redirect URI. */
export function SelfDeployedAppStep({ state, dispatch, openExternal }: EditingStepProps & { readonly openExternal: (url: string) => void }) {
  const s = state.draft.selfDeployed;
  const lookup = useOperation<{ readonly tenantId: string }>();
  const tenantOk = checkTenant(s.tenant).ok;
  const redirectWarnings = s.redirectUri.trim() === '' ? [] : warningsOf(checkXsoarRedirectUri(s.redirectUri));

  const resolve = async (): Promise<void> => {
    const typed = s.tenant;
    const r = await lookup.start((requestId) => api.auth.resolveTenant({ requestId, tenant: typed.trim() }));
    if (r?.ok) dispatch({ type: 'self-deployed-changed', patch: { tenant: typed, resolvedTenantId: r.value.tenantId } });
  };

  return (
    <div>
      <p>
        From the app registration’s <strong>Overview</strong> page in the Microsoft Entra admin center. This assistant signs in with the same
        registration to check it, so these values are used both here and in XSOAR.
      </p>
      <FirstRegistrationHelp openExternal={openExternal} />
      <TextField
        {...wizardFieldProps(state, 'selfDeployed.tenant')}
        label="Directory (tenant) ID or verified domain (goes into “Token or Tenant ID”)"
        param="creds_refresh_token"
        value={s.tenant}
        placeholder="00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com"
        hint={
          s.resolvedTenantId !== '' ? (
            <span className="resolved" data-resolved-tenant={s.resolvedTenantId}>
              ✓ Resolved to tenant ID {s.resolvedTenantId}; the export uses this GUID.
            </span>
          ) : tenantKind(s.tenant) === 'domain' ? (
            'A domain is resolved to the tenant ID GUID, which is what XSOAR should hold.'
          ) : undefined
        }
        onChange={(tenant) => dispatch({ type: 'self-deployed-changed', patch: { tenant } })}
      />
      <MessageList messages={warningsOf(checkTenant(s.tenant))} className="warning" />
      <div className="copy-row">
        <button type="button" name="resolve-tenant" onClick={() => void resolve()} disabled={!tenantOk || lookup.state.kind === 'running'}>
          Look up the tenant
        </button>
      </div>
      <OperationView name="resolve-tenant" state={lookup.state} runningText="Looking up the tenant…" onCancel={lookup.cancel} renderDone={() => null} />
      <TextField
        {...wizardFieldProps(state, 'selfDeployed.clientId')}
        label="Application (client) ID (goes into “ID or Client ID”)"
        param="creds_auth_id"
        value={s.clientId}
        placeholder="00000000-0000-0000-0000-000000000000"
        onChange={(clientId) => dispatch({ type: 'self-deployed-changed', patch: { clientId } })}
      />
      <TextField
        {...wizardFieldProps(state, 'selfDeployed.redirectUri')}
        label="Application redirect URI (the Web redirect XSOAR uses)"
        param="redirect_uri"
        value={s.redirectUri}
        hint="Register exactly this value under Authentication > Web in the app registration. If unsure, use https://localhost: after signing in, the browser shows an error page whose address holds the code."
        onChange={(redirectUri) => dispatch({ type: 'self-deployed-changed', patch: { redirectUri } })}
      />
      <MessageList messages={redirectWarnings} className="warning" />
    </div>
  );
}
