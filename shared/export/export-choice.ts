import { EXPORT_FORMATS, type ExportFormat } from './export-formats';

/** Every format the app and `gma` offer: the text formats plus the encrypted bundle. */
export const EXPORT_CHOICES = [...EXPORT_FORMATS, 'bundle'] as const;

/** One of {@link EXPORT_CHOICES}. */
export type ExportChoice = ExportFormat | 'bundle';

/** People-facing names and one line on who uses each format. */
export const EXPORT_CHOICE_LABELS: Readonly<Record<ExportChoice, { readonly title: string; readonly use: string }>> = Object.freeze({
  rest: { title: 'XSOAR REST body + curl', use: 'PUT /settings/integration on XSOAR 6 or XSOAR 8 / XSIAM, with ready-to-run curl commands.' },
  params: { title: 'Flat parameters (JSON)', use: 'name → value, for scripts and demisto-sdk-style tooling.' },
  'params-yaml': { title: 'Flat parameters (YAML)', use: 'The same as YAML.' },
  'terraform-xsoar': { title: 'Terraform: xsoar_integration_instance', use: 'The badarsebard/xsoar provider (XSOAR 6); secrets as sensitive variables.' },
  'terraform-cortex': { title: 'Terraform: cortex_integration_instance', use: 'The Cortex provider (XSOAR 6 and 8); secrets as sensitive variables.' },
  'checklist-md': { title: 'Manual checklist (Markdown)', use: 'The instance dialog’s fields in order, then what to run after saving.' },
  'checklist-html': { title: 'Manual checklist (printable HTML)', use: 'The same as a page to print.' },
  bundle: { title: 'Encrypted bundle', use: 'Move this profile, secrets included, to another analyst’s machine; protected by a passphrase.' },
});

/** Whether a string names a format. */
export function isExportChoice(value: string): value is ExportChoice {
  return (EXPORT_CHOICES as readonly string[]).includes(value);
}
