/** Where the CLI writes and how it asks; the real process in `gma.ts`, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Environment variables (GMA_BUNDLE_PASSPHRASE, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks for a secret on the terminal without echo, or `null` when there is no terminal. */
  readonly askSecret: (prompt: string) => Promise<string | null>;
  /** Aborted on Ctrl-C, so a long step (an administrator sign-in) stops cleanly. */
  readonly cancel?: AbortSignal;
}
