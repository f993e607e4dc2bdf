import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate authority made for one test run; its files live in `dir` and are deleted with it. */
export interface TestCa {
  readonly dir: string;
  readonly certPath: string;
  readonly keyPath: string;
}

/** A PEM certificate with its private key. */
export interface PemPair {
  readonly certPem: string;
  readonly keyPem: string;
}

/** An app-registration certificate as a test holds it: the private key plus both Entra thumbprints. */
export interface ClientCertificate extends PemPair {
  /** Hex SHA-1 of the DER certificate (what `x5t` carries, base64url-encoded). */
  readonly thumbprintSha1: string;
  /** Hex SHA-256 of the DER certificate (what `x5t#S256` carries). */
  readonly thumbprintSha256: string;
}

function openssl(args: readonly string[], cwd: string): void {
  // stdio ignored: openssl prints key-generation progress we do not need.
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

/** Creates a fresh CA (EC P-256, one day) in `dir`. No key ever leaves the temp directory. */
export function createTestCa(dir: string): TestCa {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=GMA Test Identity Platform CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return { dir, certPath: join(dir, 'ca.crt'), keyPath: join(dir, 'ca.key') };
}

/** Reads a CA created earlier (by the vitest global setup) from `dir`. */
export function openTestCa(dir: string): TestCa {
  return { dir, certPath: join(dir, 'ca.crt'), keyPath: join(dir, 'ca.key') };
}

/** Issues a TLS server certificate for `localhost` and `127.0.0.1`, signed by `ca`. */
export function issueServerCertificate(ca: TestCa): PemPair {
  const work = mkdtempSync(join(tmpdir(), 'gma-idp-server-'));
  try {
    writeFileSync(join(work, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n'
      + 'keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key',
      '-out', 'server.csr', '-subj', '/CN=localhost'], work);
    openssl(['x509', '-req', '-in', 'server.csr', '-CA', ca.certPath, '-CAkey', ca.keyPath, '-CAcreateserial',
      '-CAserial', join(work, 'ca.srl'), '-out', 'server.crt', '-days', '1', '-extfile', 'server.ext'], work);
    return { certPem: readFileSync(join(work, 'server.crt'), 'utf8'), keyPem: readFileSync(join(work, 'server.key'), 'utf8') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Thumbprints of a PEM certificate as Entra shows them (upper-case hex in the portal; lower-case here). */
export function thumbprintsOf(certPem: string): { sha1: string; sha256: string } {
  const der = new X509Certificate(certPem).raw;
  return { sha1: createHash('sha1').update(der).digest('hex'), sha256: createHash('sha256').update(der).digest('hex') };
}

/** Creates a self-signed RSA certificate like one uploaded to an app registration (RSA, as MSAL signs RS256/PS256). */
export function createClientCertificate(commonName = 'gma-test-app'): ClientCertificate {
  const work = mkdtempSync(join(tmpdir(), 'gma-idp-client-'));
  try {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.crt',
      '-days', '1', '-subj', `/CN=${commonName}`], work);
    const certPem = readFileSync(join(work, 'client.crt'), 'utf8');
    const { sha1, sha256 } = thumbprintsOf(certPem);
    return { certPem, keyPem: readFileSync(join(work, 'client.key'), 'utf8'), thumbprintSha1: sha1, thumbprintSha256: sha256 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
