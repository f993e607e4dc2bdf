import { useEffect } from 'react';

/**
 * Keeps keyboard focus off the page body.
 *
 * A button that disables itself while it works (Verify, Export…, Look up), or that disappears (a confirmed
 * delete, a closed panel), takes the focus with it and the browser drops it on `<body>`: the next Tab starts
 * over at the top and a screen reader says nothing. This watches the focused element; when it becomes
 * disabled or leaves the page, focus moves to the nearest place still there: a live status or alert in the
 * same region, else the nearest ancestor that can take focus (`tabindex`), else `<main>`.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let focused: HTMLElement | null = null;
    let ancestors: HTMLElement[] = [];
    const onFocusIn = (event: FocusEvent): void => {
      if (!(event.target instanceof HTMLElement) || event.target === document.body) return;
      focused = event.target;
      ancestors = [];
      for (let el = focused.parentElement; el !== null && el !== document.body; el = el.parentElement) ancestors.push(el);
    };
    const rescue = (): void => {
      if (focused === null) return;
      const lost = !focused.isConnected || (focused as HTMLButtonElement).disabled === true;
      if (!lost) return;
      const active = document.activeElement;
      if (active !== null && active !== document.body && active !== focused && active.isConnected) return;
      const target = fallbackFor(ancestors);
      focused = null;
      if (target === null) return;
      if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
      target.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(rescue);
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}

function fallbackFor(ancestors: readonly HTMLElement[]): HTMLElement | null {
  for (const el of ancestors) {
    if (!el.isConnected) continue;
    const live = el.querySelector<HTMLElement>('[role="status"], [role="alert"]');
    if (live !== null) return live;
    if (el.hasAttribute('tabindex') || el.tagName === 'MAIN') return el;
  }
  return document.querySelector<HTMLElement>('main');
}
