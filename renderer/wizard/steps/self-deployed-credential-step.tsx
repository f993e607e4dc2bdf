import { useState } from 'react';
import { SecretField } from '../../../shared/domain/secret-field';
import { DEFAULT_CERTIFICATE_REQUEST, type CertificateRequestDraft, type SelfDeployedCertificate } from '../../../shared/domain/self-deployed-draft';
import { useTypedInput } from '../use-typed-input';
import type { Result } from '../../../shared/result';
import { checkClientSecretValue } from '../../../shared/validation/self-deployed-rules';
import { fieldError } from '../../../shared/wizard/wizard-selectors';
import { api } from '../../ipc/api-client';
import { CertificateSummary } from '../self-deployed/certificate-summary';
import { ErrorView } from '../self-deployed/operation-view';
import { MessageList } from '../../components/message-list';
import { StoredSecretInput } from './stored-secret-input';
import type { EditingStepProps } from './step-props';
import type { AppError } from '../../../shared/errors/app-error';

/** What a certificate import or generation returns (public facts only). */
interface CertificateStored {
  readonly certificate: SelfDeployedCertificate;
  readonly warnings: readonly string[];
  readonly secretFields: readonly SecretField[];
}

/** Props of the credential step. */
export interface SelfDeployedCredentialProps extends EditingStepProps {
  readonly storeSecret: (field: typeof SecretField.SelfDeployedClientSecret, value: string) => Promise<string | null>;
  readonly ensureProfile: () => Promise<string | null>;
}

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Reads a chosen text file into a field. */
function readInto(setter: (text: string) => void) {
  return async (file: File | undefined): Promise<void> => {
    if (file) setter(await file.text());
  };
}

