/**
 * The journal of one credential rotation: where it stands, so that a crash at any point is resumed or rolled back
 * at the next start. Public values only (key ids, thumbprints, names); the new secret or key waits in the keychain.
 */

/** Which credential is rotated. */
export type RotatedCredential = 'client-secret' | 'certificate';

/**
 * The phases, each written (atomically) before its step starts:
 *
 * - `creating`: the new credential is being added in Entra ID (it may exist; it is found by its marker/thumbprint);
 * - `created`: it exists (its key id is known) and its value waits in the keychain's rotation slot;
 * - `updating-xsoar`: the instance is being given the new value (it may have it);
 * - `testing`: the instance has the new value; `!msgraph-mail-test` runs;
 * - `committing`: the test passed — the point of no return: the profile takes the new value, then the old credential
 *   is removed from Entra ID.
 *
 * Before `committing` a crash rolls back (the instance gets the old value again, the new credential is removed);
 * from `committing` on it rolls forward. Either way exactly one credential, known to the app, remains.
 */
export const ROTATION_PHASES = ['creating', 'created', 'updating-xsoar', 'testing', 'committing'] as const;

/** One of {@link ROTATION_PHASES}. */
export type RotationPhase = (typeof ROTATION_PHASES)[number];

/** Public facts of a certificate (what the profile's draft keeps), without the private key. */
export interface JournaledCertificate {
  readonly sha1Thumbprint: string;
  readonly sha256Thumbprint: string;
  readonly subject: string;
  readonly notAfter: string;
  readonly certificatePem: string;
}

/** The journal file's content. */
export interface RotationJournal {
  readonly version: 1;
  readonly rotationId: string;
  readonly profileId: string;
  readonly credential: RotatedCredential;
  readonly phase: RotationPhase;
  readonly startedAt: string;
  /** The Entra ID application (object id) and tenant the credentials belong to. */
  readonly appObjectId: string;
  readonly tenantId: string;
  /** Where the instance lives: the saved XSOAR connection, the instance and the playground the test runs in. */
  readonly connectionId: string;
  readonly instanceName: string;
  readonly playgroundId: string;
  /** The credential being replaced: its Entra key id (secret) or thumbprint (certificate). */
  readonly oldKeyId: string | null;
  readonly oldThumbprint: string | null;
  /** The new credential: the display name it is created with (found by it after a crash), its key id once known. */
  readonly newMarker: string;
  readonly newKeyId: string | null;
  readonly newEndsAt: string | null;
  /** The new certificate's public facts (certificate rotation only). */
  readonly newCertificate: JournaledCertificate | null;
}

/** What a restart does with a journal left behind. */
export type Recovery = 'roll-back' | 'roll-forward';

/** Before `committing` a leftover rotation is undone; from it on, finished. */
export function recoveryOf(journal: Pick<RotationJournal, 'phase'>): Recovery {
  return journal.phase === 'committing' ? 'roll-forward' : 'roll-back';
}

/** True when the XSOAR instance may hold the new value (so a roll-back must give it the old one again). */
export function xsoarMayHoldNew(phase: RotationPhase): boolean {
  return phase === 'updating-xsoar' || phase === 'testing' || phase === 'committing';
}

/** The display name a rotation's new client secret gets: unique, so a crash right after creating it still finds it. */
export function rotationMarker(rotationId: string): string {
  return `xsoar-assistant rotation ${rotationId}`;
}

/** The keychain scope id of a rotation's slot, where its new credential waits until the point of no return. */
export function rotationSlotId(rotationId: string): string {
  return `rotation-${rotationId}`;
}

/**
 * The rotation id a journal file names even when it is not a journal this version can act on (hand-edited, or from
 * a newer version): its slot is still held, so an unreadable journal never lets its new credential become a leftover.
 */
export function rotationIdOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const id = (json as Record<string, unknown>)['rotationId'];
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : null;
}

/** Reads journal JSON; `null` when it is not a journal this version understands. */
export function parseRotationJournal(json: unknown): RotationJournal | null {
  if (typeof json !== 'object' || json === null) return null;
  const j = json as Record<string, unknown>;
  const str = (k: string): boolean => typeof j[k] === 'string';
  const strOrNull = (k: string): boolean => j[k] === null || typeof j[k] === 'string';
  if (j['version'] !== 1 || !ROTATION_PHASES.includes(j['phase'] as RotationPhase) || (j['credential'] !== 'client-secret' && j['credential'] !== 'certificate')) return null;
  if (!['rotationId', 'profileId', 'startedAt', 'appObjectId', 'tenantId', 'connectionId', 'instanceName', 'playgroundId', 'newMarker'].every(str)) return null;
  if (!['oldKeyId', 'oldThumbprint', 'newKeyId', 'newEndsAt'].every(strOrNull)) return null;
  const cert = j['newCertificate'];
  if (cert !== null && (typeof cert !== 'object' || !['sha1Thumbprint', 'sha256Thumbprint', 'subject', 'notAfter', 'certificatePem'].every((k) => typeof (cert as Record<string, unknown>)[k] === 'string'))) return null;
  return json as RotationJournal;
}
