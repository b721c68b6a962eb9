import type { DueWindow } from '@/db/queries/review';
import { endOfDay, startOfDay } from '@/lib/time';

export { NEW_GLOSSARY_CARDS_PER_DAY } from '@/db/schema';

/** The student's review day: now, and the start and end of today where they are. */
export function reviewDay(now: Date, timeZone: string): DueWindow {
  return { now, startOfDay: startOfDay(now, timeZone), endOfDay: endOfDay(now, timeZone) };
}
