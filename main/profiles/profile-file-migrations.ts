/** The schema version this app writes. */
export const PROFILE_FILE_VERSION = 3;

/** A migration from version `from` to `from + 1`, on untyped JSON. */
interface Migration {
  readonly from: number;
  readonly migrate: (file: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Every migration, oldest first. Add one entry per schema change: each
 * step takes the previous version's JSON and returns the next version's,
 * so a file of any older version is brought up to date step by step.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    // Version 0: a bare array of profiles without resume step or expiry
    // date (what an unversioned first cut would have written).
    from: 0,
    migrate: (file) => ({
      schemaVersion: 1,
      profiles: (Array.isArray(file['profiles']) ? file['profiles'] : []).map((p: unknown) => ({
        resumeStep: 'method',
        secretExpiresAt: null,
        notes: '',
        secretFields: [],
        ...(p as Record<string, unknown>),
      })),
    }),
  },
  {
    // Version 1 → 2: one configuration is one profile. The name follows the
    // instance name unless the analyst chose it: a name that already equals the
    // instance name changes nothing by following it, any other was chosen.
    // Passed checks and secret versions start empty (none were recorded).
    from: 1,
    // A file whose `profiles` is not a list stays as it is, so loading still moves it aside as malformed.
    migrate: (file) => ({
      ...file,
      schemaVersion: 2,
      profiles: !Array.isArray(file['profiles']) ? file['profiles'] : file['profiles'].map((p: unknown) => {
        // Only profile-like entries are upgraded; anything else stays as it was, for the loader to set aside unchanged.
        if (typeof p !== 'object' || p === null || Array.isArray(p) || typeof (p as Record<string, unknown>)['draft'] !== 'object') return p;
        const entry = p as Record<string, unknown>;
        const draft = entry['draft'] as { mailbox?: { instanceName?: unknown } } | undefined;
        const instance = typeof draft?.mailbox?.instanceName === 'string' ? draft.mailbox.instanceName.trim() : null;
        return { nameSetByUser: instance === null || entry['name'] !== instance, verifiedChecks: [], secretVersions: {}, ...entry };
      }),
    }),
  },
  {
    // Version 2 → 3: credentials carry their end dates. None was recorded
    // before; the hand-entered date and the certificate's own end still apply.
    from: 2,
    migrate: (file) => ({
      ...file,
      schemaVersion: 3,
      profiles: !Array.isArray(file['profiles']) ? file['profiles'] : file['profiles'].map((p: unknown) =>
        // As in 1 → 2, only profile-like entries are upgraded; anything else stays as it was for the loader to set aside.
        typeof p !== 'object' || p === null || Array.isArray(p) || typeof (p as Record<string, unknown>)['draft'] !== 'object' ? p : { credentialEnds: [], ...(p as Record<string, unknown>) }),
    }),
  },
];

/** Outcome of {@link migrateProfileFile}. */
export type MigrationOutcome =
  | { readonly kind: 'current'; readonly file: Record<string, unknown>; readonly migratedFrom: number | null }
  | { readonly kind: 'too-new'; readonly version: number }
  | { readonly kind: 'unrecognized' };

/** Brings parsed file JSON to {@link PROFILE_FILE_VERSION}. */
export function migrateProfileFile(json: unknown): MigrationOutcome {
  let file: Record<string, unknown>;
  if (Array.isArray(json)) file = { schemaVersion: 0, profiles: json };
  else if (typeof json === 'object' && json !== null) file = json as Record<string, unknown>;
  else return { kind: 'unrecognized' };
  const start = file['schemaVersion'];
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) return { kind: 'unrecognized' };
  if (start > PROFILE_FILE_VERSION) return { kind: 'too-new', version: start };
  let version = start;
  while (version < PROFILE_FILE_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (step === undefined) return { kind: 'unrecognized' };
    file = step.migrate(file);
    version += 1;
  }
  return { kind: 'current', file, migratedFrom: start === PROFILE_FILE_VERSION ? null : start };
}
