import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { normalizeDraft } from '../../../../shared/domain/profile-schema';
import { ProfileDraftSchema } from '../../../../shared/domain/profile-draft-schema';
import { draftForDuplicate } from '../../../../shared/domain/instance-bound';
import { SecretField } from '../../../../shared/domain/secret-field';
import { emptySelfDeployedDraft, type SelfDeployedCertificate } from '../../../../shared/domain/self-deployed-draft';
import { buildInstanceParams } from '../../../../shared/settings/build-instance-params';
import { validateForExport } from '../../../../shared/validation/validate-draft';
import { checkSecretValue } from '../../../../shared/validation/secret-value-rules';
import { initialWizardState, wizardReducer } from '../../../../shared/wizard/wizard-reducer';
import type { WizardAction } from '../../../../shared/wizard/wizard-actions';
import { fieldError, isMethodAvailable } from '../../../../shared/wizard/wizard-selectors';
import type { WizardState } from '../../../../shared/wizard/wizard-state';
import { FAKE_AUTH_CODE, FAKE_CLIENT_ID, FAKE_PEM, FAKE_TENANT_ID, FAKE_THUMBPRINT, FIXTURES } from '../../../fixtures/export-fixtures';

const run = (actions: WizardAction[], from: WizardState = initialWizardState()): WizardState => actions.reduce(wizardReducer, from);

const OBTAINED = '2026-11-26T12:00:00.000Z';

const CERT: SelfDeployedCertificate = {
  sha1Thumbprint: FAKE_THUMBPRINT,
  sha256Thumbprint: 'AB'.repeat(32),
  subject: 'CN=xsoar-graph-mail',
  notAfter: '2027-11-26T12:00:00.000Z',
  certificatePem: '-----BEGIN CERTIFICATE-----\nRkFLRQ==\n-----END CERTIFICATE-----',
};

/** The draft whose export must equal the spec fixture (same mailbox settings as MAILBOX_PARAMS). */
function fixtureDraft(credentialKind: 'secret' | 'certificate'): ProfileDraft {
  const d = emptyDraft();
  return {
    ...d,
    method: AuthMethod.SelfDeployed,
    selfDeployed: {
      ...emptySelfDeployedDraft(),
      tenant: 'contoso.example',
      resolvedTenantId: FAKE_TENANT_ID,
      clientId: FAKE_CLIENT_ID.toUpperCase(),
      credentialKind,
      certificate: credentialKind === 'certificate' ? CERT : null,
      authCodeObtainedAt: OBTAINED,
    },
    mailbox: { ...d.mailbox, mailboxToFetch: 'soc-mailbox@contoso.example', folderToFetch: 'Inbox/Phishing', isFetch: true, incidentType: 'Phishing' },
  };
}

