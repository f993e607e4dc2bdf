import type { ParamIssue } from './param-issues';

/** Shortest value worth scrubbing: shorter ones (`true`, `50`) would mangle ordinary words. */
const MIN_SCRUBBED_LENGTH = 8;

/**
 * Every value a settings object holds in a credential's `password` (and the
 * hidden legacy secret parameters), whatever method the file claims. A file
 * whose method is misread still keeps its secrets in these places.
 */
export function candidateSecretValues(raw: Readonly<Record<string, unknown>>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'object' && value !== null && typeof (value as { password?: unknown }).password === 'string') {
      values.push((value as { password: string }).password);
    } else if (typeof value === 'string' && LEGACY_SECRETS.has(name)) values.push(value);
  }
  return values.flatMap((v) => [v, v.trim()]).filter((v) => v.length >= MIN_SCRUBBED_LENGTH);
}

const LEGACY_SECRETS = new Set(['auth_id', 'refresh_token', 'enc_key', 'private_key', 'auth_code']);

/**
 * Removes any of `secrets` from `text` (longest first), and any piece of one
 * long enough to identify it. A safety net under the rule that messages
 * never quote a secret field: a rule that quotes a value it believed public
 * cannot leak a secret that landed in the wrong field.
 */
export function scrubSecretValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join('[secret]');
    // An excerpt (the first characters of a long value) identifies it as well.
    const head = secret.slice(0, 16);
    if (head.length >= MIN_SCRUBBED_LENGTH * 2 && out.includes(head)) out = out.split(head).join('[secret]');
  }
  return out;
}

/** {@link scrubSecretValues} over every issue's message. */
export function scrubIssues(issues: readonly ParamIssue[], secrets: readonly string[]): ParamIssue[] {
  if (secrets.length === 0) return [...issues];
  return issues.map((i) => ({ ...i, message: scrubSecretValues(i.message, secrets) }));
}
