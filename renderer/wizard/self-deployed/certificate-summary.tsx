import { useState } from 'react';
import type { SelfDeployedCertificate } from '../../../shared/domain/self-deployed-draft';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Warnings the stored certificate deserves today (expired, or fewer than 30 days left). */
export function expiryWarnings(certificate: SelfDeployedCertificate, now: Date): readonly string[] {
  const daysLeft = Math.floor((Date.parse(certificate.notAfter) - now.getTime()) / DAY_MS);
  if (Number.isNaN(daysLeft)) return [];
  if (daysLeft < 0) return [`This certificate expired ${-daysLeft} day(s) ago; Entra ID refuses it (AADSTS700027). Generate or import a new one.`];
  if (daysLeft < 30) return [`This certificate expires in ${daysLeft} day(s). Plan a new one and upload it before then.`];
  return [];
}

/** The certificate's public facts: what to upload, what XSOAR's thumbprint field takes, and when it expires. */
export function CertificateSummary({ certificate, extraWarnings = [] }: { readonly certificate: SelfDeployedCertificate; readonly extraWarnings?: readonly string[] }) {
  const [now] = useState(() => new Date());
  // The import's own warnings when fresh; after a reload, today's expiry check.
  const warnings = extraWarnings.length > 0 ? extraWarnings : expiryWarnings(certificate, now);
  return (
    <div data-certificate>
      <table className="cert-info">
        <tbody>
          <tr>
            <th>Subject</th>
            <td data-cert-subject>{certificate.subject}</td>
          </tr>
          <tr>
            <th>SHA-1 thumbprint (XSOAR “Certificate Thumbprint”)</th>
            <td>
              <code data-cert-sha1>{certificate.sha1Thumbprint}</code>
            </td>
          </tr>
          <tr>
            <th>SHA-256 thumbprint</th>
            <td>
              <code data-cert-sha256>{certificate.sha256Thumbprint}</code>
            </td>
          </tr>
          <tr>
            <th>Expires</th>
            <td data-cert-not-after>{new Date(certificate.notAfter).toUTCString()}</td>
          </tr>
          <tr>
            <th>Private key</th>
            <td>
              <span className="stored-badge">Stored in keychain</span> (unencrypted PKCS#8 PEM, as the integration needs it)
            </td>
          </tr>
        </tbody>
      </table>
      {warnings.map((w) => (
        <div key={w} className="notice" data-cert-warning>
          {w}
        </div>
      ))}
    </div>
  );
}
