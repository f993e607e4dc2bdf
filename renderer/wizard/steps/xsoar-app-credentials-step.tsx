import { useState } from 'react';
import { useTypedInput } from '../use-typed-input';
import { SecretField } from '../../../shared/domain/secret-field';
import { parseOproxyId } from '../../../shared/oproxy/oproxy-id';
import { checkOproxyKey, checkOproxyToken } from '../../../shared/oproxy/oproxy-rules';
import { parseOproxyPaste } from '../../../shared/oproxy/paste-parser';
import { xsoarAppIdHints } from '../../../shared/wizard/wizard-selectors';
import { TextField } from '../../components/fields';
import { MessageList } from '../../components/message-list';
import { StoredSecretInput } from './stored-secret-input';
import type { EditingStepProps } from './step-props';
import { wizardFieldProps } from './wizard-field-props';

/** Stores one secret; resolves with an error message or null. */
export type StoreSecret = (field: typeof SecretField.XsoarAppToken | typeof SecretField.XsoarAppKey, value: string) => Promise<string | null>;

const CHECKS = {
  [SecretField.XsoarAppToken]: checkOproxyToken,
  [SecretField.XsoarAppKey]: checkOproxyKey,
} as const;

/** Cortex XSOAR application, step 2: capture and check the ID, Token and Key. */
export function XsoarAppCredentialsStep({ state, dispatch, storeSecret }: EditingStepProps & { readonly storeSecret: StoreSecret }) {
  // The oproxy page's text holds the Token and Key: remembered for the session only, never in the profile.
  const [pasted, setPasted] = useTypedInput('oproxy-paste', '');
  const [pasteReport, setPasteReport] = useState<string | null>(null);
  const x = state.draft.xsoarApp;
  const parsedId = x.id.trim() === '' ? null : parseOproxyId(x.id);

  // Check offline first (the integration's own rules), then hand the value to the keychain.
  const checkedStore = async (field: keyof typeof CHECKS, value: string): Promise<string | null> => {
    const check = CHECKS[field](value);
    return check.error ?? storeSecret(field, value.trim());
  };

  const fillFromPaste = async (): Promise<void> => {
    const found = parseOproxyPaste(pasted);
    const problems: string[] = [];
    if (found.id !== undefined) dispatch({ type: 'xsoar-app-changed', patch: { id: found.id } });
    if (found.token !== undefined) {
      const p = await checkedStore(SecretField.XsoarAppToken, found.token);
      if (p) problems.push(`Token: ${p}`);
    }
    if (found.key !== undefined) {
      const p = await checkedStore(SecretField.XsoarAppKey, found.key);
      if (p) problems.push(`Key: ${p}`);
    }
    const names = (['id', 'token', 'key'] as const).filter((k) => found[k] !== undefined).map((k) => ({ id: 'ID', token: 'Token', key: 'Key' })[k]);
    const missing = (['ID', 'Token', 'Key'] as const).filter((n) => !names.includes(n));
    setPasted('');
    setPasteReport(
      names.length === 0
        ? 'No ID, Token or Key found. Copy the whole result from the consent page, labels included.'
        : `Found ${names.join(', ')}.${missing.length ? ` Not found: ${missing.join(', ')}.` : ''}${problems.length ? ` ${problems.join(' ')}` : ''}`,
    );
  };

  return (
    <div>
      <p>Paste the whole result from the consent page, or fill the three fields one by one. The Token and Key go straight to the keychain.</p>
      <div className="field">
        <label htmlFor="paste-everything">Paste everything</label>
        <textarea
          id="paste-everything"
          name="paste-everything"
          rows={4}
          value={pasted}
          spellCheck={false}
          placeholder={'ID: …\nToken: …\nKey: …'}
          onChange={(e) => setPasted(e.target.value)}
        />
        <div>
          <button type="button" name="fill-from-paste" onClick={() => void fillFromPaste()} disabled={pasted.trim() === ''}>
            Fill the fields
          </button>
        </div>
        {pasteReport && (
          <div className="hint" role="status" data-paste-report>
            {pasteReport}
          </div>
        )}
      </div>
      <TextField
        {...wizardFieldProps(state, 'xsoarApp.id')}
        label="ID (goes into “Application ID or Client ID”)"
        param="creds_auth_id"
        value={x.id}
        hint={parsedId?.customTokenUrl ? `Token-retrieval URL after "@": ${parsedId.tokenUrl}` : undefined}
        onChange={(id) => dispatch({ type: 'xsoar-app-changed', patch: { id } })}
      />
      <MessageList messages={xsoarAppIdHints(state)} className="notice" marker={{ 'data-hint': 'xsoarApp.id' }} />
      <StoredSecretInput state={state} name="xsoarApp.token" secret={SecretField.XsoarAppToken} label="Token (goes into “Token or Tenant ID”)" param="creds_refresh_token" onStore={(v) => checkedStore(SecretField.XsoarAppToken, v)} />
      <StoredSecretInput
        state={state}
        name="xsoarApp.key"
        secret={SecretField.XsoarAppKey}
        label="Key (goes into “Key or Client Secret”)"
        param="creds_enc_key"
        hint="Base64 text that decodes to a 16, 24 or 32-byte key."
        onStore={(v) => checkedStore(SecretField.XsoarAppKey, v)}
      />
      {x.boundInstanceName !== '' && (
        <div className="notice" data-binding>
          These values were exported for instance <strong>{x.boundInstanceName}</strong> and work for that instance only.
        </div>
      )}
    </div>
  );
}
