import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

/** What {@link useStepFocus} gives the wizard. */
export interface StepFocus {
  /** On the step's heading (which needs `tabIndex={-1}`): focused when a new step shows, so it is announced. */
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** On the step's section: where a refused Next looks for the first invalid field. */
  readonly sectionRef: RefObject<HTMLElement | null>;
  /** Call instead of dispatching Next directly. */
  readonly next: () => void;
  /** On the step's section: Enter in a one-line text field means Next. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

// Inputs where Enter has no meaning of its own, so it can mean Next.
const ONE_LINE_INPUTS = new Set(['text', 'password', 'email', 'search', 'url', 'tel', 'number']);

/**
 * Keyboard and screen-reader focus for the wizard.
 *
 * After Next moves on, focus goes to the new step's heading (a screen reader reads it; Tab continues into the
 * step). After a refused Next, focus goes to the first invalid field, scrolled into view. Enter in a one-line
 * field means Next, except inside a form of its own (whose submit button Enter already presses).
 */
export function useStepFocus(step: string, dispatchNext: () => void): StepFocus {
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const sectionRef = useRef<HTMLElement | null>(null);
  const shown = useRef(step);
  const pending = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Not on the first render: opening the wizard must not steal focus from the navigation.
    if (shown.current === step) return;
    shown.current = step;
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    const from = pending.current;
    pending.current = null;
    if (attempt === 0 || from === null || from !== step) return;
    const section = sectionRef.current;
    if (section !== null) focusFirstProblem(section);
  }, [attempt, step]);

  const next = useCallback(() => {
    pending.current = step;
    setAttempt((n) => n + 1);
    dispatchNext();
  }, [step, dispatchNext]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target;
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
      if (!(target instanceof HTMLInputElement) || !ONE_LINE_INPUTS.has(target.type) || target.form !== null) return;
      event.preventDefault();
      next();
    },
    [next],
  );

  return { headingRef, sectionRef, next, onKeyDown };
}

/** Focuses (and scrolls to) the first invalid field in `root`, or its first error message when no field is marked. */
export function focusFirstProblem(root: HTMLElement): void {
  const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = field ?? root.querySelector<HTMLElement>('[data-field-error], [role="alert"]');
  if (target === null) return;
  if (field === null && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
