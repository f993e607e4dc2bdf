import { ParamType } from './param-types';

/**
 * Definition of one instance parameter of "Microsoft Graph Mail Single User",
 * restated from the integration YAML (spec §1.2). Names are case-sensitive.
 */
export interface ParamDefinition {
  /** Parameter key, exactly as XSOAR names it. */
  readonly name: string;
  /** Type number (spec §1.1). */
  readonly type: ParamType;
  /** Label shown in the instance dialog (for type 9: the identifier box label). */
  readonly display: string;
  /** Type 9 only: label of the password box. */
  readonly displaypassword?: string;
  /** Type 9 only: the identifier box is hidden. */
  readonly hiddenusername?: boolean;
  /** Not shown in the instance dialog (legacy fallbacks). */
  readonly hidden: boolean;
  /** Shown under "Advanced settings" of its section. */
  readonly advanced: boolean;
  /** Dialog section. */
  readonly section: 'Connect' | 'Collect';
  /** Whether XSOAR requires a value (pack 1.9.0 YAML). */
  readonly required: boolean;
  /** Default value as the YAML gives it, if any. */
  readonly defaultValue?: string;
  /** Help text, only where the spec quotes it. */
  readonly info?: string;
}

/** The brand (integration id) that instance objects must carry, verbatim. */
export const INTEGRATION_BRAND = 'Microsoft Graph Mail Single User';

/** The integration's category. */
export const INTEGRATION_CATEGORY = 'Email';

const CERT_LABEL = 'Certificate Thumbprint (optional for self-deployed Azure app)';
const AUTH_CODE_LABEL = 'Authorization code (required for self-deployed Azure app)';

/**
 * Every parameter of the integration in YAML order (pack 1.9.0).
 *
 * This table is the single source for export, review labels and import
 * checks; nothing else spells a parameter name.
 */
export const PARAM_TABLE = Object.freeze([
  { name: 'creds_auth_id', type: ParamType.Auth, display: '', displaypassword: 'Application ID or Client ID', hiddenusername: true, hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'creds_refresh_token', type: ParamType.Auth, display: '', displaypassword: 'Token or Tenant ID', hiddenusername: true, hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'creds_enc_key', type: ParamType.Auth, display: '', displaypassword: 'Key or Client Secret', hiddenusername: true, hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'auth_id', type: ParamType.Encrypted, display: 'ID or Client ID', hidden: true, advanced: false, section: 'Connect', required: false },
  { name: 'refresh_token', type: ParamType.Encrypted, display: 'Token or Tenant ID', hidden: true, advanced: false, section: 'Connect', required: false },
  { name: 'enc_key', type: ParamType.Encrypted, display: 'Key or Client Secret', hidden: true, advanced: false, section: 'Connect', required: false },
  { name: 'creds_certificate', type: ParamType.Auth, display: CERT_LABEL, displaypassword: 'Private Key', hidden: false, advanced: true, section: 'Connect', required: false },
  { name: 'certificate_thumbprint', type: ParamType.Encrypted, display: CERT_LABEL, hidden: true, advanced: true, section: 'Connect', required: false, info: 'Used for certificate authentication. As appears in the "Certificates & secrets" page of the app.' },
  { name: 'private_key', type: ParamType.TextAreaEncrypted, display: 'Private Key', hidden: true, advanced: false, section: 'Connect', required: false },
  { name: 'creds_auth_code', type: ParamType.Auth, display: '', displaypassword: AUTH_CODE_LABEL, hiddenusername: true, hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'auth_code', type: ParamType.Encrypted, display: AUTH_CODE_LABEL, hidden: true, advanced: true, section: 'Connect', required: false },
  { name: 'redirect_uri', type: ParamType.String, display: 'Application redirect URI (required for self-deployed Azure app)', hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'self_deployed', type: ParamType.Boolean, display: 'Use a self-deployed Azure application', hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'use_managed_identities', type: ParamType.Boolean, display: 'Use Azure Managed Identities', hidden: false, advanced: true, section: 'Connect', required: false },
  { name: 'managed_identities_client_id', type: ParamType.Auth, display: '', displaypassword: 'Azure Managed Identities Client ID', hiddenusername: true, hidden: false, advanced: true, section: 'Connect', required: false },
  { name: 'isFetch', type: ParamType.Boolean, display: 'Fetch incidents', hidden: false, advanced: false, section: 'Collect', required: false },
  { name: 'mailbox_to_fetch', type: ParamType.String, display: 'Email address to associate for this integration.', hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'folder_to_fetch', type: ParamType.String, display: 'Name of the folder from which to fetch incidents (supports Folder ID and sub-folders e.g., Inbox/Phishing)', hidden: false, advanced: false, section: 'Collect', required: false, defaultValue: 'Inbox' },
  { name: 'first_fetch', type: ParamType.String, display: 'First fetch timestamp (<number> <time unit>, e.g., 12 hours, 7 days)', hidden: false, advanced: false, section: 'Collect', required: false, defaultValue: '15 minutes' },
  { name: 'fetch_limit', type: ParamType.String, display: 'Maximum number of emails to pull per fetch', hidden: false, advanced: false, section: 'Collect', required: false, defaultValue: '50' },
  { name: 'incidentType', type: ParamType.IncidentType, display: 'Incident type', hidden: false, advanced: false, section: 'Connect', required: false },
  { name: 'display_full_email_body', type: ParamType.Boolean, display: 'Display full email body', hidden: false, advanced: true, section: 'Collect', required: false, defaultValue: 'false' },
  { name: 'fetch_html_formatting', type: ParamType.Boolean, display: 'Fetch emails in HTML format', hidden: false, advanced: false, section: 'Collect', required: false, defaultValue: 'false' },
  { name: 'mark_fetched_read', type: ParamType.Boolean, display: 'Mark fetched emails as read', hidden: false, advanced: true, section: 'Collect', required: false, defaultValue: 'false' },
  { name: 'incidentFetchInterval', type: ParamType.Interval, display: 'Incidents Fetch Interval', hidden: false, advanced: true, section: 'Collect', required: false, defaultValue: '1' },
  { name: 'insecure', type: ParamType.Boolean, display: 'Trust any certificate (not secure)', hidden: false, advanced: true, section: 'Connect', required: false },
  { name: 'proxy', type: ParamType.Boolean, display: 'Use system proxy settings', hidden: false, advanced: true, section: 'Connect', required: false },
  { name: 'legacy_name', type: ParamType.Boolean, display: 'Use legacy attachment name', hidden: false, advanced: true, section: 'Collect', required: false, defaultValue: 'false' },
] as const satisfies readonly ParamDefinition[]);

/** Every parameter name, as a union type. */
export type ParamName = (typeof PARAM_TABLE)[number]['name'];

/** Looks up a parameter definition by exact name. */
export function findParam(name: string): ParamDefinition | undefined {
  return (PARAM_TABLE as readonly ParamDefinition[]).find((p) => p.name === name);
}

/**
 * The label an analyst sees for a parameter in the instance dialog.
 *
 * Type-9 parameters with a hidden identifier box show only the password
 * box's label.
 */
export function paramLabel(def: ParamDefinition): string {
  if (def.type === ParamType.Auth && def.hiddenusername) return def.displaypassword ?? def.name;
  return def.display;
}
