import type { FieldProblem } from '../errors/app-error';
import type { ProfileDraft } from '../domain/profile-draft';
import { SecretField } from '../domain/secret-field';
import { checkClientId, checkTenant, checkXsoarRedirectUri, normalizeThumbprint, type FieldVerdict } from './self-deployed-rules';

function problem(field: string, verdict: FieldVerdict): FieldProblem[] {
  return verdict.ok ? [] : [{ field, message: verdict.error }];
}

/** Problems of the app registration details: tenant, client ID and the XSOAR redirect URI. */
export function validateSelfDeployedApp(draft: ProfileDraft): FieldProblem[] {
  const s = draft.selfDeployed;
  return [
    ...problem('selfDeployed.tenant', checkTenant(s.tenant)),
    ...problem('selfDeployed.clientId', checkClientId(s.clientId)),
    ...problem('selfDeployed.redirectUri', checkXsoarRedirectUri(s.redirectUri)),
  ];
}

/**
 * Problems of the credential: the client secret stored in the keychain, or a
 * certificate whose public half is in the draft and whose private key is in
 * the keychain (the import and the generator store the key before the draft
 * learns the certificate, so both exist together).
 */
export function validateSelfDeployedCredential(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  const s = draft.selfDeployed;
  if (s.credentialKind === 'secret') {
    return storedSecrets.includes(SecretField.SelfDeployedClientSecret)
      ? []
      : [{ field: 'selfDeployed.clientSecret', message: 'Enter the client secret Value (Certificates & secrets > Client secrets, "Value" column).' }];
  }
  if (s.certificate === null || !storedSecrets.includes(SecretField.SelfDeployedPrivateKey)) {
    return [{ field: 'selfDeployed.certificate', message: 'Import a certificate with its private key, or generate a new one.' }];
  }
  const thumbprint = normalizeThumbprint(s.certificate.sha1Thumbprint);
  return thumbprint.ok ? [] : [{ field: 'selfDeployed.certificate', message: thumbprint.error }];
}

/**
 * Problems of the authorization code step: a code in the keychain, obtained for the current app, tenant,
 * redirect URI and mailbox (changing any of those clears `authCodeObtainedAt`, so the old code no longer counts).
 */
export function validateSelfDeployedAuthCode(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  if (!storedSecrets.includes(SecretField.SelfDeployedAuthCode)) {
    return [{ field: 'selfDeployed.authCode', message: 'Get an authorization code for XSOAR (sign in as the mailbox user), or paste the address the browser landed on.' }];
  }
  return draft.selfDeployed.authCodeObtainedAt === ''
    ? [{ field: 'selfDeployed.authCode', message: 'The app registration, redirect URI or mailbox changed since the code was obtained; get a new code.' }]
    : [];
}

/** Every problem of the self-deployed block. */
export function validateSelfDeployed(draft: ProfileDraft, storedSecrets: readonly SecretField[]): FieldProblem[] {
  return [...validateSelfDeployedApp(draft), ...validateSelfDeployedCredential(draft, storedSecrets), ...validateSelfDeployedAuthCode(draft, storedSecrets)];
}
