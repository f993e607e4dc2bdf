import { appError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';
import { fail, ok, type Result } from '../result';
import { INTEGRATION_BRAND, PARAM_TABLE, paramLabel, type ParamDefinition, type ParamName } from '../xsoar/param-table';
import type { ParamValue } from '../xsoar/param-types';
import type { CheckedExport, ExportFile } from './export-input';
import { modeTitle } from './export-mode';
import { DEFAULT_INCOMING_MAPPER_ID, DEFAULT_MAPPING_ID } from './rest-body';
import { secretSlotOfParam } from './secret-fields';

/** The two Terraform providers that manage XSOAR integration instances (spec §5c). */
export type TerraformProvider = 'xsoar' | 'cortex';

interface ProviderInfo {
  readonly source: string;
  readonly resource: string;
  readonly note: string;
}

const PROVIDERS: Readonly<Record<TerraformProvider, ProviderInfo>> = {
  xsoar: {
    source: 'badarsebard/xsoar',
    resource: 'xsoar_integration_instance',
    note: '# XSOAR 6 only. Reads DEMISTO_BASE_URL and DEMISTO_API_KEY (optionally DEMISTO_INSECURE) from the environment.',
  },
  cortex: {
    source: 'mdrobniu/cortex',
    resource: 'cortex_integration_instance',
    note: '# XSOAR 6, XSOAR 8 and XSIAM. Reads DEMISTO_BASE_URL, DEMISTO_API_KEY and, for XSOAR 8 / XSIAM,\n# DEMISTO_AUTH_ID from the environment.',
  },
};

// creds_* part → hidden legacy string parameter the integration falls back to (spec §1.4).
const LEGACY_OF: ReadonlyArray<readonly [creds: string, part: 'password' | 'identifier', legacy: string]> = [
  ['creds_auth_id', 'password', 'auth_id'],
  ['creds_refresh_token', 'password', 'refresh_token'],
  ['creds_enc_key', 'password', 'enc_key'],
  ['creds_certificate', 'identifier', 'certificate_thumbprint'],
  ['creds_certificate', 'password', 'private_key'],
  ['creds_auth_code', 'password', 'auth_code'],
];

const TRUTHINESS_PARAMS = new Set(['self_deployed', 'insecure', 'proxy']);

/**
 * Quotes a string for HCL: escapes quotes, backslashes, control characters
 * and the template sequences `${` and `%{`, so no value is ever evaluated.
 */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

interface ConfigEntry {
  readonly key: string;
  /** Inline string value, or `null` when the value is a sensitive variable. */
  readonly inline: string | null;
  readonly secret: string | null;
  readonly label: string;
}

function configEntries(checked: CheckedExport): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const def of PARAM_TABLE as readonly ParamDefinition[]) {
    const value: ParamValue | undefined = checked.params[def.name as ParamName];
    if (value === undefined) continue;
    if (typeof value === 'object') {
      for (const [creds, part, legacy] of LEGACY_OF) {
        if (creds !== def.name || value[part] === '') continue;
        const secret = part === 'password' && secretSlotOfParam(checked.mode, creds) !== undefined;
        const label = part === 'identifier' ? def.display : (def.displaypassword ?? paramLabel(def));
        entries.push(secret ? { key: legacy, inline: null, secret: value[part], label } : { key: legacy, inline: value[part], secret: null, label });
      }
      continue;
    }
    // Read by plain truthiness (spec §1.4): should XSOAR pass the provider's string "false" through,
    // it would mean true (self-deployed mode, or TLS checks off). Absent is false under every reading.
    if (value === false && TRUTHINESS_PARAMS.has(def.name)) continue;
    entries.push({ key: def.name, inline: typeof value === 'boolean' ? String(value) : value, secret: null, label: paramLabel(def) });
  }
  return entries;
}