/** Self-deployed app, step 2: the client secret, or a certificate (import PEM / PFX, or generate). */
export function SelfDeployedCredentialStep({ state, dispatch, storeSecret, ensureProfile }: SelfDeployedCredentialProps) {
  const s = state.draft.selfDeployed;
  const [secretWarnings, setSecretWarnings] = useState<readonly string[]>([]);
  // The choices and generate inputs live in the draft (saved with the profile); what is pasted or chosen
  // for an import may be secret and stays in the page's memory for the session only.
  const request = s.certificateRequest ?? DEFAULT_CERTIFICATE_REQUEST;
  const setRequest = (patch: Partial<CertificateRequestDraft>) => dispatch({ type: 'self-deployed-changed', patch: { certificateRequest: { ...request, ...patch } } });
  const { source, commonName, validityDays, keySize } = request;
  const [keyText, setKeyText] = useTypedInput('cert-key', '');
  const [certText, setCertText] = useTypedInput('cert-pem', '');
  const [passphrase, setPassphrase] = useTypedInput('cert-pass', '');
  const [pfx, setPfx] = useTypedInput<File | null>('cert-pfx', null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [lastWarnings, setLastWarnings] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  const storeClientSecret = async (value: string): Promise<string | null> => {
    const verdict = checkClientSecretValue(value);
    if (!verdict.ok) return verdict.error;
    const problem = await storeSecret(SecretField.SelfDeployedClientSecret, verdict.value);
    if (problem === null) setSecretWarnings(verdict.warnings);
    return problem;
  };

  const runCert = async (what: string, call: (profileId: string) => Promise<Result<CertificateStored>>): Promise<void> => {
    setBusy(what);
    setError(null);
    setSaved(null);
    const profileId = await ensureProfile();
    if (profileId === null) {
      setBusy(null);
      setError({ code: 'internal', message: 'Could not create a profile to hold the private key; see the Profiles screen.' });
      return;
    }
    const r = await call(profileId);
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    // The keychain holds the key now; only the public half enters the draft.
    dispatch({ type: 'stored-secrets-changed', storedSecrets: r.value.secretFields });
    dispatch({ type: 'self-deployed-changed', patch: { certificate: r.value.certificate } });
    setLastWarnings(r.value.warnings);
    setKeyText('');
    setPassphrase('');
    setPfx(null);
  };

  const generate = () =>
    runCert('generate', (profileId) => api.certs.generate({ profileId, commonName: commonName.trim(), validityDays: Number(validityDays), keySize }));
  const importPem = () =>
    runCert('import-pem', (profileId) =>
      api.certs.importPem({ profileId, privateKeyText: keyText, certificateText: certText, ...(passphrase !== '' ? { passphrase } : {}) }),
    );
  const importPfx = async () => {
    if (pfx === null) return;
    const pfxBase64 = await fileBase64(pfx);
    await runCert('import-pfx', (profileId) => api.certs.importPfx({ profileId, pfxBase64, passphrase }));
  };
  const savePublic = async (certificate: SelfDeployedCertificate) => {
    const cn = /CN=([^,/]+)/.exec(certificate.subject)?.[1] ?? 'certificate';
    const r = await api.certs.savePublic({ certificatePem: certificate.certificatePem, suggestedName: cn });
    if (!r.ok) setError(r.error);
    else setSaved(r.value.status === 'saved' ? r.value.path : null);
  };

  return (
    <div>
      <p>How does the app prove who it is? XSOAR uses either a client secret or a certificate; a certificate is harder to leak and never travels.</p>
      <div className="tabs" role="radiogroup" aria-label="Credential">
        {(['secret', 'certificate'] as const).map((kind) => (
          <label key={kind} className="method-card">
            <input
              type="radio"
              name="credentialKind"
              value={kind}
              checked={s.credentialKind === kind}
              onChange={() => dispatch({ type: 'self-deployed-changed', patch: { credentialKind: kind } })}
            />
            <span className="method-title">{kind === 'secret' ? 'Client secret' : 'Certificate'}</span>
          </label>
        ))}
      </div>
      {s.credentialKind === 'secret' ? (
        <>
          <StoredSecretInput
            state={state}
            name="selfDeployed.clientSecret"
            secret={SecretField.SelfDeployedClientSecret}
            label="Client secret Value (goes into “Key or Client Secret”)"
            param="creds_enc_key"
            hint="Certificates & secrets > Client secrets: copy the Value column (shown only right after creating it), not the Secret ID."
            onStore={storeClientSecret}
          />
          <MessageList messages={secretWarnings} className="notice" marker={{ 'data-secret-warning': true }} />
        </>
      ) : (
        <div>
          {s.certificate !== null && state.storedSecrets.includes(SecretField.SelfDeployedPrivateKey) && (
            <div>
              <CertificateSummary certificate={s.certificate} extraWarnings={lastWarnings} />
              <div className="copy-row">
                <button type="button" name="save-public-certificate" onClick={() => void savePublic(s.certificate!)}>
                  Save the public certificate (.crt) for Entra ID
                </button>
                {saved && (
                  <span className="success" data-saved-certificate={saved}>
                    Saved to {saved}
                  </span>
                )}
              </div>
              <h3>Replace the certificate</h3>
            </div>
          )}
          <div className="tabs">
            {(
              [
                ['generate', 'Generate a new one'],
                ['pem', 'Import PEM key + certificate'],
                ['pfx', 'Import PFX / PKCS#12'],
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" name={`cert-source-${id}`} aria-pressed={source === id} onClick={() => setRequest({ source: id })}>
                {label}
              </button>
            ))}
          </div>
          {source === 'generate' && (
            <div>
              <div className="field">
                <label htmlFor="cert-cn">Subject common name (CN)</label>
                <input id="cert-cn" name="cert-cn" value={commonName} onChange={(e) => setRequest({ commonName: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="cert-days">Valid for (days, at most 1826)</label>
                <input id="cert-days" name="cert-days" inputMode="numeric" value={validityDays} onChange={(e) => setRequest({ validityDays: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="cert-bits">RSA key size</label>
                <select id="cert-bits" name="cert-bits" value={keySize} onChange={(e) => setRequest({ keySize: e.target.value === '4096' ? 4096 : 2048 })}>
                  <option value={2048}>2048 bits</option>
                  <option value={4096}>4096 bits (slower to generate)</option>
                </select>
              </div>
              <button type="button" name="generate-certificate" className="primary" disabled={busy !== null} onClick={() => void generate()}>
                Generate key and certificate
              </button>
            </div>
          )}
          {source === 'pem' && (
            <div>
              <div className="field">
                <label htmlFor="cert-key">Private key (PEM: PKCS#8, PKCS#1 or encrypted)</label>
                <textarea id="cert-key" name="cert-key" rows={4} spellCheck={false} value={keyText} onChange={(e) => setKeyText(e.target.value)} />
                <input type="file" name="cert-key-file" accept=".pem,.key" onChange={(e) => void readInto(setKeyText)(e.target.files?.[0])} />
              </div>
              <div className="field">
                <label htmlFor="cert-pem">Certificate (PEM)</label>
                <textarea id="cert-pem" name="cert-pem" rows={4} spellCheck={false} value={certText} onChange={(e) => setCertText(e.target.value)} />
                <input type="file" name="cert-pem-file" accept=".pem,.crt,.cer" onChange={(e) => void readInto(setCertText)(e.target.files?.[0])} />
              </div>
              <div className="field">
                <label htmlFor="cert-pass">Key passphrase (only for an encrypted key)</label>
                <input id="cert-pass" name="cert-pass" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </div>
              <button type="button" name="import-pem" className="primary" disabled={busy !== null || keyText.trim() === ''} onClick={() => void importPem()}>
                Import
              </button>
            </div>
          )}
          {source === 'pfx' && (
            <div>
              <div className="field">
                <label htmlFor="cert-pfx">PFX / P12 file</label>
                <input id="cert-pfx" name="cert-pfx" type="file" accept=".pfx,.p12" onChange={(e) => setPfx(e.target.files?.[0] ?? null)} />
                {/* A file input cannot be given a file back; say which one is still chosen. */}
                {pfx !== null && (
                  <div className="hint" data-chosen-pfx={pfx.name}>
                    Chosen: {pfx.name}
                  </div>
                )}
              </div>
              <div className="field">
                <label htmlFor="cert-pfx-pass">Passphrase</label>
                <input id="cert-pfx-pass" name="cert-pfx-pass" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </div>
              <button type="button" name="import-pfx" className="primary" disabled={busy !== null || pfx === null} onClick={() => void importPfx()}>
                Import
              </button>
            </div>
          )}
          {busy !== null && (
            <div className="op-progress" role="status">
              <span className="spinner" aria-hidden="true" /> {busy === 'generate' ? 'Generating the key (a 4096-bit key can take a few seconds)…' : 'Reading the certificate…'}
            </div>
          )}
          {error !== null && <ErrorView error={error} name="certificate" />}
          {fieldError(state, 'selfDeployed.certificate') && (
            <div className="field-error" role="alert" data-field-error="selfDeployed.certificate">
              {fieldError(state, 'selfDeployed.certificate')}
            </div>
          )}
          <p className="hint">The private key goes straight to the OS keychain; this page only ever sees the public certificate.</p>
        </div>
      )}
    </div>
  );
}
