/**
 * How the assistant treats a Microsoft Graph answer while it writes an app registration (spec B1 "Replication /
 * eventual consistency" and B4): Entra ID accepts a write and replicates it asynchronously, so the first reads
 * after it may miss the new object. Pure: the client applies it.
 */

/** What to do with one answer. */
export type GraphAnswerKind =
  /** 2xx. */
  | 'success'
  /** The object is not visible yet (404 `Request_ResourceNotFound`, 400 `NoBackingApplicationObject`, …): retry with backoff. */
  | 'replicating'
  /** 429 / 503 / 504: retry after `Retry-After` (or the backoff). */
  | 'throttled'
  /** A create answered 404 `Directory_ObjectNotFound`: it may have been written; read back before posting again. */
  | 'ambiguous-write'
  /** Anything else: report it. */
  | 'final';

/** The parts of an answer the policy looks at: never the message. */
export interface GraphAnswerShape {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly status: number;
  /** `error.code`. */
  readonly code: string | null;
  /** `error.details[].code` (e.g. `NoBackingApplicationObject`). */
  readonly detailCodes: readonly string[];
}

/** Classifies one answer. */
export function classifyGraphAnswer(answer: GraphAnswerShape): GraphAnswerKind {
  const { method, status, code, detailCodes } = answer;
  if (status >= 200 && status < 300) return 'success';
  if (status === 429 || status === 503 || status === 504) return 'throttled';
  if (status === 400 && detailCodes.includes('NoBackingApplicationObject')) return 'replicating';
  if (status === 404 && code === 'Directory_ObjectNotFound' && method === 'POST') return 'ambiguous-write';
  if (status === 404 && (code === 'Request_ResourceNotFound' || code === 'Directory_ObjectNotFound')) return 'replicating';
  return 'final';
}

/** Backoff between replication retries: 2-4-8-16-32 s, about a minute in all, then "still replicating — run again". */
export const REPLICATION_BACKOFF_MS: readonly number[] = Object.freeze([2_000, 4_000, 8_000, 16_000, 32_000]);

/** The longest `Retry-After` the assistant waits for; longer asks end the run with "try again later". */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * The wait before retry number `attempt` (0-based), or `null` when the retries are used up. `Retry-After` (seconds
 * or an HTTP date) wins for throttling; `now` turns a date into a delay.
 */
export function retryDelayMs(kind: GraphAnswerKind, attempt: number, retryAfter: string | null, schedule: readonly number[], now: number): number | null {
  if (kind !== 'replicating' && kind !== 'throttled') return null;
  if (attempt >= schedule.length) return null;
  if (kind === 'throttled' && retryAfter !== null) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) && retryAfter.trim() !== '' ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return ms > MAX_RETRY_AFTER_MS ? null : Math.max(0, ms);
  }
  return schedule[attempt] ?? null;
}
