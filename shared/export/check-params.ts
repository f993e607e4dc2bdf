import type { InstanceParams } from '../settings/build-instance-params';
import { checkEmailAddress, checkFirstFetch, checkFolderPath, checkGuid, checkPositiveInteger } from '../validation/field-rules';
import { credentialValue, type CredentialValue, type ParamValue } from '../xsoar/param-types';
import { detectMode, type ParamsMode } from './export-mode';
import { IntegrationMessage } from './integration-messages';
import { ParamIssueCode, paramError, paramWarning, type ParamIssue } from './param-issues';
import { isPlaceholder, secretSlotOfParam, secretSlotsFor } from './secret-fields';
import { extractAuthCode } from '../oauth/auth-code-extraction';
import { checkClientId, checkClientSecretValue, checkTenant, checkXsoarRedirectUri, normalizeThumbprint, type FieldVerdict } from '../validation/self-deployed-rules';
import { checkOproxyKey, checkPrivateKeyPem, normalizePem } from './value-rules';
import { repairPrivateKeyPem } from './pem-repair';
import { normalizeOproxyKey } from '../oproxy/oproxy-key-normalize';

/**
 * How secrets are expected in the parameters being checked.
 *
 * `excluded`: every secret must be a placeholder (an export without secrets
 * must not leak one by mistake). `included`: no secret may still be a
 * placeholder. `any`: import of a file that may be either.
 */
export type SecretsExpectation = 'included' | 'excluded' | 'any';

/** Checked, normalized parameters with the mode they express and every issue. */
export interface CheckResult {
  readonly params: InstanceParams;
  readonly mode: ParamsMode;
  readonly issues: readonly ParamIssue[];
  /** True when no issue is an error. */
  readonly ok: boolean;
}

type Mutable = Partial<Record<string, ParamValue>>;

const AUTH_PARAMS = [
  'creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'creds_certificate', 'creds_auth_code',
  'redirect_uri', 'self_deployed', 'use_managed_identities', 'managed_identities_client_id',
] as const;

/**
 * The single rule book for export and import: lists every problem, normalizes
 * what the integration would choke on, and refuses what cannot be fixed.
 *
 * Messages use the integration's own words where it has them (spec §3e).
 * Never puts a secret value into a message.
 */
export function checkParams(input: InstanceParams, secrets: SecretsExpectation): CheckResult {
  const issues: ParamIssue[] = [];
  const p: Mutable = { ...input };
  foldLegacy(p, issues);
  if (p.incidentType === '') delete p.incidentType;
  const mode = detectMode(p as InstanceParams);
  dropOtherMethods(p, mode, issues);
  checkAuth(p, mode, issues);
  checkMailbox(p, issues);
  checkSecretPolicy(p, mode, secrets, issues);
  return { params: p as InstanceParams, mode, issues, ok: !issues.some((i) => i.severity === 'error') };
}

// Hidden string twins read by PY when the creds_* password is empty (spec §1.4).
const LEGACY: ReadonlyArray<readonly [legacy: string, creds: string, part: 'password' | 'identifier']> = [
  ['auth_id', 'creds_auth_id', 'password'],
  ['refresh_token', 'creds_refresh_token', 'password'],
  ['enc_key', 'creds_enc_key', 'password'],
  ['certificate_thumbprint', 'creds_certificate', 'identifier'],
  ['private_key', 'creds_certificate', 'password'],
  ['auth_code', 'creds_auth_code', 'password'],
];

function foldLegacy(p: Mutable, issues: ParamIssue[]): void {
  for (const [legacy, creds, part] of LEGACY) {
    const value = p[legacy];
    if (typeof value !== 'string') continue;
    delete p[legacy];
    if (value === '') continue;
    const current = (p[creds] as CredentialValue | undefined) ?? credentialValue('');
    if (current[part] !== '' && current[part] !== value) {
      issues.push(paramError(legacy, ParamIssueCode.LegacyConflict,
        `"${legacy}" and "${creds}" both hold a value and they differ; the integration uses "${creds}" and ignores "${legacy}". Remove one of them.`));
      continue;
    }
    p[creds] = { ...current, [part]: value };
    issues.push(paramWarning(legacy, ParamIssueCode.LegacyConverted,
      `The hidden legacy parameter "${legacy}" was moved into "${creds}" (${part}), which the instance dialog shows; the integration reads either.`));
  }
}

