/** How many written files are remembered; older ones can no longer be shown (the panel showing them is long gone). */
const REMEMBERED = 100;

/**
 * The files the export wrote in this run of the app, newest last.
 *
 * "Show in folder" takes a path from the renderer; only a path on this list
 * is acted on, so a compromised page can never make the app open an
 * arbitrary location, only one the analyst just exported to.
 */
export class WrittenExports {
  private readonly paths: string[] = [];

  /** Remembers the files one export wrote (the main file and its companions). */
  remember(files: readonly string[]): void {
    for (const file of files) {
      const known = this.paths.indexOf(file);
      if (known >= 0) this.paths.splice(known, 1);
      this.paths.push(file);
    }
    if (this.paths.length > REMEMBERED) this.paths.splice(0, this.paths.length - REMEMBERED);
  }

  /** Whether the export wrote exactly this path (no normalization: the renderer got these very strings). */
  has(path: string): boolean {
    return this.paths.includes(path);
  }
}
