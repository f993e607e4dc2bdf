import { describe, expect, it } from 'vitest';
import type { InstanceParams } from '../../../../shared/settings/build-instance-params';
import { exportSettings } from '../../../../shared/export/export-formats';
import { hclString } from '../../../../shared/export/terraform';
import { FIXTURE_INSTANCE, FIXTURE_NAMES, FIXTURES, redactedFixture } from '../../../fixtures/export-fixtures';

const SECRET_VARS: Record<string, readonly string[]> = {
  'xsoar-app': ['refresh_token', 'enc_key'],
  'self-deployed-secret': ['enc_key', 'auth_code'],
  'self-deployed-certificate': ['private_key', 'auth_code'],
  'managed-identity-system-assigned': [],
};

function xsoarConfigBlock(params: InstanceParams): string {
  const r = exportSettings('terraform-xsoar', { instanceName: FIXTURE_INSTANCE, params, secretsIncluded: true });
  if (!r.ok) throw new Error(r.error.message);
  const tf = r.value.files[0]?.text ?? '';
  return tf.slice(tf.indexOf('config = {'));
}

describe('Terraform export', () => {
  for (const provider of ['terraform-xsoar', 'terraform-cortex'] as const) {
    for (const name of FIXTURE_NAMES.filter((n) => n !== 'managed-identity-user-assigned')) {
      it(`${provider} ${name}: string-only config with legacy params, secrets only as sensitive variables`, () => {
        const r = exportSettings(provider, { instanceName: FIXTURE_INSTANCE, params: FIXTURES[name], secretsIncluded: true });
        if (!r.ok) throw new Error(r.error.message);
        const [main, tfvars] = r.value.files;
        const tf = main?.text ?? '';
        const config = tf.slice(tf.indexOf('config = {'));
        expect(config).not.toMatch(/creds_/);
        for (const line of config.split('\n').slice(1, -3)) expect(line).toMatch(/^ {4}\w+ +=( "[^"]*"| var\.\w+)$/);
        const vars = SECRET_VARS[name] ?? [];
        for (const v of vars) {
          expect(tf).toContain(`variable "${v}" {\n  type        = string\n  sensitive   = true`);
          expect(config).toMatch(new RegExp(`\\n {4}${v} += var\\.${v}\\n`));
        }
        expect([...tf.matchAll(/sensitive {3}= true/g)]).toHaveLength(vars.length);
        // Every secret value sits in terraform.tfvars and nowhere in main.tf.
        for (const [, key, value] of (tfvars?.text ?? '').matchAll(/^(\w+) += (".*")$/gm)) {
          expect(vars).toContain(key);
          expect(tf).not.toContain(value?.slice(1, -1) ?? 'never');
        }
        expect(main?.containsSecrets).toBe(false);
        if (vars.length === 0) expect(tfvars).toBeUndefined();
        else expect(tfvars).toMatchObject({ fileName: 'terraform.tfvars', containsSecrets: true });
      });
    }
  }

  it('leaves out false values of self_deployed, insecure and proxy (plain truthiness), keeps true ones', () => {
    expect(xsoarConfigBlock(FIXTURES['xsoar-app'])).not.toMatch(/\b(self_deployed|insecure|proxy)\b/);
    expect(xsoarConfigBlock(FIXTURES['xsoar-app'])).toContain('legacy_name             = "false"');
    expect(xsoarConfigBlock({ ...FIXTURES['self-deployed-secret'], proxy: true })).toMatch(/self_deployed += "true"[\s\S]*proxy += "true"/);
  });

  it('writes terraform.tfvars.example with placeholders when secrets are excluded', () => {
    const r = exportSettings('terraform-xsoar', { instanceName: FIXTURE_INSTANCE, params: redactedFixture('self-deployed-secret'), secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    const example = r.value.files[1];
    expect(example).toMatchObject({ fileName: 'terraform.tfvars.example', containsSecrets: false });
    expect(example?.text).toContain('enc_key   = "<stored in keychain: profile \\"SOC mailbox (test)\\", field client-secret>"');
  });

  it('refuses a user-assigned managed identity with the reason', () => {
    for (const provider of ['terraform-xsoar', 'terraform-cortex'] as const) {
      const r = exportSettings(provider, { instanceName: FIXTURE_INSTANCE, params: FIXTURES['managed-identity-user-assigned'], secretsIncluded: true });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('export/unsupported');
      expect(r.error.message).toContain('no plain-string twin');
    }
  });

  it('escapes HCL so that no value is evaluated', () => {
    expect(hclString('a"b\\c\n${var.x}%{if}')).toBe('"a\\"b\\\\c\\n$${var.x}%%{if}"');
    const r = exportSettings('terraform-cortex', { instanceName: 'evil ${file("/etc/passwd")} "x"', params: FIXTURES['managed-identity-system-assigned'], secretsIncluded: false });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.files[0]?.text).toContain('name               = "evil $${file(\\"/etc/passwd\\")} \\"x\\""');
  });
});
