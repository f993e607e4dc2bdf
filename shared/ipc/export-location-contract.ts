import { z } from 'zod';

/**
 * Channels of "Show in folder" after an export, spread into `CONTRACT`.
 *
 * The renderer names the path it was told the export wrote; the main process
 * acts only on a path its export wrote in this run (see `WrittenExports`).
 */
export const EXPORT_LOCATION_CONTRACT = {
  'shell:show-in-folder': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: z.object({ shown: z.literal(true) }) },
} as const;
