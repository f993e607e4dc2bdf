import { PARAM_TABLE, paramLabel, type ParamDefinition } from '../xsoar/param-table';
import { ParamType } from '../xsoar/param-types';
import type { CheckedExport } from './export-input';
import { modeTitle, type ParamsMode } from './export-mode';
import { isPlaceholder, secretSlotOfParam, secretSlotsFor } from './secret-fields';

/** What the analyst does with one box of the instance dialog. */
export type ChecklistAction = 'enter' | 'select' | 'tick' | 'leave-unticked' | 'leave-empty';

/** One box of the instance dialog, in dialog order. */
export interface ChecklistRow {
  /** The label as the dialog shows it. */
  readonly label: string;
  /** The parameter behind it (`name` for the instance name box). */
  readonly param: string;
  readonly action: ChecklistAction;
  /** The value to enter or select; a placeholder when the secret is excluded. */
  readonly value: string | null;
  /** True when the value is a secret (masked unless included). */
  readonly secret: boolean;
  /** True when the value is a placeholder the analyst must look up. */
  readonly placeholder: boolean;
}

/** A group of boxes as the dialog lays them out. */
export interface ChecklistGroup {
  readonly title: string;
  readonly rows: readonly ChecklistRow[];
}

/** Text with inline code, so that each renderer escapes and formats it its own way. */
export type RichText = ReadonlyArray<string | { readonly code: string }>;

/** Everything both checklist renderers print. */
export interface ChecklistModel {
  readonly instanceName: string;
  readonly modeTitle: string;
  readonly secretsIncluded: boolean;
  /** False for managed identities, which need no secret at all. */
  readonly usesSecrets: boolean;
  readonly groups: readonly ChecklistGroup[];
  readonly before: readonly RichText[];
  readonly afterSave: readonly RichText[];
}

function rowsFor(def: ParamDefinition, checked: CheckedExport): ChecklistRow[] {
  const value = checked.params[def.name as keyof typeof checked.params];
  const secret = secretSlotOfParam(checked.mode, def.name) !== undefined;
  if (def.type === ParamType.Boolean) {
    return [{ label: def.display, param: def.name, action: value === true ? 'tick' : 'leave-unticked', value: null, secret: false, placeholder: false }];
  }
  const text = (v: string | undefined, isSecret: boolean, label: string): ChecklistRow =>
    v === undefined || v === ''
      ? { label, param: def.name, action: 'leave-empty', value: null, secret: false, placeholder: false }
      : { label, param: def.name, action: 'enter', value: v, secret: isSecret, placeholder: isSecret && isPlaceholder(v) };
  if (def.type === ParamType.Auth) {
    const cred = typeof value === 'object' ? value : undefined;
    const password = text(cred?.password, secret, paramLabel(def));
    return def.hiddenusername === true ? [password] : [text(cred?.identifier, false, def.display), { ...password, label: def.displaypassword ?? def.name }];
  }
  const row = text(typeof value === 'string' ? value : undefined, false, def.display);
  // The incident type is a dropdown of the types defined on the server.
  return [def.type === ParamType.IncidentType && row.action === 'enter' ? { ...row, action: 'select' } : row];
}

/**
 * The instance dialog box by box: the name first, then each section's
 * visible parameters in YAML order, advanced ones after "Advanced settings".
 * Hidden legacy parameters never appear (the dialog does not show them).
 */
export function buildChecklistModel(checked: CheckedExport): ChecklistModel {
  const visible = PARAM_TABLE.filter((d) => !d.hidden) as readonly ParamDefinition[];
  const group = (section: 'Connect' | 'Collect', advanced: boolean, title: string): ChecklistGroup => ({
    title,
    rows: visible.filter((d) => d.section === section && d.advanced === advanced).flatMap((d) => rowsFor(d, checked)),
  });
  const nameRow: ChecklistRow = { label: 'Name', param: 'name', action: 'enter', value: checked.instanceName, secret: false, placeholder: false };
  return {
    instanceName: checked.instanceName,
    modeTitle: modeTitle(checked.mode),
    secretsIncluded: checked.secretsIncluded,
    usesSecrets: secretSlotsFor(checked.mode).length > 0,
    groups: [
      { title: 'Instance', rows: [nameRow] },
      group('Connect', false, 'Connect'),
      group('Connect', true, 'Connect: Advanced settings'),
      group('Collect', false, 'Collect'),
      group('Collect', true, 'Collect: Advanced settings'),
    ],
    before: beforeSteps(checked.mode, checked.params.mailbox_to_fetch),
    afterSave: afterSaveSteps(checked.mode),
  };
}

