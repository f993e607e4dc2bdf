import { useState } from 'react';
import { OPROXY_CONSENT_URL } from '../../../shared/oproxy/oproxy-endpoints';
import { api } from '../../ipc/api-client';

const PERMISSIONS: ReadonlyArray<readonly [string, string]> = [
  ['Mail.ReadWrite', 'read, move and delete mail in the mailbox'],
  ['Mail.Send', 'send mail as the mailbox user'],
  ['User.Read', 'read the signed-in user’s profile'],
  ['MailboxSettings.ReadWrite', 'read and change mailbox settings'],
];

/** Cortex XSOAR application, step 1: who approves, what is granted, open the consent page. */
export function XsoarAppConsentStep({ openExternal }: { readonly openExternal: (url: string) => void }) {
  const [feedback, setFeedback] = useState<string | null>(null);
  const copyLink = async (): Promise<void> => {
    const copied = await api.clipboard.copyText({ text: OPROXY_CONSENT_URL });
    setFeedback(copied.ok ? 'Link copied: paste it into a browser, or send it to an administrator.' : copied.error.message);
  };
  return (
    <div>
      <p>
        The Cortex XSOAR application is a multi-tenant app run by Palo Alto Networks. Before the integration can read the mailbox, an{' '}
        <strong>administrator of the tenant that holds the mailbox</strong> (for example a Global Administrator, Privileged Role Administrator or
        Cloud Application Administrator) must approve it on the consent page.
      </p>
      <h3>What the app will be allowed to do</h3>
      <p>Delegated permissions, acting as the mailbox user who signs in:</p>
      <ul className="permission-list">
        {PERMISSIONS.map(([scope, meaning]) => (
          <li key={scope}>
            <code>{scope}</code> — {meaning}
          </li>
        ))}
      </ul>
      <h3>Approve</h3>
      <ol>
        <li>Open the consent page in your browser and sign in as the administrator (or forward the link to one).</li>
        <li>Review and accept the permissions.</li>
        <li>The page shows an <strong>ID</strong>, a <strong>Token</strong> and a <strong>Key</strong>. Keep the page open; the next step takes them.</li>
      </ol>
      <p>
        <button
          type="button"
          name="open-consent"
          className="primary"
          onClick={() => {
            openExternal(OPROXY_CONSENT_URL);
            setFeedback('Opened in your default browser. Not there? Copy the link instead.');
          }}
        >
          Open the consent page
        </button>{' '}
        <code className="url">{OPROXY_CONSENT_URL}</code>{' '}
        <button type="button" name="copy-consent-link" className="small" onClick={() => void copyLink()}>
          Copy link
        </button>
      </p>
      <p className="hint" role="status" data-consent-feedback>
        {feedback}
      </p>
      <div className="notice">
        <strong>One instance only.</strong> The three values work for a single XSOAR instance: the integration swaps the Token for a new one at
        its first use and keeps that in the instance. A second instance needs its own consent.
      </div>
      <p className="hint">
        This app never contacts the oproxy service itself: a token request there would rotate the refresh token and break the values before
        XSOAR uses them. It only checks their format, offline.
      </p>
    </div>
  );
}
