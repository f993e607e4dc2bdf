/**
 * What the analyst typed into inputs whose value has no place in the
 * profile: paste boxes (a private key, a redirect address carrying an
 * authorization code, an oproxy page), passphrases, a chosen file, a secret
 * not stored yet. Kept per profile for the app session only, in this page's
 * memory, so leaving a step or the wizard and coming back restores it;
 * never written to `profiles.json` or anywhere else, and gone when the app
 * closes. Non-secret choices belong in the draft instead (the profile keeps
 * them across restarts).
 */
export class TypedInputMemory {
  private readonly scopes = new Map<string, Map<string, unknown>>();

  /** The value remembered for `key` in `scope`, else `initial`. */
  get<T>(scope: string, key: string, initial: T): T {
    const scoped = this.scopes.get(scope);
    return scoped?.has(key) === true ? (scoped.get(key) as T) : initial;
  }

  /** Remembers `value`. */
  set(scope: string, key: string, value: unknown): void {
    let scoped = this.scopes.get(scope);
    if (scoped === undefined) {
      scoped = new Map();
      this.scopes.set(scope, scoped);
    }
    scoped.set(key, value);
  }

  /** Forgets everything typed for one profile (it was deleted). */
  forget(scope: string): void {
    this.scopes.delete(scope);
  }

  /** Forgets everything ("forget everything"). */
  clear(): void {
    this.scopes.clear();
  }
}

/** The page's one memory of typed input. */
export const typedInputs = new TypedInputMemory();
