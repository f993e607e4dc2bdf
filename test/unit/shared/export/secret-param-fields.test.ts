import { describe, expect, it } from 'vitest';
import { AuthMethod } from '../../../../shared/domain/auth-method';
import { emptyDraft, type ProfileDraft } from '../../../../shared/domain/profile-draft';
import { SecretField } from '../../../../shared/domain/secret-field';
import { secretFieldOfParam } from '../../../../shared/export/secret-param-fields';

const draft = (patch: Partial<ProfileDraft>): ProfileDraft => ({ ...emptyDraft(), ...patch });

describe('secretFieldOfParam', () => {
  it('knows the Token is a secret for the Cortex XSOAR app but the tenant ID is not for a self-deployed app', () => {
    expect(secretFieldOfParam(draft({ method: AuthMethod.XsoarApp }), 'creds_refresh_token')).toBe(SecretField.XsoarAppToken);
    expect(secretFieldOfParam(draft({ method: AuthMethod.XsoarApp }), 'creds_enc_key')).toBe(SecretField.XsoarAppKey);
    expect(secretFieldOfParam(draft({ method: AuthMethod.SelfDeployed }), 'creds_refresh_token')).toBeUndefined();
    expect(secretFieldOfParam(draft({ method: AuthMethod.XsoarApp }), 'creds_auth_id')).toBeUndefined();
  });

  it('follows the self-deployed credential kind', () => {
    const secret = draft({ method: AuthMethod.SelfDeployed });
    const certificate = draft({ method: AuthMethod.SelfDeployed, selfDeployed: { ...secret.selfDeployed, credentialKind: 'certificate' } });
    expect(secretFieldOfParam(secret, 'creds_enc_key')).toBe(SecretField.SelfDeployedClientSecret);
    expect(secretFieldOfParam(certificate, 'creds_certificate')).toBe(SecretField.SelfDeployedPrivateKey);
    expect(secretFieldOfParam(certificate, 'creds_auth_code')).toBe(SecretField.SelfDeployedAuthCode);
  });

  it('has no secrets for managed identities or an unchosen method', () => {
    expect(secretFieldOfParam(draft({ method: AuthMethod.ManagedIdentity }), 'managed_identities_client_id')).toBeUndefined();
    expect(secretFieldOfParam(draft({}), 'creds_enc_key')).toBeUndefined();
  });
});
