import type { DueWindow } from '@/db/queries/review';
import { endOfDay, startOfDay } from '@/lib/time';

/**
 * The daily limit on new glossary flashcards (as Anki's "new cards/day"): 20 unless the student
 * changes it on the review page (the column's default in db/schema.ts), from 0 (no new cards,
 * only the ones begun) to 200. The queries in db/queries/review.ts apply it.
 */
export const NEW_GLOSSARY_CARDS_PER_DAY = { default: 20, min: 0, max: 200 } as const;

/** The student's review day: now, and the start and end of today where they are. */
export function reviewDay(now: Date, timeZone: string): DueWindow {
  return { now, startOfDay: startOfDay(now, timeZone), endOfDay: endOfDay(now, timeZone) };
}
