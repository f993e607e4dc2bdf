import type { MailboxDraft } from '../../../shared/domain/profile-draft';
import { fieldRequired } from '../../../shared/wizard/required-fields';
import { fieldError } from '../../../shared/wizard/wizard-selectors';
import { CheckboxField, TextField } from '../../components/fields';
import type { EditingStepProps } from './step-props';

type TextKey = { [K in keyof MailboxDraft]: MailboxDraft[K] extends string ? K : never }[keyof MailboxDraft];
type BoolKey = { [K in keyof MailboxDraft]: MailboxDraft[K] extends boolean ? K : never }[keyof MailboxDraft];

/** Step: the Connect/Collect parameters every method shares, with XSOAR's labels. */
export function MailboxStep({ state, dispatch }: EditingStepProps) {
  const m = state.draft.mailbox;
  const text = (key: TextKey, label: string, param: string | undefined, hint?: string, placeholder?: string) => (
    <TextField
      name={`mailbox.${key}`}
      label={label}
      param={param}
      value={m[key]}
      hint={hint}
      placeholder={placeholder}
      error={fieldError(state, `mailbox.${key}`)}
      required={fieldRequired(state, `mailbox.${key}`)}
      onChange={(value) => dispatch({ type: 'mailbox-changed', patch: { [key]: value } })}
    />
  );
  const check = (key: BoolKey, label: string, param: string, hint?: string) => (
    <CheckboxField name={`mailbox.${key}`} label={label} param={param} checked={m[key]} hint={hint} onChange={(value) => dispatch({ type: 'mailbox-changed', patch: { [key]: value } })} />
  );
  return (
    <div className="form-grid">
      <h3>Instance</h3>
      {text('instanceName', 'Instance name', undefined, 'The name of the instance in XSOAR; used for the export file name.')}
      {text('mailboxToFetch', 'Email address to associate for this integration.', 'mailbox_to_fetch', 'The single mailbox used by fetch and every command. For delegated sign-in, sign in as this mailbox.', 'soc-mailbox@contoso.com')}
      <h3>Collect</h3>
      {check('isFetch', 'Fetch incidents', 'isFetch')}
      {text('folderToFetch', 'Name of the folder from which to fetch incidents (supports Folder ID and sub-folders e.g., Inbox/Phishing)', 'folder_to_fetch', 'A well-known name (Inbox, Archive, Junk Email, …), a folder ID, or a path such as Inbox/Phishing.')}
      {text('firstFetch', 'First fetch timestamp (<number> <time unit>, e.g., 12 hours, 7 days)', 'first_fetch')}
      {text('fetchLimit', 'Maximum number of emails to pull per fetch', 'fetch_limit')}
      {text('incidentFetchInterval', 'Incidents Fetch Interval', 'incidentFetchInterval', 'Minutes between fetches.')}
      {text('incidentType', 'Incident type', 'incidentType', 'Optional; leave empty to use the classifier.')}
      {check('fetchHtmlFormatting', 'Fetch emails in HTML format', 'fetch_html_formatting')}
      {check('displayFullEmailBody', 'Display full email body', 'display_full_email_body')}
      {check('markFetchedRead', 'Mark fetched emails as read', 'mark_fetched_read')}
      {check('legacyName', 'Use legacy attachment name', 'legacy_name')}
      <h3>Connect</h3>
      {check('insecure', 'Trust any certificate (not secure)', 'insecure', 'Leave off unless a TLS-inspecting proxy breaks certificate checks.')}
      {check('proxy', 'Use system proxy settings', 'proxy')}
    </div>
  );
}
