/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured details of a log line; secret-named fields and secret-shaped strings are redacted before writing. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Where services write diagnostics. The app and `gma` give a redacting,
 * bounded file log (`main/diagnostics/rotating-file-log.ts`); tests may give
 * {@link NULL_LOGGER} or a recording one.
 *
 * Implementations must redact before anything leaves the process, so a
 * caller can never leak a secret through a log by mistake; callers still
 * log codes and counts rather than values.
 */
export interface Logger {
  log(level: LogLevel, component: string, message: string, fields?: LogFields): void;
}

/** A logger that drops everything. */
export const NULL_LOGGER: Logger = Object.freeze({ log: () => undefined });

/** Convenience: a logger bound to one `[Component]`. */
export interface ComponentLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Binds `logger` to `component`, so call sites read `log.warn('…')`. */
export function forComponent(logger: Logger, component: string): ComponentLogger {
  return {
    debug: (m, f) => logger.log('debug', component, m, f),
    info: (m, f) => logger.log('info', component, m, f),
    warn: (m, f) => logger.log('warn', component, m, f),
    error: (m, f) => logger.log('error', component, m, f),
  };
}

/** A {@link Logger} whose recent lines can be read back (for the diagnostics report). */
export interface DiagnosticsLog extends Logger {
  /** The last `count` lines written (already redacted), oldest first. */
  tail(count: number): string[];
  /** The folder holding the log files. */
  readonly folder: string;
}