function beforeSteps(mode: ParamsMode, mailbox: unknown): RichText[] {
  const open: RichText = ['In XSOAR open Settings > Integrations, search for ', { code: 'Microsoft Graph Mail Single User' }, ' and click Add instance.'];
  switch (mode.method) {
    case 'xsoar-app':
      return [open, ['Have the ID, Token and Key from the consent page ', { code: 'https://oproxy.demisto.ninja/ms-graph-mail-listener' }, ' at hand; paste them verbatim.']];
    case 'self-deployed':
      return [
        open,
        ['The Azure app registration has a Web platform whose redirect URI is exactly the one below, and the delegated permissions Mail.ReadWrite, Mail.Send, User.Read and MailboxSettings.ReadWrite.'],
        ...(mode.credential === 'certificate' ? [['The matching public certificate (.crt, not the .key) is uploaded under Certificates & secrets > Certificates.'] as RichText] : []),
        ['The authorization code comes from signing in as ', { code: typeof mailbox === 'string' ? mailbox : 'the mailbox user' }, '. It is single-use and expires about 10 minutes after sign-in: fill in the dialog, save and test without a break.'],
      ];
    case 'managed-identity':
      return [open, ['The integration must run where the managed identity exists: an Azure VM (XSOAR 8 and XSIAM: an engine on an Azure VM). Choose that engine in the instance\'s "Run on" box.']];
  }
}

function afterSaveSteps(mode: ParamsMode): RichText[] {
  switch (mode.method) {
    case 'xsoar-app':
      return [
        ['Click Save & exit. Do not use the Test button: in this mode it always answers "Please use !msgraph-mail-test instead".'],
        ['In the War Room or Playground run ', { code: '!msgraph-mail-test' }, '; it answers "✅ Success!".'],
        ['These ID, Token and Key work for this one instance only (the token rotates into the instance). For another instance, consent again and use the new set.'],
        ['If the test fails after you replaced the ID, Token or Key, run ', { code: '!msgraph-mail-auth-reset' }, ', then ', { code: '!msgraph-mail-test' }, ' again.'],
      ];
    case 'self-deployed':
      return [
        ['Click Save & exit. Do not use the Test button: in this mode it always answers "Please use !msgraph-mail-test instead".'],
        ['Right away (the code expires about 10 minutes after sign-in and works once) run ', { code: '!msgraph-mail-test' }, ' in the War Room or Playground; it answers "✅ Success!".'],
        ['If the code expired: run ', { code: '!msgraph-mail-generate-login-url' }, ', open the link, sign in as the mailbox user, copy the text between ', { code: 'code=' }, ' and ', { code: '&session_state' }, ' into the Authorization code box, save, test.'],
        ['If this instance was authenticated before, it ignores a new code until you run ', { code: '!msgraph-mail-auth-reset' }, '; then enter a new code, save and run ', { code: '!msgraph-mail-test' }, '.'],
        ['After changing the app\'s permissions: ', { code: '!msgraph-mail-auth-reset' }, ', a new code, ', { code: '!msgraph-mail-test' }, '.'],
      ];
    case 'managed-identity':
      return [
        ['Click Test: in managed-identity mode the Test button works. Or save and run ', { code: '!msgraph-mail-test' }, ' in the War Room.'],
        [mode.identity === 'user-assigned'
          ? 'If the test fails, check that this user-assigned identity is attached to the VM running the integration and has the Graph permissions.'
          : 'If the test fails, check that the VM running the integration has a system-assigned identity with the Graph permissions.'],
      ];
  }
}
