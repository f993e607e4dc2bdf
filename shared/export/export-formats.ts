import { fail, ok, type Result } from '../result';
import { buildChecklistModel } from './checklist-model';
import { renderChecklistHtml } from './checklist-html';
import { renderChecklistMarkdown } from './checklist-markdown';
import { buildCurlScript } from './curl-examples';
import { fileStem, prepareExport, type CheckedExport, type ExportArtifact, type ExportFile, type ExportInput } from './export-input';
import { renderFlatJson, renderFlatYaml } from './flat-params';
import { buildRestBody, type RestBodyOptions } from './rest-body';
import { buildTerraform } from './terraform';

/**
 * The text export formats (the encrypted bundle is separate: it needs Node
 * crypto and lives in `main/bundle/`). Values match the `gma export --format` names.
 */
export const ExportFormat = Object.freeze({
  Rest: 'rest',
  Params: 'params',
  ParamsYaml: 'params-yaml',
  TerraformXsoar: 'terraform-xsoar',
  TerraformCortex: 'terraform-cortex',
  ChecklistMd: 'checklist-md',
  ChecklistHtml: 'checklist-html',
} as const);

/** One of the values of {@link ExportFormat}. */
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];

/** Every text format, in the order the UI offers them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = Object.values(ExportFormat);

/** Options that only some formats use. */
export type ExportOptions = RestBodyOptions;

/**
 * Exports checked-or-not settings in one format.
 *
 * Runs the shared rule book first (every problem listed, `config/invalid`);
 * Terraform may refuse with `export/unsupported`. The first file of the
 * artifact is the main one; the REST format adds the curl script beside it.
 */
export function exportSettings(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): Result<ExportArtifact> {
  const prepared = prepareExport(input);
  if (!prepared.ok) return prepared;
  const checked = prepared.value;
  const files = renderFiles(format, checked, options);
  if (!files.ok) return files;
  return ok({ files: files.value, warnings: checked.warnings });
}

function renderFiles(format: ExportFormat, checked: CheckedExport, options: ExportOptions): Result<readonly ExportFile[]> {
  const stem = fileStem(checked.instanceName);
  const secret = checked.secretsIncluded && hasSecrets(checked);
  switch (format) {
    case ExportFormat.Rest: {
      const bodyFileName = `${stem}.xsoar-instance.json`;
      return ok([
        { fileName: bodyFileName, mediaType: 'application/json', text: `${JSON.stringify(buildRestBody(checked, options), null, 2)}\n`, containsSecrets: secret },
        { fileName: `${stem}.xsoar-instance.curl.sh`, mediaType: 'text/x-shellscript', text: buildCurlScript({ instanceName: checked.instanceName, bodyFileName, mode: checked.mode }), containsSecrets: false },
      ]);
    }
    case ExportFormat.Params:
      return ok([{ fileName: `${stem}.params.json`, mediaType: 'application/json', text: renderFlatJson(checked.params), containsSecrets: secret }]);
    case ExportFormat.ParamsYaml:
      return ok([{ fileName: `${stem}.params.yaml`, mediaType: 'application/yaml', text: renderFlatYaml(checked.params), containsSecrets: secret }]);
    case ExportFormat.TerraformXsoar:
      return buildTerraform(checked, 'xsoar');
    case ExportFormat.TerraformCortex:
      return buildTerraform(checked, 'cortex');
    case ExportFormat.ChecklistMd:
      return ok([{ fileName: `${stem}.checklist.md`, mediaType: 'text/markdown', text: renderChecklistMarkdown(buildChecklistModel(checked)), containsSecrets: secret }]);
    case ExportFormat.ChecklistHtml:
      return ok([{ fileName: `${stem}.checklist.html`, mediaType: 'text/html', text: renderChecklistHtml(buildChecklistModel(checked)), containsSecrets: secret }]);
    default:
      return fail({ code: 'export/unsupported', message: `Unknown export format "${String(format)}".` });
  }
}

function hasSecrets(checked: CheckedExport): boolean {
  return checked.mode.method !== 'managed-identity';
}
