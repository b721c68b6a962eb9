import type { Reading } from '@/db/schema';

/** Published readings are open to every signed-in user; a draft only to the person writing it. */
export function canViewReading(reading: Pick<Reading, 'status' | 'createdBy'>, userId: string): boolean {
  return reading.status === 'published' || reading.createdBy === userId;
}

/** Only a reading's creator edits it; readings that ship with the app are edited in content/. */
export function canEditReading(reading: Pick<Reading, 'createdBy'>, userId: string): boolean {
  return reading.createdBy !== null && reading.createdBy === userId;
}