function aligned(lines: ReadonlyArray<readonly [string, string]>, indent: string): string {
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`).join('\n');
}

/**
 * Terraform files for the chosen provider: `main.tf` plus either
 * `terraform.tfvars.example` (secrets excluded: placeholders saying where
 * each secret lives) or `terraform.tfvars` (secrets included).
 *
 * Both providers send `config` as a map of strings, so type-9 `creds_*`
 * objects cannot be expressed: the hidden legacy string parameters carry the
 * values and no `creds_*` key appears. Secrets are `sensitive` variables,
 * never inline. A user-assigned managed identity is refused: its client ID
 * lives only in the type-9 `managed_identities_client_id`, which has no
 * legacy twin.
 */
export function buildTerraform(checked: CheckedExport, provider: TerraformProvider): Result<readonly ExportFile[]> {
  if (checked.mode.method === 'managed-identity' && checked.mode.identity === 'user-assigned') {
    return fail(appError(ErrorCode.ExportUnsupported,
      'Terraform cannot set a user-assigned managed identity: its client ID goes only into the credential parameter "managed_identities_client_id", which has no plain-string twin, and both Terraform providers send strings only. Use the REST body or the manual checklist, or a system-assigned identity.'));
  }
  const info = PROVIDERS[provider];
  const entries = configEntries(checked);
  const secrets = entries.filter((e) => e.secret !== null);
  const variables = secrets.map((e) => `variable "${e.key}" {
  type        = string
  sensitive   = true
  description = ${hclString(`${e.label} (secret; set it in terraform.tfvars or TF_VAR_${e.key}, never in this file)`)}
}
`).join('\n');
  const config = aligned(entries.map((e) => [e.key, e.inline === null ? `var.${e.key}` : hclString(e.inline)]), '    ');
  const resourceArgs: Array<readonly [string, string]> = [
    ['name', hclString(checked.instanceName)],
    ['integration_name', hclString(INTEGRATION_BRAND)],
    ...(provider === 'cortex' ? [['enabled', 'true'] as const] : []),
    ['incoming_mapper_id', hclString(DEFAULT_INCOMING_MAPPER_ID)],
    ['mapping_id', hclString(DEFAULT_MAPPING_ID)],
  ];
  const unsetNote = provider === 'cortex'
    ? '\n# Note: this provider sends value "" for parameters not listed in config; whether XSOAR passes that\n# to the integration for credential parameters is unverified. Check with !msgraph-mail-test after apply.'
    : '';
  const credentialNote = checked.mode.method === 'managed-identity'
    ? '# A system-assigned managed identity needs no credentials: use_managed_identities = "true" is enough.'
    : `# Terraform providers send every config value as a string, so the credentials go into the hidden
# legacy parameters (auth_id, refresh_token, enc_key, certificate_thumbprint, private_key, auth_code),
# which the integration reads when the creds_* credential objects are absent.
# Secrets are sensitive variables, but Terraform still writes them into its state file:
# keep the state encrypted and access-controlled (remote backend), or apply once and delete it.`;
  const mainTf = `# Microsoft Graph Mail Single User instance ${JSON.stringify(checked.instanceName)}.
# Sign-in: ${modeTitle(checked.mode)}.
${credentialNote}
# self_deployed, insecure and proxy appear only when true: the integration reads them by plain
# truthiness, so a string "false" could mean true. Left out, they are false.${unsetNote}

terraform {
  required_providers {
    ${provider} = {
      source = "${info.source}"
    }
  }
}

${info.note}
provider "${provider}" {}
${variables === '' ? '' : `\n${variables}`}
resource "${info.resource}" "graph_mail_single_user" {
${aligned(resourceArgs, '  ')}

  config = {
${config}
  }
}
`;
  const files: ExportFile[] = [{ fileName: 'main.tf', mediaType: 'text/x-terraform', text: mainTf, containsSecrets: false }];
  if (secrets.length > 0) files.push(tfvarsFile(secrets, checked.secretsIncluded));
  return ok(files);
}

function tfvarsFile(secrets: readonly ConfigEntry[], included: boolean): ExportFile {
  const header = included
    ? '# Secret values for main.tf. Keep this file out of version control and delete it after apply,\n# or pass the values as TF_VAR_<name> environment variables instead.\n'
    : '# Copy to terraform.tfvars and replace each placeholder with the secret it names\n# (or set TF_VAR_<name> environment variables). Never commit terraform.tfvars.\n';
  const body = aligned(secrets.map((e) => [e.key, hclString(e.secret ?? '')]), '');
  return {
    fileName: included ? 'terraform.tfvars' : 'terraform.tfvars.example',
    mediaType: 'text/x-terraform',
    text: `${header}\n${body}\n`,
    containsSecrets: included,
  };
}
