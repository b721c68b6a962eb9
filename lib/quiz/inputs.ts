import { z } from 'zod';

/** One autosaved answer, as the quiz page and the JSON API send it. */
export const saveAnswerInput = z.object({
  response: z.unknown().nullable(),
  flagged: z.boolean().default(false),
  confidence: z.number().int().min(1).max(3).nullable().default(null),
  /** Increases with every save from one page, so the server can drop stale ones. */
  clientSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
