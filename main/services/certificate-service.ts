import { SecretField, type ProfileSecretField } from '../../shared/domain/secret-field';
import type { SelfDeployedCertificate } from '../../shared/domain/self-deployed-draft';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { ok, fail, type Result } from '../../shared/result';
import type { CertificateBundle } from '../certs/certificate-types';
import { importPemPair } from '../certs/pem-import';
import { importPkcs12 } from '../certs/pkcs12-import';
import { generateSelfSignedCertificate, type RsaKeySize } from '../certs/self-signed-generator';
import type { Clock } from '../ports/clock';
import type { FileSystem } from '../ports/file-system';
import type { SaveDialog } from '../ports/save-dialog';
import type { SecretsService } from './secrets-service';

/** What the renderer learns about a certificate: public facts only, never the key. */
export interface CertificateStored {
  readonly certificate: SelfDeployedCertificate;
  /** Plain-language warnings (expires within 30 days, expired, not yet valid, small key). */
  readonly warnings: readonly string[];
  readonly keyBits: number;
  readonly selfSigned: boolean;
  readonly secretFields: readonly ProfileSecretField[];
}

/** Largest PFX accepted (a key and a long chain fit in a few kilobytes). */
export const MAX_PFX_BYTES = 64 * 1024;

/**
 * Certificates for the self-deployed app: import (PEM pair or PKCS#12) or generate, then keep the private
 * key in the keychain (through {@link SecretsService}, so it is recorded on the profile) and hand back only
 * the public half. Saving the public certificate for upload to Entra ID goes through the save dialog.
 */
export class CertificateService {
  constructor(
    private readonly secrets: SecretsService,
    private readonly saveDialog: SaveDialog,
    private readonly fs: FileSystem,
    private readonly clock: Clock,
  ) {}

  /** A PEM private key (PKCS#8, PKCS#1, encrypted or not) and its certificate. */
  importPem(profileId: string, privateKeyText: string, certificateText: string, passphrase?: string): Promise<Result<CertificateStored>> {
    const bundle = importPemPair({ privateKeyText, certificateText, now: this.clock.now(), ...(passphrase ? { passphrase } : {}) });
    return this.keep(profileId, bundle);
  }

  /** A PKCS#12/PFX file (base64 over IPC) and its passphrase. */
  importPfx(profileId: string, pfxBase64: string, passphrase: string): Promise<Result<CertificateStored>> {
    const bytes = Buffer.from(pfxBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_PFX_BYTES) {
      return Promise.resolve(fail(appError(ErrorCode.CertInvalidPkcs12, 'This file is empty or too large for a PFX certificate file.')));
    }
    return this.keep(profileId, importPkcs12(new Uint8Array(bytes), passphrase, this.clock.now()));
  }

  /** A new RSA key and self-signed certificate. */
  async generate(profileId: string, commonName: string, validityDays: number, keySize: RsaKeySize): Promise<Result<CertificateStored>> {
    return this.keep(profileId, await generateSelfSignedCertificate({ commonName, validityDays, keySize, now: this.clock.now() }));
  }

  /** Saves the public certificate (PEM, what Entra ID's "Upload certificate" takes as .cer/.crt). */
  async savePublic(certificatePem: string, suggestedName: string): Promise<Result<{ readonly status: 'saved'; readonly path: string } | { readonly status: 'cancelled' }>> {
    if (!/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/.test(certificatePem.trim()) || /PRIVATE KEY/.test(certificatePem)) {
      return fail(appError(ErrorCode.CertNotACertificate, 'Only a public certificate can be saved here.'));
    }
    const base = suggestedName.trim().replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'certificate';
    const path = await this.saveDialog.chooseSavePath({
      title: 'Save the public certificate for Entra ID',
      defaultFileName: `${base}.crt`,
      filters: [{ name: 'Certificate', extensions: ['crt', 'cer', 'pem'] }],
    });
    if (path === null) return ok({ status: 'cancelled' });
    try {
      await this.fs.writeFileAtomic(path, `${certificatePem.trim()}\n`);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return fail(appError(ErrorCode.ExportWriteFailed, `Could not write ${path} (${reason}). Choose a folder you can write to.`, { retryable: true }));
    }
    return ok({ status: 'saved', path });
  }

  private async keep(profileId: string, bundle: Result<CertificateBundle>): Promise<Result<CertificateStored>> {
    if (!bundle.ok) return bundle;
    const { privateKeyPem, certificatePem, info } = bundle.value;
    const stored = await this.secrets.set(profileId, SecretField.SelfDeployedPrivateKey, privateKeyPem);
    if (!stored.ok) return stored;
    return ok({
      certificate: { sha1Thumbprint: info.sha1Thumbprint, sha256Thumbprint: info.sha256Thumbprint, subject: info.subject, notAfter: info.notAfter, certificatePem },
      warnings: info.warnings,
      keyBits: info.keyBits,
      selfSigned: info.selfSigned,
      secretFields: stored.value.secretFields,
    });
  }
}
