/**
 * Waits `ms` milliseconds, or less when `signal` is aborted first (at once when it already is). Never rejects: the
 * caller checks the signal afterwards, so a retry loop's wait and its cancel are handled in one place.
 */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
