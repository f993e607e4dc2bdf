/** How long an interactive browser step may take before it is abandoned and its port closed. */
export const INTERACTIVE_TIMEOUT_MS = 5 * 60_000;