describe('self-deployed app in the wizard', () => {
  it('is available and walks app → credential → setup → mailbox → verify → code → review → export', () => {
    expect(isMethodAvailable(AuthMethod.SelfDeployed)).toBe(true);
    let s = run([{ type: 'method-chosen', method: AuthMethod.SelfDeployed }, { type: 'next' }]);
    expect(s.screen.step).toBe('self-deployed-app');
    s = run([{ type: 'next' }], s);
    expect(s.screen.step).toBe('self-deployed-app');
    expect(fieldError(s, 'selfDeployed.tenant')).toMatch(/Directory \(tenant\) ID/);
    expect(fieldError(s, 'selfDeployed.clientId')).toBeDefined();
    s = run([{ type: 'self-deployed-changed', patch: { tenant: 'common', clientId: FAKE_CLIENT_ID } }, { type: 'next' }], s);
    expect(fieldError(s, 'selfDeployed.tenant')).toMatch(/your own tenant/);
    s = run([{ type: 'self-deployed-changed', patch: { tenant: FAKE_TENANT_ID } }, { type: 'next' }], s);
    expect(s.screen.step).toBe('self-deployed-credential');
    s = run([{ type: 'next' }], s);
    expect(fieldError(s, 'selfDeployed.clientSecret')).toMatch(/Value/);
    s = run([{ type: 'stored-secrets-changed', storedSecrets: [SecretField.SelfDeployedClientSecret] }, { type: 'next' }], s);
    expect(s.screen.step).toBe('self-deployed-setup');
    s = run([{ type: 'next' }, { type: 'mailbox-changed', patch: { mailboxToFetch: 'soc@contoso.example' } }, { type: 'next' }], s);
    expect(s.screen.step).toBe('self-deployed-verify');
    s = run([{ type: 'next' }, { type: 'next' }], s);
    expect(s.screen.step).toBe('self-deployed-code');
    expect(fieldError(s, 'selfDeployed.authCode')).toMatch(/authorization code/);
    s = run([{ type: 'stored-secrets-changed', storedSecrets: [SecretField.SelfDeployedClientSecret, SecretField.SelfDeployedAuthCode] }, { type: 'self-deployed-changed', patch: { authCodeObtainedAt: OBTAINED } }, { type: 'next' }, { type: 'next' }], s);
    expect(s.screen).toEqual({ step: 'export', status: { kind: 'idle' } });
  });

  it('a certificate needs both its public half in the draft and its key in the keychain', () => {
    const base = run([{ type: 'method-chosen', method: AuthMethod.SelfDeployed }, { type: 'self-deployed-changed', patch: { tenant: FAKE_TENANT_ID, clientId: FAKE_CLIENT_ID, credentialKind: 'certificate' } }, { type: 'next' }, { type: 'next' }]);
    expect(base.screen.step).toBe('self-deployed-credential');
    expect(fieldError(run([{ type: 'next' }], base), 'selfDeployed.certificate')).toMatch(/Import a certificate/);
    const keyOnly = run([{ type: 'stored-secrets-changed', storedSecrets: [SecretField.SelfDeployedPrivateKey] }, { type: 'next' }], base);
    expect(keyOnly.screen.step).toBe('self-deployed-credential');
    const both = run([{ type: 'self-deployed-changed', patch: { certificate: CERT } }, { type: 'next' }], keyOnly);
    expect(both.screen.step).toBe('self-deployed-setup');
  });

  it('forgets the resolved tenant GUID when the tenant text changes', () => {
    let s = run([{ type: 'self-deployed-changed', patch: { tenant: 'contoso.example', resolvedTenantId: FAKE_TENANT_ID } }]);
    expect(s.draft.selfDeployed.resolvedTenantId).toBe(FAKE_TENANT_ID);
    s = run([{ type: 'self-deployed-changed', patch: { clientId: FAKE_CLIENT_ID } }], s);
    expect(s.draft.selfDeployed.resolvedTenantId).toBe(FAKE_TENANT_ID);
    s = run([{ type: 'self-deployed-changed', patch: { tenant: 'fabrikam.example' } }], s);
    expect(s.draft.selfDeployed.resolvedTenantId).toBe('');
  });

  it('exports the client-secret mode exactly as spec §1.2-1.4/§5a (the fixture), tenant as the resolved GUID', () => {
    const params = buildInstanceParams(fixtureDraft('secret'), {
      [SecretField.SelfDeployedClientSecret]: 'FAKE~client~secret~value~for~tests~only',
      [SecretField.SelfDeployedAuthCode]: FAKE_AUTH_CODE,
      [SecretField.SelfDeployedPrivateKey]: FAKE_PEM,
    });
    expect(params).toEqual(FIXTURES['self-deployed-secret']);
  });

  it('exports the certificate mode with the SHA-1 thumbprint in identifier and the PEM in password, and no client secret', () => {
    const params = buildInstanceParams(fixtureDraft('certificate'), {
      [SecretField.SelfDeployedClientSecret]: 'left over from an earlier try',
      [SecretField.SelfDeployedAuthCode]: FAKE_AUTH_CODE,
      [SecretField.SelfDeployedPrivateKey]: FAKE_PEM,
    });
    expect(params).toEqual(FIXTURES['self-deployed-certificate']);
    expect(params).not.toHaveProperty('creds_enc_key');
  });

  it('validation for export names every missing piece', () => {
    const problems = validateForExport(fixtureDraft('certificate'), []).map((p) => p.field);
    expect(problems).toEqual(['selfDeployed.certificate', 'selfDeployed.authCode']);
    expect(validateForExport(fixtureDraft('secret'), [SecretField.SelfDeployedClientSecret, SecretField.SelfDeployedAuthCode])).toEqual([]);
  });

  it('old profiles without the block still load, with the suggested redirect URI; the schema refuses a private key in the draft', () => {
    const { selfDeployed: _dropped, ...old } = emptyDraft();
    const loaded = normalizeDraft(old);
    expect(loaded?.selfDeployed).toEqual({ ...emptySelfDeployedDraft(), redirectUri: 'https://localhost' });
    const leaky = { ...fixtureDraft('certificate'), selfDeployed: { ...fixtureDraft('certificate').selfDeployed, certificate: { ...CERT, certificatePem: FAKE_PEM } } };
    expect(ProfileDraftSchema.safeParse(leaky).success).toBe(false);
  });

  it('a duplicate keeps the registration but not the one-time code time', () => {
    const d = fixtureDraft('secret');
    expect(draftForDuplicate(d).selfDeployed).toEqual({ ...d.selfDeployed, authCodeObtainedAt: '' });
  });

  it('a code obtained for other settings no longer counts: app, tenant, redirect URI or mailbox changed', () => {
    const stored = [SecretField.SelfDeployedClientSecret, SecretField.SelfDeployedAuthCode];
    const loaded = run([{ type: 'draft-loaded', draft: fixtureDraft('secret'), storedSecrets: stored }]);
    expect(validateForExport(loaded.draft, stored)).toEqual([]);
    // Unrelated edits and a case-only mailbox change keep the code.
    const same = run([{ type: 'self-deployed-changed', patch: { credentialKind: 'secret', clientId: ` ${FAKE_CLIENT_ID.toUpperCase()} ` } }, { type: 'mailbox-changed', patch: { mailboxToFetch: 'SOC-mailbox@contoso.example', fetchLimit: '20' } }], loaded);
    expect(same.draft.selfDeployed.authCodeObtainedAt).toBe(OBTAINED);
    for (const action of [
      { type: 'self-deployed-changed', patch: { clientId: '00000000-0000-4000-8000-00000000c1d1' } },
      { type: 'self-deployed-changed', patch: { tenant: 'fabrikam.example' } },
      { type: 'self-deployed-changed', patch: { redirectUri: 'https://xsoar.contoso.example/callback' } },
      { type: 'mailbox-changed', patch: { mailboxToFetch: 'other@contoso.example' } },
    ] as const) {
      const changed = run([action], loaded);
      expect(changed.draft.selfDeployed.authCodeObtainedAt, action.type).toBe('');
      expect(validateForExport(changed.draft, stored).map((p) => p.message).join(' '), action.type).toMatch(/get a new code/);
    }
  });

  it('the main process refuses a client secret ID (a GUID, as the Key field refuses its mix-up) and an empty value', () => {
    expect(checkSecretValue(SecretField.SelfDeployedClientSecret, 'with space inside')).toMatch(/no spaces/);
    expect(checkSecretValue(SecretField.SelfDeployedClientSecret, FAKE_CLIENT_ID)).toMatch(/Secret ID/);
    expect(checkSecretValue(SecretField.SelfDeployedAuthCode, ' ')).toBe('The value is empty.');
  });
});
