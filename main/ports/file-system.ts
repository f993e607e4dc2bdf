/**
 * The file operations services need. Node's `fs` implements it in the app
 * and in tests alike; the interface exists so crash-safety can be tested.
 */
export interface FileSystem {
  /**
   * Replaces `path` atomically with `data`, readable only by the user (0600):
   * write a temporary file beside it, fsync, rename. A crash at any point
   * leaves either the old or the new content, never a mix.
   */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** Reads a whole file as UTF-8, or `null` when it does not exist. */
  readTextFile(path: string): Promise<string | null>;
  /** Reads a whole file as bytes, or `null` when it does not exist. */
  readFileBytes(path: string): Promise<Uint8Array | null>;
  /** Renames a file (same folder); used to move a damaged file aside. */
  rename(from: string, to: string): Promise<void>;
  /** Creates a folder and its parents, readable only by the user (0700). */
  ensureDir(path: string): Promise<void>;
  /** The names in a folder, or `[]` when it does not exist. */
  listDir(path: string): Promise<string[]>;
  /** Deletes a file; no error when it is already gone. */
  remove(path: string): Promise<void>;
}
