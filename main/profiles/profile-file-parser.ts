import { createHash } from 'node:crypto';
import { normalizeDraft, ProfileSchema } from '../../shared/domain/profile-schema';
import type { Profile } from '../../shared/domain/profile';
import { migrateProfileFile } from './profile-file-migrations';

/**
 * A profile entry that failed its schema, kept in the file's `damaged`
 * list (outside `profiles`, so no version of the app loads it as a profile)
 * until the user exports or deletes it.
 */
export interface DamagedEntry {
  /** Stable handle: a hash of the entry's JSON. */
  readonly key: string;
  /** Why it was set aside, in plain language. */
  readonly reason: string;
  /** When it was first set aside (ISO 8601). */
  readonly setAsideAt: string;
  /** The entry exactly as it was in the file. */
  readonly entry: unknown;
}

/** What a profiles file holds, or why it cannot be used. */
export type ParsedProfileFile =
  | { readonly kind: 'ok'; readonly profiles: readonly Profile[]; readonly damaged: readonly DamagedEntry[]; readonly newlyDamaged: number; readonly migratedFrom: number | null }
  | { readonly kind: 'unreadable'; readonly why: string }
  | { readonly kind: 'too-new'; readonly version: number };

/** The key of a damaged entry: the first 16 hex digits of the SHA-256 of its JSON. */
export function damagedKey(entry: unknown): string {
  return createHash('sha256').update(JSON.stringify(entry) ?? 'undefined').digest('hex').slice(0, 16);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads profiles-file text. One entry that fails the profile schema (or
 * repeats another entry's id) is set aside on its own; only text that is
 * not JSON, or JSON that is not a profiles file at all, makes the whole
 * file unusable.
 */
export function parseProfileFile(text: string, now: string): ParsedProfileFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', why: 'it is not valid JSON (perhaps truncated)' };
  }
  const migrated = migrateProfileFile(json);
  if (migrated.kind === 'too-new') return migrated;
  if (migrated.kind === 'unrecognized') return { kind: 'unreadable', why: 'its format is not recognised' };
  const raw = migrated.file['profiles'];
  if (!Array.isArray(raw)) return { kind: 'unreadable', why: 'it has no list of profiles' };
  const damaged: DamagedEntry[] = readDamagedList(migrated.file['damaged'], now);
  const profiles: Profile[] = [];
  let newlyDamaged = 0;
  for (const entry of raw as unknown[]) {
    const draft = normalizeDraft(isRecord(entry) ? entry['draft'] : undefined);
    const parsed = ProfileSchema.safeParse(draft === null || !isRecord(entry) ? entry : { ...entry, draft });
    let reason: string | null = null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reason = `it does not match the profile format (${issue === undefined ? 'unknown problem' : `${issue.path.join('.') || 'entry'}: ${issue.message}`})`;
    } else if (profiles.some((p) => p.id === parsed.data.id)) {
      reason = 'another profile in the file has the same id';
    }
    if (reason === null && parsed.success) {
      profiles.push(parsed.data);
    } else {
      newlyDamaged += 1;
      damaged.push({ key: damagedKey(entry), reason: reason ?? 'it could not be read', setAsideAt: now, entry });
    }
  }
  return { kind: 'ok', profiles, damaged, newlyDamaged, migratedFrom: migrated.migratedFrom };
}

// Entries set aside earlier. Whatever shape they have now, they are kept.
function readDamagedList(value: unknown, now: string): DamagedEntry[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item: unknown) => {
    const wellFormed = isRecord(item) && typeof item['reason'] === 'string' && typeof item['setAsideAt'] === 'string' && 'entry' in item;
    const entry = wellFormed ? item['entry'] : item;
    return {
      key: damagedKey(entry),
      reason: wellFormed ? (item['reason'] as string) : 'it was found in the list of damaged entries in an unexpected form',
      setAsideAt: wellFormed ? (item['setAsideAt'] as string) : now,
      entry,
    };
  });
}

/** The file's text for `profiles` and `damaged` (the `damaged` key only when there is something in it). */
export function serializeProfileFile(version: number, profiles: readonly Profile[], damaged: readonly DamagedEntry[]): string {
  const file: Record<string, unknown> = { schemaVersion: version, profiles };
  if (damaged.length > 0) file['damaged'] = damaged.map((d) => ({ reason: d.reason, setAsideAt: d.setAsideAt, entry: d.entry }));
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What the profiles screen shows of a damaged entry (best effort: its name and id if they can be read). */
export interface DamagedEntrySummary {
  readonly key: string;
  readonly reason: string;
  readonly setAsideAt: string;
  readonly name: string | null;
  readonly profileId: string | null;
}

/** Summarizes a damaged entry for the list. */
export function summarizeDamaged(d: DamagedEntry): DamagedEntrySummary {
  const e = isRecord(d.entry) ? d.entry : {};
  const name = typeof e['name'] === 'string' ? e['name'].slice(0, 200) : null;
  const id = typeof e['id'] === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(e['id']) ? e['id'] : null;
  return { key: d.key, reason: d.reason, setAsideAt: d.setAsideAt, name, profileId: id };
}
