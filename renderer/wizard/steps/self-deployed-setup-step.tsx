import { useState } from 'react';
import type { ProfileDraft } from '../../../shared/domain/profile-draft';
import { OFFLINE_ACCESS, REQUIRED_DELEGATED_PERMISSIONS } from '../../../shared/oauth/required-permissions';
import { api } from '../../ipc/api-client';

/** The Entra admin center's app registration pages (allow-listed host). */
const APP_PAGE = (clientId: string, blade: string) =>
  `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/${blade}/appId/${encodeURIComponent(clientId.trim())}`;

/** The redirect this assistant's own sign-in uses (Mobile and desktop applications; any port is accepted). */
export const ASSISTANT_REDIRECT_URI = 'http://localhost';

/** A value with its Copy button; `label` names the button for assistive technology ("Copy web redirect URI"). */
function CopyValue({ name, value, label }: { readonly name: string; readonly value: string; readonly label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-row">
      <code data-copy-value={name}>{value}</code>
      <button
        type="button"
        name={`copy-${name}`}
        aria-label={`${copied ? 'Copied' : 'Copy'} ${label}`}
        onClick={() => {
          // Through the main process: the window denies the web clipboard permission.
          void api.clipboard.copyText({ text: value }).then((r) => {
            setCopied(r.ok);
            setTimeout(() => setCopied(false), 4000);
          });
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

/**
 * Self-deployed app, step 3: what to set in the portal, offline. Exact values with copy buttons and links to
 * the registration's pages; nothing here needs a network connection.
 */
export function SelfDeployedSetupStep({ draft, openExternal }: { readonly draft: ProfileDraft; readonly openExternal: (url: string) => void }) {
  const s = draft.selfDeployed;
  const link = (blade: string, label: string, name: string) => (
    <button type="button" className="link" name={`portal-${name}`} onClick={() => openExternal(APP_PAGE(s.clientId, blade))}>
      {label}
    </button>
  );
  return (
    <div>
      <p>Set these in the app registration (Microsoft Entra admin center → App registrations → your app). Each value must match exactly.</p>
      <ol className="setup-list">
        <li>
          <strong>Authentication → Add a platform → Web</strong>, redirect URI for XSOAR:
          <div>
            <CopyValue name="web-redirect" label="web redirect URI" value={s.redirectUri.trim()} />
          </div>
          {link('Authentication', 'Open Authentication', 'authentication')}
        </li>
        <li>
          <strong>Authentication → Add a platform → Mobile and desktop applications</strong>, custom redirect URI for this assistant’s own
          sign-in check (Entra ID accepts any port on it):
          <div>
            <CopyValue name="desktop-redirect" label="desktop redirect URI" value={ASSISTANT_REDIRECT_URI} />
          </div>
        </li>
        <li>
          <strong>API permissions → Add a permission → Microsoft Graph → Delegated permissions</strong>:
          <ul>
            {REQUIRED_DELEGATED_PERMISSIONS.map((p) => (
              <li key={p}>
                <CopyValue name={`permission-${p}`} label={`permission ${p}`} value={p} />
              </li>
            ))}
            <li>
              <CopyValue name="permission-offline_access" label={`permission ${OFFLINE_ACCESS}`} value={OFFLINE_ACCESS} /> (lets XSOAR refresh its token; Entra ID grants it with the others)
            </li>
          </ul>
          Then <em>Grant admin consent</em> if users of your tenant may not consent themselves (the next steps can ask an administrator too).{' '}
          {link('CallAnAPI', 'Open API permissions', 'permissions')}
        </li>
        {s.credentialKind === 'certificate' ? (
          <li>
            <strong>Certificates &amp; secrets → Certificates → Upload certificate</strong>: the <code>.crt</code> saved on the previous step
            {s.certificate ? (
              <>
                {' '}
                (thumbprint <CopyValue name="thumbprint" label="certificate thumbprint" value={s.certificate.sha1Thumbprint} />)
              </>
            ) : null}
            . {link('Credentials', 'Open Certificates & secrets', 'credentials')}
          </li>
        ) : (
          <li>
            <strong>Certificates &amp; secrets → Client secrets</strong>: the secret whose Value you entered. Note its expiry date; XSOAR stops
            fetching when it expires. {link('Credentials', 'Open Certificates & secrets', 'credentials')}
          </li>
        )}
        <li>
          <strong>Overview</strong>: Application (client) ID <CopyValue name="client-id" label="Application (client) ID" value={s.clientId.trim()} /> and Directory (tenant) ID{' '}
          <CopyValue name="tenant-id" label="Directory (tenant) ID" value={s.resolvedTenantId || s.tenant.trim()} />. {link('Overview', 'Open Overview', 'overview')}
        </li>
      </ol>
    </div>
  );
}
