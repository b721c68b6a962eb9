import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db';
import { type NewUser, type SiteRole, users } from '@/db/schema';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserByEmail({ email }: { email: string }) {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return user ?? null;
}

export async function getUserById({ id }: { id: string }) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** What every request that carries a session checks: the session version, and the user's standing. */
export async function getSessionState({ userId }: { userId: string }): Promise<{
  sessionVersion: number;
  siteRole: SiteRole;
  email: string;
  timeZone: string | null;
  emailVerified: Date | null;
} | null> {
  const db = await getDb();
  let statement = sessionStateStatements.get(db);
  if (!statement) {
    statement = prepareSessionState(db);
    sessionStateStatements.set(db, statement);
  }
  const [row] = await statement.execute({ userId });
  return row ?? null;
}

/** Built once per database client: every signed-in request runs it, and drizzle builds SQL per call otherwise. */
function prepareSessionState(db: Database) {
  return db
    .select({
      sessionVersion: users.sessionVersion,
      emailVerified: users.emailVerified,
      siteRole: users.siteRole,
      email: users.email,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(sql`${users.id} = ${sql.placeholder('userId')}::text`)
    .limit(1)
    .prepare('session_state');
}

const sessionStateStatements = new WeakMap<Database, ReturnType<typeof prepareSessionState>>();

/** Makes a user a site administrator or a plain member; answers false when no account has the email. */
export async function setSiteRole({ email, siteRole }: { email: string; siteRole: SiteRole }) {
  const db = await getDb();
  const updated = await db
    .update(users)
    .set({ siteRole })
    .where(eq(users.email, normaliseEmail(email)))
    .returning({ id: users.id });
  return updated.length > 0;
}

export async function listSiteAdmins() {
  const db = await getDb();
  return db.select({ email: users.email, name: users.name }).from(users).where(eq(users.siteRole, 'admin'));
}

/** Inserts a user; returns null when the email is already taken (the unique index decides, not a prior read). */
export async function insertUser(values: NewUser) {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ ...values, email: normaliseEmail(values.email) })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

/** Ends every session of this user: tokens carrying the old version are refused from now on. */
export async function bumpSessionVersion({ userId }: { userId: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export async function setPasswordHash({ userId, passwordHash }: { userId: string; passwordHash: string }) {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

export async function setUserTimeZone({ userId, timeZone }: { userId: string; timeZone: string }) {
  const db = await getDb();
  await db.update(users).set({ timeZone }).where(eq(users.id, userId));
}

/** The student's daily limit on new glossary flashcards (validated by the action that sets it). */
export async function setNewGlossaryCardsPerDay({ userId, perDay }: { userId: string; perDay: number }) {
  const db = await getDb();
  await db.update(users).set({ newGlossaryCardsPerDay: perDay }).where(eq(users.id, userId));
}
