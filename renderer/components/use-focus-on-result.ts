import { useEffect, useRef } from 'react';

/**
 * Focuses the element the returned ref is on when `status` changes from `busy` to anything else: the result
 * of an operation the user just started (a screen reader reads it; Tab continues from there).
 */
export function useFocusOnResult<T extends HTMLElement>(status: string, busy: string) {
  const ref = useRef<T | null>(null);
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === busy && status !== busy) ref.current?.focus();
    previous.current = status;
  }, [status, busy]);
  return ref;
}
