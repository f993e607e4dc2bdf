/** The fewest leading characters of an id the list shows (a UUID's first group). */
export const SHORT_ID_LENGTH = 8;

/**
 * For each profile whose name another profile also has (compared without
 * case), the start of its id that tells it from those namesakes; profiles
 * with a name of their own are absent.
 *
 * Names the wizard derives from the instance name are made distinct by the
 * services, but names the analyst chose (or gave twice) may repeat: the
 * list then shows this id beside the name, so two profiles can always be
 * told apart. The id is stable (it never changes with a rename) and is what
 * `gma profiles list` prints in full.
 */
export function distinguishingIds(profiles: ReadonlyArray<{ readonly id: string; readonly name: string }>): ReadonlyMap<string, string> {
  const byName = new Map<string, string[]>();
  for (const p of profiles) {
    const key = p.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), p.id]);
  }
  const shown = new Map<string, string>();
  for (const ids of byName.values()) {
    if (ids.length < 2) continue;
    // Ids are unique, so some length tells them apart; UUIDs almost always differ in the first group.
    let length = SHORT_ID_LENGTH;
    while (new Set(ids.map((id) => id.slice(0, length))).size < ids.length) length += 1;
    for (const id of ids) shown.set(id, id.slice(0, length));
  }
  return shown;
}
