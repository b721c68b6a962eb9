import 'server-only';
import { listAssignmentsDueBetween } from '@/db/queries/assignments';
import { endOfDay } from '@/lib/time';

/** "Due soon" on an instructor's home: today and the six days after it, in each class's time zone. */
export const DUE_SOON_DAYS = 7;

/**
 * The assignments of the classes this instructor teaches that fall due from now to the end of the
 * seventh day, counted in each class's own time zone (where its due dates were typed), soonest first.
 */
export async function assignmentsDueSoon({
  instructorId,
  now = new Date(),
}: {
  instructorId: string;
  now?: Date;
}) {
  // A day more than any zone's week reaches, then each class's own calendar.
  const rows = await listAssignmentsDueBetween({
    instructorId,
    from: now,
    until: new Date(now.getTime() + (DUE_SOON_DAYS + 1) * 86_400_000),
  });
  return rows.flatMap((r) =>
    r.dueAt && r.dueAt < endOfDay(now, r.timeZone, DUE_SOON_DAYS - 1) ? [{ ...r, dueAt: r.dueAt }] : [],
  );
}
