import { describe, expect, it } from 'vitest';
import { prepareExport } from '../../../../shared/export/export-input';
import { detectMode, modeSlug } from '../../../../shared/export/export-mode';
import { buildRestBody } from '../../../../shared/export/rest-body';
import { isPlaceholder, secretSlotsFor } from '../../../../shared/export/secret-fields';
import { findParam, INTEGRATION_BRAND } from '../../../../shared/xsoar/param-table';
import { ParamType } from '../../../../shared/xsoar/param-types';
import { FIXTURE_INSTANCE, FIXTURE_NAMES, FIXTURES, redactedFixture, type FixtureName } from '../../../fixtures/export-fixtures';

function body(name: FixtureName, included: boolean) {
  const prepared = prepareExport({ instanceName: FIXTURE_INSTANCE, params: included ? FIXTURES[name] : redactedFixture(name), secretsIncluded: included });
  if (!prepared.ok) throw new Error(prepared.error.message);
  return buildRestBody(prepared.value);
}

// Which auth parameters each mode may carry; everything else of the auth block must be absent.
const AUTH_PARAMS: Record<FixtureName, readonly string[]> = {
  'xsoar-app': ['creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'self_deployed'],
  'self-deployed-secret': ['creds_auth_id', 'creds_refresh_token', 'creds_enc_key', 'creds_auth_code', 'redirect_uri', 'self_deployed'],
  'self-deployed-certificate': ['creds_auth_id', 'creds_refresh_token', 'creds_certificate', 'creds_auth_code', 'redirect_uri', 'self_deployed'],
  'managed-identity-system-assigned': ['use_managed_identities'],
  'managed-identity-user-assigned': ['use_managed_identities', 'managed_identities_client_id'],
};
const ALL_AUTH = new Set(Object.values(AUTH_PARAMS).flat().concat(['auth_id', 'refresh_token', 'enc_key', 'certificate_thumbprint', 'private_key', 'auth_code']));

describe('REST body for PUT /settings/integration', () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: every data[] entry matches the param table, value shaped by type`, () => {
      const b = body(name, true);
      expect(b.brand).toBe(INTEGRATION_BRAND);
      expect(b.category).toBe('Email');
      expect(b.name).toBe(FIXTURE_INSTANCE);
      expect(b).toMatchObject({ enabled: 'true', id: '', engine: '', isIntegrationScript: true, passwordProtected: false, canSample: true, version: -1 });
      expect(b.incomingMapperId).toBe('Microsoft Graph Mail Single User-mapper');
      expect(b.mappingId).toBe('Microsoft Graph Mail Single User');
      for (const entry of b.data) {
        const def = findParam(entry.name);
        expect(def, entry.name).toBeDefined();
        if (def === undefined) continue;
        expect(entry.type).toBe(def.type);
        expect(entry.display).toBe(def.display);
        expect(entry.required).toBe(def.required);
        expect(entry.hidden).toBe(def.hidden);
        expect(entry.advanced).toBe(def.advanced);
        expect(entry.defaultValue).toBe(def.defaultValue ?? '');
        expect(entry.info).toBe(def.info ?? '');
        expect(entry.options).toEqual([]);
        expect(entry.displaypassword).toBe(def.displaypassword);
        expect(entry.hiddenusername).toBe(def.hiddenusername);
        expect(entry.hasvalue).toBe(true);
        switch (def.type) {
          case ParamType.Auth:
            expect(Object.keys(entry.value as object).sort()).toEqual(['credential', 'identifier', 'password', 'passwordChanged']);
            expect(entry.value).toMatchObject({ credential: '', passwordChanged: false });
            break;
          case ParamType.Boolean:
            expect(typeof entry.value).toBe('boolean');
            break;
          default:
            expect(typeof entry.value).toBe('string');
        }
      }
    });

    it(`${name}: only this mode's auth parameters, no legacy twins, nothing empty`, () => {
      const b = body(name, true);
      const names = b.data.map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
      const auth = names.filter((n) => ALL_AUTH.has(n));
      expect(auth.sort()).toEqual([...AUTH_PARAMS[name]].sort());
      for (const entry of b.data) expect(entry.value).not.toBe('');
      expect(modeSlug(detectMode(FIXTURES[name]))).toBe(name);
    });

    it(`${name}: redacted body carries placeholders in every secret slot and no secret`, () => {
      const b = body(name, false);
      const text = JSON.stringify(b);
      for (const slot of secretSlotsFor(detectMode(FIXTURES[name]))) {
        const entry = b.data.find((d) => d.name === slot.param);
        const value = entry?.value;
        expect(typeof value === 'object' && isPlaceholder(value.password)).toBe(true);
        const secret = (FIXTURES[name] as Record<string, unknown>)[slot.param] as { password: string };
        expect(text).not.toContain(secret.password);
      }
    });
  }

  it('self_deployed is a JSON boolean false in XSOAR-app mode and true in self-deployed mode', () => {
    expect(body('xsoar-app', true).data.find((d) => d.name === 'self_deployed')?.value).toBe(false);
    expect(body('self-deployed-secret', true).data.find((d) => d.name === 'self_deployed')?.value).toBe(true);
  });

  it('puts the thumbprint in identifier and the PEM in password', () => {
    const cert = body('self-deployed-certificate', true).data.find((d) => d.name === 'creds_certificate');
    expect(cert?.value).toMatchObject({ identifier: '0123456789ABCDEF0123456789ABCDEF01234567' });
    expect(cert?.value).toHaveProperty('password');
    expect((cert?.value as { password: string } | undefined)?.password).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });
});
