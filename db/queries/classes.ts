import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { classes, classMembers } from '@/db/schema';

/** The classes a user belongs to, with their role in each and the number of students. */
export async function listClassesForUser({ userId }: { userId: string }) {
  const db = await getDb();
  const mine = await db
    .select({ id: classes.id, name: classes.name, role: classMembers.role, joinCode: classes.joinCode })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(eq(classMembers.userId, userId))
    .orderBy(asc(classes.name));
  if (mine.length === 0) return [];
  const sizes = await db
    .select({ classId: classMembers.classId, students: count() })
    .from(classMembers)
    .where(
      and(
        eq(classMembers.role, 'student'),
        inArray(
          classMembers.classId,
          mine.map((c) => c.id),
        ),
      ),
    )
    .groupBy(classMembers.classId);
  const studentsByClass = new Map(sizes.map((s) => [s.classId, s.students]));
  return mine.map((c) => ({
    ...c,
    // Only instructors see the join code.
    joinCode: c.role === 'instructor' ? c.joinCode : null,
    students: studentsByClass.get(c.id) ?? 0,
  }));
}

/** Whether the user teaches at least one class. */
export async function teachesAnyClass({ userId }: { userId: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ classId: classMembers.classId })
    .from(classMembers)
    .where(and(eq(classMembers.userId, userId), eq(classMembers.role, 'instructor')))
    .limit(1);
  return Boolean(row);
}
