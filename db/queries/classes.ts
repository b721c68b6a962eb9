import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { type ClassRole, classes, classMembers, users } from '@/db/schema';

/** The classes a user belongs to, with their role in each and the number of students. */
export async function listClassesForUser({ userId }: { userId: string }) {
  const db = await getDb();
  const mine = await db
    .select({
      id: classes.id,
      name: classes.name,
      role: classMembers.role,
      joinCode: classes.joinCode,
      archivedAt: classes.archivedAt,
    })
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

export async function getClass({ classId }: { classId: string }) {
  const db = await getDb();
  const [row] = await db.select().from(classes).where(eq(classes.id, classId)).limit(1);
  return row ?? null;
}

export async function getMembership({ classId, userId }: { classId: string; userId: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** A new class with its creator as instructor and a fresh join code. */
export async function createClass({
  name,
  userId,
  joinCode,
  timeZone,
}: {
  name: string;
  userId: string;
  joinCode: string;
  /** Where the class meets; UTC if not given. */
  timeZone?: string;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(classes)
      .values({ name, joinCode, createdBy: userId, ...(timeZone && { timeZone }) })
      .returning();
    await tx.insert(classMembers).values({ classId: created!.id, userId, role: 'instructor' });
    return created!;
  });
}

export async function getClassByJoinCode({ joinCode }: { joinCode: string }) {
  const db = await getDb();
  const [row] = await db.select().from(classes).where(eq(classes.joinCode, joinCode)).limit(1);
  return row ?? null;
}

/** Adds a member; someone already in the class keeps their role. Answers whether they were added. */
export async function addMember({
  classId,
  userId,
  role,
  joinedAt,
}: {
  classId: string;
  userId: string;
  role: ClassRole;
  /** When they first joined, for a member put back after a removal. */
  joinedAt?: Date;
}) {
  const db = await getDb();
  const added = await db
    .insert(classMembers)
    .values({ classId, userId, role, ...(joinedAt && { joinedAt }) })
    .onConflictDoNothing()
    .returning();
  return added.length > 0;
}

export async function removeMember({ classId, userId }: { classId: string; userId: string }) {
  const db = await getDb();
  await db
    .delete(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)));
}

export async function setJoinCode({ classId, joinCode }: { classId: string; joinCode: string | null }) {
  const db = await getDb();
  await db.update(classes).set({ joinCode }).where(eq(classes.id, classId));
}

export async function listMembers({
  classId,
  role,
}: {
  classId: string;
  /** Only members in this role (a lecture class's page wants its few instructors, not its students). */
  role?: 'instructor' | 'student';
}) {
  const db = await getDb();
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: classMembers.role,
      joinedAt: classMembers.joinedAt,
    })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(classMembers.classId, classId), role && eq(classMembers.role, role)))
    .orderBy(asc(classMembers.role), asc(users.name));
}

export async function countInstructors({ classId }: { classId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(classMembers)
    .where(and(eq(classMembers.classId, classId), eq(classMembers.role, 'instructor')));
  return row?.n ?? 0;
}

export async function setClassTimeZone({ classId, timeZone }: { classId: string; timeZone: string }) {
  const db = await getDb();
  await db.update(classes).set({ timeZone }).where(eq(classes.id, classId));
}

export async function renameClass({ classId, name }: { classId: string; name: string }) {
  const db = await getDb();
  await db.update(classes).set({ name }).where(eq(classes.id, classId));
}

/** Archives a class (its join code stops working) or brings it back. */
export async function setClassArchived({ classId, archived }: { classId: string; archived: boolean }) {
  const db = await getDb();
  await db
    .update(classes)
    .set(archived ? { archivedAt: new Date(), joinCode: null } : { archivedAt: null })
    .where(eq(classes.id, classId));
}