function allowedAuthParams(mode: ParamsMode): ReadonlySet<string> {
  switch (mode.method) {
    case 'xsoar-app':
      return new Set(['creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'self_deployed', 'use_managed_identities']);
    case 'self-deployed':
      return new Set(['creds_auth_id', 'creds_refresh_token', mode.credential === 'secret' ? 'creds_enc_key' : 'creds_certificate',
        'creds_auth_code', 'redirect_uri', 'self_deployed', 'use_managed_identities']);
    case 'managed-identity':
      return new Set(['use_managed_identities', 'managed_identities_client_id']);
  }
}

function dropOtherMethods(p: Mutable, mode: ParamsMode, issues: ParamIssue[]): void {
  if (mode.method === 'self-deployed' && mode.credential === 'certificate' && p.creds_enc_key !== undefined) {
    issues.push(paramError('creds_enc_key', ParamIssueCode.MixedMethods,
      'Both a client secret ("creds_enc_key") and a certificate ("creds_certificate") are set. Keep one: with both, the integration silently uses the certificate.'));
  }
  const allowed = allowedAuthParams(mode);
  for (const name of AUTH_PARAMS) {
    if (p[name] === undefined || allowed.has(name) || (name === 'creds_enc_key' && mode.method === 'self-deployed')) continue;
    issues.push(paramWarning(name, ParamIssueCode.NotApplicable, `"${name}" belongs to another sign-in method than the one these settings use; it was left out.`));
    delete p[name];
  }
  // Spec §6.2: set the chosen mode explicitly; an absent self_deployed is the same as false.
  if (mode.method === 'xsoar-app') p.self_deployed = false;
  if (p.use_managed_identities === false) delete p.use_managed_identities;
}

function password(p: Mutable, name: string): string {
  const v = p[name];
  return typeof v === 'object' ? v.password : '';
}

function setPart(p: Mutable, name: string, part: 'password' | 'identifier', value: string): void {
  const v = p[name];
  if (typeof v === 'object') p[name] = { ...v, [part]: value };
}

function need(issues: ParamIssue[], param: string, message: string | null): void {
  if (message !== null) issues.push(paramError(param, message.startsWith('Enter') ? ParamIssueCode.Missing : ParamIssueCode.Invalid, message));
}

function checkAuth(p: Mutable, mode: ParamsMode, issues: ParamIssue[]): void {
  switch (mode.method) {
    case 'xsoar-app': {
      if (password(p, 'creds_auth_id').trim() === '') need(issues, 'creds_auth_id', 'Enter the ID from the oproxy page (Application ID or Client ID box).');
      if (password(p, 'creds_refresh_token').trim() === '') need(issues, 'creds_refresh_token', 'Enter the Token from the oproxy page (Token or Tenant ID box).');
      const given = password(p, 'creds_enc_key').trim();
      // Python's b64decode drops whitespace, so a Key wrapped when copied works in the integration: store it on one line.
      const key = isPlaceholder(given) ? given : normalizeOproxyKey(given);
      if (key === '') issues.push(paramError('creds_enc_key', ParamIssueCode.Missing, IntegrationMessage.KeyMissing));
      else if (!isPlaceholder(key)) {
        setPart(p, 'creds_enc_key', 'password', key);
        const problem = checkOproxyKey(key);
        if (problem !== null) {
          issues.push(paramError('creds_enc_key', ParamIssueCode.Invalid,
            `${problem} Otherwise the integration fails with "${IntegrationMessage.BadKeyPrefix} … ${IntegrationMessage.BadKeySuffix}"`));
        } else if (key !== given) {
          issues.push(paramWarning('creds_enc_key', ParamIssueCode.Normalized, 'The Key was wrapped over several lines; it was joined into one line.'));
        }
      }
      return;
    }
    case 'self-deployed':
      checkSelfDeployed(p, mode.credential, issues);
      return;
    case 'managed-identity':
      if (mode.identity === 'user-assigned') {
        const id = password(p, 'managed_identities_client_id').trim();
        setPart(p, 'managed_identities_client_id', 'password', id);
        need(issues, 'managed_identities_client_id', checkGuid(id, 'client ID of the user-assigned managed identity'));
      }
      return;
  }
}

// Applies a self-deployed field rule: stores the normalized value, reports the verdict.
function applyVerdict(p: Mutable, issues: ParamIssue[], param: string, verdict: FieldVerdict, store: (value: string) => void): void {
  if (!verdict.ok) {
    issues.push(paramError(param, ParamIssueCode.Invalid, verdict.error));
    return;
  }
  store(verdict.value);
  for (const w of verdict.warnings) issues.push(paramWarning(param, ParamIssueCode.Normalized, w));
}

function checkSelfDeployed(p: Mutable, credential: 'secret' | 'certificate', issues: ParamIssue[]): void {
  applyVerdict(p, issues, 'creds_auth_id', checkClientId(password(p, 'creds_auth_id')), (v) => setPart(p, 'creds_auth_id', 'password', v));
  applyVerdict(p, issues, 'creds_refresh_token', checkTenant(password(p, 'creds_refresh_token')), (v) => setPart(p, 'creds_refresh_token', 'password', v));
  const redirect = typeof p.redirect_uri === 'string' ? p.redirect_uri.trim() : '';
  if (redirect === '') {
    issues.push(paramError('redirect_uri', ParamIssueCode.Missing, `${IntegrationMessage.LoginUrlMissing} redirect_uri. Enter the redirect URI registered for the app's Web platform in Azure.`));
  } else {
    applyVerdict(p, issues, 'redirect_uri', checkXsoarRedirectUri(redirect), (v) => (p.redirect_uri = v));
  }
  checkAuthCode(p, issues);
  if (credential === 'secret') {
    const secret = password(p, 'creds_enc_key').trim();
    if (secret === '') issues.push(paramError('creds_enc_key', ParamIssueCode.Missing, IntegrationMessage.KeyOrCertificateMissing));
    else if (!isPlaceholder(secret)) applyVerdict(p, issues, 'creds_enc_key', checkClientSecretValue(secret), (v) => setPart(p, 'creds_enc_key', 'password', v));
    return;
  }
  const cert = p.creds_certificate as CredentialValue;
  const pem = isPlaceholder(cert.password.trim()) ? cert.password.trim() : normalizePem(cert.password);
  p.creds_certificate = { ...cert, password: pem };
  if (cert.identifier.trim() === '' || pem === '') {
    issues.push(paramError('creds_certificate', ParamIssueCode.Missing, IntegrationMessage.KeyOrCertificateMissing));
    return;
  }
  const thumbprint = normalizeThumbprint(cert.identifier);
  if (!thumbprint.ok) issues.push(paramError('creds_certificate', ParamIssueCode.Invalid, thumbprint.error));
  else {
    p.creds_certificate = { ...cert, identifier: thumbprint.thumbprint, password: pem };
    if (thumbprint.changed) {
      issues.push(paramWarning('creds_certificate', ParamIssueCode.Normalized,
        'The certificate thumbprint had colons, spaces or a label; they were removed, because the integration hex-decodes the thumbprint and crashes on them before sending any request.'));
    }
  }
  if (isPlaceholder(pem)) return;
  const repaired = repairPrivateKeyPem(pem);
  if (!repaired.ok) {
    issues.push(paramError('creds_certificate', ParamIssueCode.Invalid, repaired.problem));
    return;
  }
  const current = p.creds_certificate as CredentialValue;
  p.creds_certificate = { ...current, password: repaired.pem };
  if (repaired.repaired) {
    issues.push(paramWarning('creds_certificate', ParamIssueCode.Normalized,
      'The private key had lost its line breaks (or had other line lengths); its PEM structure was restored, because the integration\'s legacy private_key parameter is read without repair.'));
  }
  need(issues, 'creds_certificate', checkPrivateKeyPem(repaired.pem));
}

function checkAuthCode(p: Mutable, issues: ParamIssue[]): void {
  const raw = password(p, 'creds_auth_code');
  if (raw.trim() === '') {
    issues.push(paramError('creds_auth_code', ParamIssueCode.Missing,
      'Enter the authorization code (run !msgraph-mail-generate-login-url, sign in as the mailbox user, copy the code from the redirect).'));
    return;
  }
  if (isPlaceholder(raw.trim())) return;
  const extracted = extractAuthCode(raw);
  if (!extracted.ok) {
    issues.push(paramError('creds_auth_code', ParamIssueCode.Invalid, extracted.problem.message));
    return;
  }
  if (extracted.code !== raw) {
    setPart(p, 'creds_auth_code', 'password', extracted.code);
    const why = /session_state/.test(raw) ? ` Left as it was, the integration would stop with: ${IntegrationMessage.MalformedAuthCode}` : '';
    issues.push(paramWarning('creds_auth_code', ParamIssueCode.Normalized, `The authorization code was cut down to the code itself (text around it such as "code=" or "&session_state=…" was removed).${why}`));
  }
}

function checkMailbox(p: Mutable, issues: ParamIssue[]): void {
  const text = (name: string): string | undefined => (typeof p[name] === 'string' ? (p[name] as string) : undefined);
  const mailbox = text('mailbox_to_fetch');
  // Required by the older YAML (spec §6.8), so always sent.
  if (mailbox === undefined) issues.push(paramError('mailbox_to_fetch', ParamIssueCode.Missing, 'Enter the e-mail address of the mailbox the integration uses.'));
  else need(issues, 'mailbox_to_fetch', checkEmailAddress(mailbox));
  const folder = text('folder_to_fetch');
  if (folder === undefined) issues.push(paramError('folder_to_fetch', ParamIssueCode.Missing, 'Enter the folder to fetch from, e.g. Inbox or Inbox/Phishing.'));
  else need(issues, 'folder_to_fetch', checkFolderPath(folder));
  const firstFetch = text('first_fetch');
  if (firstFetch !== undefined) need(issues, 'first_fetch', checkFirstFetch(firstFetch));
  const limit = text('fetch_limit');
  if (limit !== undefined) need(issues, 'fetch_limit', checkPositiveInteger(limit, 'maximum number of e-mails per fetch'));
  const interval = text('incidentFetchInterval');
  if (interval !== undefined) need(issues, 'incidentFetchInterval', checkPositiveInteger(interval, 'fetch interval in minutes'));
}

function checkSecretPolicy(p: Mutable, mode: ParamsMode, secrets: SecretsExpectation, issues: ParamIssue[]): void {
  for (const slot of secretSlotsFor(mode)) {
    const value = password(p, slot.param).trim();
    if (value === '') continue;
    const placeholder = isPlaceholder(value);
    if (secrets === 'excluded' && !placeholder) {
      issues.push(paramError(slot.param, ParamIssueCode.SecretNotRedacted,
        `"${slot.param}" holds a secret (${slot.kind}) although secrets are excluded; pass a placeholder or choose to include secrets.`));
    } else if (secrets === 'included' && placeholder) {
      issues.push(paramError(slot.param, ParamIssueCode.SecretUnresolved,
        `"${slot.param}" is still a placeholder (${slot.kind}) although secrets are included; resolve it from the keychain or export without secrets.`));
    } else if (secrets === 'any' && placeholder) {
      issues.push(paramWarning(slot.param, ParamIssueCode.SecretPlaceholder,
        `"${slot.param}" (${slot.kind}) is a placeholder in this file; the secret must come from the keychain or be entered before the settings work.`));
    }
  }
}

/** True when `param` holds a secret in the mode of `params` (used by renderers to mask values). */
export function isSecretParam(params: InstanceParams, param: string): boolean {
  return secretSlotOfParam(detectMode(params), param) !== undefined;
}
