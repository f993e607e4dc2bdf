import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/** The props one item of a roving group needs (spread onto the focusable element). */
export interface RovingItemProps {
  readonly tabIndex: 0 | -1;
  readonly ref: (element: HTMLElement | null) => void;
  readonly onFocus: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** Keys that move within the group, and where they go from item `i` of `count`. */
function targetOf(key: string, i: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(i + 1, count - 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(i - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A roving tabindex (WAI-ARIA Authoring Practices, "keyboard navigation inside components"): a group of
 * `count` similar controls is one Tab stop, the arrow keys (and Home/End) move between them, and the group
 * remembers which one was used last, so Tab brings the keyboard back to it.
 */
export function useRovingFocus(count: number): (index: number) => RovingItemProps {
  const [active, setActive] = useState(0);
  const elements = useRef<(HTMLElement | null)[]>([]);
  const current = Math.min(active, Math.max(count - 1, 0));
  return useCallback(
    (index: number): RovingItemProps => ({
      tabIndex: index === current ? 0 : -1,
      ref: (element) => {
        elements.current[index] = element;
      },
      onFocus: () => setActive(index),
      onKeyDown: (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const target = targetOf(event.key, index, count);
        if (target === null) return;
        // The arrows would otherwise scroll the page.
        event.preventDefault();
        setActive(target);
        elements.current[target]?.focus();
      },
    }),
    [current, count],
  );
}
