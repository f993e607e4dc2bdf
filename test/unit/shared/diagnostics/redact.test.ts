import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KnownSecrets, REDACTED, redactText, redactValue } from '../../../../shared/diagnostics/redact';

// Every secret kind the app handles, fed through the redaction layer in the
// shapes it reaches a log: bare, in a sentence, in JSON, in a form body, in a
// header, in a URL.
const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const b64url = (n: number): string => randomBytes(n).toString('base64url');
const jwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${b64url(90)}.${b64url(256)}`;
const KINDS: Readonly<Record<string, string>> = {
  'refresh token (oproxy Token)': `0.AXkA${b64url(300)}`,
  'refresh token (1.A form)': `1.AQ4A${b64url(200)}`,
  'authorization code': `0.AVYAs2${b64url(120)}`,
  'access token (JWT)': jwt,
  'oproxy Key (Base64 AES-256)': randomBytes(32).toString('base64'),
  'oproxy Key (Base64 AES-128)': randomBytes(16).toString('base64'),
  'client secret value': `Qx8Q~${b64url(30).replace(/[-_]/g, 'a')}`,
  'PEM private key': pem,
  'PFX as Base64': randomBytes(1500).toString('base64'),
  'long opaque token': b64url(60),
};

describe('redactText removes each secret kind', () => {
  for (const [kind, secret] of Object.entries(KINDS)) {
    it(`${kind}: bare, in prose, in JSON`, () => {
      for (const text of [secret, `failed with ${secret} (retry)`, JSON.stringify({ note: secret }), `value=${secret}`]) {
        const out = redactText(text);
        expect(out).not.toContain(secret.trim());
        // Not even a 24-character piece survives.
        for (let i = 0; i + 24 <= secret.length; i += 24) expect(out).not.toContain(secret.slice(i, i + 24).trim() || '\u0000');
      }
    });
  }

  it.each(['client_secret', 'client_assertion', 'code', 'refresh_token', 'password', 'code_verifier'])('the form field %s', (name) => {
    const body = `grant_type=authorization_code&${name}=abc123def&redirect_uri=http%3A%2F%2Flocalhost`;
    const out = redactText(body);
    expect(out).toContain(`${name}=${REDACTED}`);
    expect(out).not.toContain('abc123def');
    expect(out).toContain('grant_type=authorization_code');
  });

  it('a query string with code and state', () => {
    const out = redactText('GET http://localhost:53123/?code=short-c0de&state=xyz');
    expect(out).not.toContain('short-c0de');
  });

  it.each([
    'Authorization: Bearer abc.def.ghi',
    'authorization: Basic dXNlcjpwYXNz',
    '{"Authorization":"Bearer tok3n"}',
    'Proxy-Authorization: Negotiate abcdef',
  ])('the header %j', (header) => {
    const out = redactText(header);
    expect(out).toContain(REDACTED);
    expect(out).not.toMatch(/abc\.def|dXNlcjpwYXNz|tok3n|abcdef/);
  });

  it('JSON fields named like secrets, with escaped quotes', () => {
    const out = redactText('{"password":"p\\"ss w0rd","client_secret":"s3cr3t value","mailbox":"soc@contoso.example"}');
    expect(out).not.toMatch(/p\\"ss|s3cr3t/);
    expect(out).toContain('soc@contoso.example');
  });

  it('a PEM block cut off before its END line', () => {
    const cut = pem.slice(0, 200);
    expect(redactText(`key: ${cut}`)).not.toContain(cut.split('\n')[1]);
  });

  it('known secrets are removed verbatim even when they have no recognisable shape', () => {
    const known = new KnownSecrets();
    known.add('plain words secret');
    expect(redactText('the value plain words secret leaked', known)).toBe(`the value ${REDACTED} leaked`);
  });

  it('keeps what diagnostics need: error codes, GUIDs, hosts, paths, ordinary sentences', () => {
    const text = 'settings:import answered import/invalid for tenant 0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f at https://login.microsoftonline.com/common in /home/analyst/.config/Graph Mail Auth Assistant/profiles.json';
    expect(redactText(text)).toBe(text);
    expect(redactText('{"code":"import/invalid","message":"The file cannot be imported."}')).toContain('import/invalid');
  });
});

describe('redactValue (structured log fields)', () => {
  it('replaces secret-named fields whole and keeps others', () => {
    const id = randomUUID();
    const out = redactValue({ clientSecret: 'abc', refreshToken: 'x', password: 'p', privateKeyPem: pem, code: 'import/invalid', authCode: 'c0de', tenant: id, nested: { token: 't', count: 3 } }) as Record<string, unknown>;
    expect(out).toMatchObject({ clientSecret: REDACTED, refreshToken: REDACTED, password: REDACTED, privateKeyPem: REDACTED, code: 'import/invalid', authCode: REDACTED, tenant: id, nested: { token: REDACTED, count: 3 } });
  });

  it('redacts inside error objects', () => {
    const out = redactValue({ error: new Error(`bad token ${KINDS['refresh token (oproxy Token)']}`) });
    expect(JSON.stringify(out)).not.toContain(KINDS['refresh token (oproxy Token)']);
  });
});
