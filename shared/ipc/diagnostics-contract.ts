import { z } from 'zod';

/**
 * Channels of the diagnostics feature, spread into `CONTRACT`.
 *
 * `diagnostics:copy` takes nothing and answers only that the redacted report
 * is on the clipboard and how long it is: the report never crosses to the
 * renderer.
 */
export const DIAGNOSTICS_CONTRACT = {
  'diagnostics:copy': { request: z.object({}).strict(), response: z.object({ copied: z.literal(true), lines: z.number().int() }) },
} as const;
