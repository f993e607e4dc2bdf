import type { ImportFormat } from './import-settings';

/**
 * The format a file claims by its name, refined by its content.
 *
 * A `.json` file is JSON even when it is cut off half-way, so a parse error
 * is reported as "not valid JSON" and not as YAML; a `.yaml`/`.yml` file is
 * YAML even when it starts with `{`. Other names are judged by content.
 */
export function claimedImportFormat(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'params-yaml';
  const looksJson = text.trimStart().startsWith('{');
  if (!lower.endsWith('.json') && !looksJson) return 'params-yaml';
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'data' in value && 'brand' in value) return 'rest';
  } catch {
    // Invalid JSON in a file that claims to be JSON: the JSON parser's message is the useful one.
  }
  return 'params-json';
}
