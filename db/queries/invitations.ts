import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { type ClassRole, classes, classInvitations, classMembers, users } from '@/db/schema';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The value an upsert's insert would have written (PostgreSQL's `excluded` row). */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/** For a roster's addresses: who has an account, who is in the class (and how), who is invited. */
export async function rosterStanding({ classId, emails }: { classId: string; emails: string[] }) {
  const db = await getDb();
  const accounts = new Map<string, { id: string; name: string | null; role: ClassRole | null }>();
  const invitations = new Map<
    string,
    { id: string; sentAt: Date | null; sendCount: number; expiresAt: Date }
  >();
  for (const part of chunks(emails)) {
    const found = await db
      .select({ id: users.id, email: users.email, name: users.name, role: classMembers.role })
      .from(users)
      .leftJoin(classMembers, and(eq(classMembers.userId, users.id), eq(classMembers.classId, classId)))
      .where(inArray(users.email, part));
    for (const row of found) accounts.set(row.email, { id: row.id, name: row.name, role: row.role });
    const invited = await db
      .select({
        id: classInvitations.id,
        email: classInvitations.email,
        sentAt: classInvitations.sentAt,
        sendCount: classInvitations.sendCount,
        expiresAt: classInvitations.expiresAt,
      })
      .from(classInvitations)
      .where(and(eq(classInvitations.classId, classId), inArray(classInvitations.email, part)));
    for (const row of invited) invitations.set(row.email, row);
  }
  return { accounts, invitations };
}

/** Writes a confirmed roster's invitations in one transaction: each is made or given its new token. */
export async function writeRoster({
  classId,
  invitedBy,
  invites,
}: {
  classId: string;
  invitedBy: string;
  /** A roster's rows are students; a co-instructor's invitation says 'instructor'. */
  invites: {
    email: string;
    name: string | null;
    tokenHash: string;
    expiresAt: Date;
    role?: 'student' | 'instructor';
  }[];
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const part of chunks(invites)) {
      await tx
        .insert(classInvitations)
        .values(part.map((i) => ({ ...i, classId, invitedBy })))
        .onConflictDoUpdate({
          target: [classInvitations.classId, classInvitations.email],
          set: {
            tokenHash: sqlExcluded('token_hash'),
            expiresAt: sqlExcluded('expires_at'),
            name: sql`coalesce(${sqlExcluded('name')}, ${classInvitations.name})`,
            // An invitation to teach stays one when a roster names the same address ('instructor'
            // comes first in the enum).
            role: sql`least(${classInvitations.role}, ${sqlExcluded('role')})`,
            invitedBy,
            sentAt: null,
          },
        });
    }
  });
}

/** Records that an invitation's mail went out. */
export async function markInvitationSent({ id, sentAt }: { id: string; sentAt: Date }) {
  const db = await getDb();
  await db
    .update(classInvitations)
    .set({ sentAt, sendCount: sql`${classInvitations.sendCount} + 1` })
    .where(eq(classInvitations.id, id));
}

export async function getInvitationIds({ classId, emails }: { classId: string; emails: string[] }) {
  const db = await getDb();
  const ids = new Map<string, string>();
  for (const part of chunks(emails)) {
    const rows = await db
      .select({ id: classInvitations.id, email: classInvitations.email })
      .from(classInvitations)
      .where(and(eq(classInvitations.classId, classId), inArray(classInvitations.email, part)));
    for (const row of rows) ids.set(row.email, row.id);
  }
  return ids;
}

/** A class's invitations, for its instructors: the address, the name, when sent and until when. */
export async function listInvitations({ classId }: { classId: string }) {
  const db = await getDb();
  return db
    .select({
      id: classInvitations.id,
      email: classInvitations.email,
      name: classInvitations.name,
      role: classInvitations.role,
      sentAt: classInvitations.sentAt,
      sendCount: classInvitations.sendCount,
      expiresAt: classInvitations.expiresAt,
    })
    .from(classInvitations)
    .where(eq(classInvitations.classId, classId))
    .orderBy(asc(classInvitations.email));
}

/** Deletes one invitation of the class; answers whether there was one. */
export async function deleteInvitation({ classId, invitationId }: { classId: string; invitationId: string }) {
  const db = await getDb();
  const gone = await db
    .delete(classInvitations)
    .where(and(eq(classInvitations.id, invitationId), eq(classInvitations.classId, classId)))
    .returning({ id: classInvitations.id });
  return gone.length > 0;
}

/** The invitation an unexpired token opens, with its class's name; null for any other token. */
export async function findInvitation({ tokenHash, now }: { tokenHash: string; now: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: classInvitations.id,
      classId: classInvitations.classId,
      className: classes.name,
      archivedAt: classes.archivedAt,
      email: classInvitations.email,
      name: classInvitations.name,
      role: classInvitations.role,
    })
    .from(classInvitations)
    .innerJoin(classes, eq(classes.id, classInvitations.classId))
    .where(and(eq(classInvitations.tokenHash, tokenHash), gt(classInvitations.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Accepts an invitation in one transaction: it is claimed (deleted, so a link works once) and the
 * user becomes a member in the invitation's role: a student unless already a member, an
 * instructor whatever they were. Null if it was no longer there.
 */
export async function redeemInvitation({
  invitationId,
  userId,
}: {
  invitationId: string;
  userId: string;
}): Promise<{ classId: string } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .delete(classInvitations)
      .where(eq(classInvitations.id, invitationId))
      .returning({ classId: classInvitations.classId, role: classInvitations.role });
    if (!claimed) return null;
    const joining = tx.insert(classMembers).values({ classId: claimed.classId, userId, role: claimed.role });
    if (claimed.role === 'instructor')
      await joining.onConflictDoUpdate({
        target: [classMembers.classId, classMembers.userId],
        set: { role: 'instructor' },
      });
    else await joining.onConflictDoNothing();
    return { classId: claimed.classId };
  });
}
