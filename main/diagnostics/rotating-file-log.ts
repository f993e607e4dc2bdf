import { appendFileSync, chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { KnownSecrets, redactText, redactValue } from '../../shared/diagnostics/redact';
import type { DiagnosticsLog, LogFields, LogLevel } from '../ports/logger';

/** Limits of the log folder. */
export interface RotatingLogLimits {
  /** A file is rotated once it would grow past this many bytes. */
  readonly maxFileBytes: number;
  /** Rotated files kept besides the current one (`gma.1.log` … `gma.N.log`). */
  readonly keepFiles: number;
}

/** 512 KiB per file, two older files: at most 1.5 MiB of diagnostics. */
export const DEFAULT_LOG_LIMITS: RotatingLogLimits = Object.freeze({ maxFileBytes: 512 * 1024, keepFiles: 2 });

/** The log folder inside the app data folder. */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** Name of the current log file. */
export const LOG_FILE = 'gma.log';

/** Longest line kept; a longer one is cut (a runaway message must not push everything else out). */
const MAX_LINE_CHARS = 4096;

/**
 * The app's and `gma`'s diagnostics log: JSON lines in `<data>/logs/gma.log`,
 * redacted before writing, bounded and rotating.
 *
 * Each line is `{"t": ISO time, "level", "source": "app" | "cli", "pid",
 * "component", "msg", "fields"?}`. Message and fields pass through
 * {@link redactText}/{@link redactValue} (plus the process's
 * {@link KnownSecrets}) first. When a write would pass
 * {@link RotatingLogLimits.maxFileBytes}, `gma.log` becomes `gma.1.log` (and
 * so on, the oldest dropped). Writes are synchronous appends of one line:
 * `gma` exits right after its work, and the app and `gma` may write at the
 * same time (O_APPEND keeps lines whole). The folder is 0700, files 0600.
 * A failing disk never breaks the caller: logging errors are swallowed.
 */
export class RotatingFileLog implements DiagnosticsLog {
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly source: 'app' | 'cli',
    private readonly known: KnownSecrets = new KnownSecrets(),
    private readonly limits: RotatingLogLimits = DEFAULT_LOG_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(dir, LOG_FILE);
  }

  log(level: LogLevel, component: string, message: string, fields?: LogFields): void {
    try {
      const entry = {
        t: this.now().toISOString(),
        level,
        source: this.source,
        pid: process.pid,
        component: redactText(component, this.known).slice(0, 64),
        msg: redactText(message, this.known),
        ...(fields === undefined ? {} : { fields: redactValue(fields, this.known) }),
      };
      let line = JSON.stringify(entry);
      // JSON escaping can turn a secret into a different-looking string (quotes, line breaks): redact the line too.
      line = redactText(line, this.known);
      if (line.length > MAX_LINE_CHARS) line = JSON.stringify({ t: entry.t, level, source: this.source, pid: process.pid, component: entry.component, msg: `${entry.msg.slice(0, 1000)}… (line cut)` });
      this.append(`${line}\n`);
    } catch {
      // Diagnostics must never take the app down (a full disk, a read-only folder).
    }
  }

  /** The last `count` lines over the current and rotated files, oldest first (already redacted when written). */
  tail(count: number): string[] {
    const files = [...Array.from({ length: this.limits.keepFiles }, (_, i) => join(this.dir, `gma.${this.limits.keepFiles - i}.log`)), this.file];
    const lines: string[] = [];
    for (const f of files) {
      try {
        lines.push(...readTail(f, this.limits.maxFileBytes).split('\n').filter((l) => l !== ''));
      } catch {
        // A missing file is simply empty.
      }
    }
    return lines.slice(-count);
  }

  /** The folder holding the log files. */
  get folder(): string {
    return this.dir;
  }

  private append(text: string): void {
    if (!existsSync(this.dir)) mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    let size = 0;
    try {
      size = statSync(this.file).size;
    } catch {
      size = 0;
    }
    if (size > 0 && size + Buffer.byteLength(text) > this.limits.maxFileBytes) this.rotate();
    appendFileSync(this.file, text, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  private rotate(): void {
    const oldest = join(this.dir, `gma.${this.limits.keepFiles}.log`);
    if (existsSync(oldest)) unlinkSync(oldest);
    for (let i = this.limits.keepFiles - 1; i >= 1; i -= 1) {
      const from = join(this.dir, `gma.${i}.log`);
      if (existsSync(from)) renameSync(from, join(this.dir, `gma.${i + 1}.log`));
    }
    if (this.limits.keepFiles >= 1) renameSync(this.file, join(this.dir, 'gma.1.log'));
    else unlinkSync(this.file);
  }
}

// Reads at most `max` bytes from the end of a file (a log is bounded, but a hand-edited one need not be).
function readTail(path: string, max: number): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= max) return readFileSync(fd, 'utf8');
    const buffer = Buffer.alloc(max);
    readSync(fd, buffer, 0, max, size - max);
    const text = buffer.toString('utf8');
    return text.slice(text.indexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
}
