import type { Reading } from '@/db/schema';

/** Published readings are open to every signed-in user; a draft only to the person writing it. */
export function canViewReading(reading: Pick<Reading, 'status' | 'createdBy'>, userId: string): boolean {
  return reading.status === 'published' || reading.createdBy === userId;
}

/** Only a reading's creator edits it; readings that ship with the app are edited in content/. */
export function canEditReading(reading: Pick<Reading, 'createdBy'>, userId: string): boolean {
  return reading.createdBy !== null && reading.createdBy === userId;
}

/**
 * Who reviews a reading's question bank: its creator; for a reading that ships with the app,
 * any instructor (someone who teaches a class), since its bank serves every class.
 */
export function canManageQuestions(
  reading: Pick<Reading, 'createdBy'>,
  userId: string,
  teachesAClass: boolean,
): boolean {
  return reading.createdBy === null ? teachesAClass : reading.createdBy === userId;
}
