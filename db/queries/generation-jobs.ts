import 'server-only';
import { and, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { type GenerationJob, generationJobs } from '@/db/schema';

export async function insertGenerationJob(values: {
  readingId: string;
  bankOwnerId: string | null;
  requestedBy: string;
}): Promise<GenerationJob | null> {
  const db = await getDb();
  // The partial unique index allows one waiting or running job per person: a second one is not made.
  const [row] = await db.insert(generationJobs).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** A person's jobs still waiting or running, and how many they started since `since`. */
export async function generationLoad({ userId, since }: { userId: string; since: Date }) {
  const db = await getDb();
  const [active] = await db
    .select({ n: count() })
    .from(generationJobs)
    .where(
      and(eq(generationJobs.requestedBy, userId), inArray(generationJobs.status, ['queued', 'running'])),
    );
  const [recent] = await db
    .select({
      n: count(),
      oldest: sql<Date | null>`min(${generationJobs.createdAt})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(generationJobs)
    .where(and(eq(generationJobs.requestedBy, userId), gte(generationJobs.createdAt, since)));
  return { active: active?.n ?? 0, recent: recent?.n ?? 0, oldestRecent: recent?.oldest ?? null };
}

/** Takes the oldest waiting job for this server to run; several servers never take the same one. */
export async function claimNextGenerationJob(now: Date): Promise<GenerationJob | null> {
  const db = await getDb();
  const next = db
    .select({ id: generationJobs.id })
    .from(generationJobs)
    .where(eq(generationJobs.status, 'queued'))
    .orderBy(generationJobs.createdAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(generationJobs)
    .set({ status: 'running', startedAt: now, heartbeatAt: now })
    .where(and(inArray(generationJobs.id, next), eq(generationJobs.status, 'queued')))
    .returning();
  return row ?? null;
}

export async function heartbeatGenerationJob({ id, now }: { id: string; now: Date }) {
  const db = await getDb();
  await db.update(generationJobs).set({ heartbeatAt: now }).where(eq(generationJobs.id, id));
}

export async function finishGenerationJob({
  id,
  status,
  message,
  added = null,
  now,
}: {
  id: string;
  status: 'done' | 'failed';
  message: string;
  added?: number | null;
  now: Date;
}) {
  const db = await getDb();
  await db
    .update(generationJobs)
    .set({ status, message, added, finishedAt: now })
    .where(eq(generationJobs.id, id));
}

/** Jobs cut short by a restart (running, but silent since `staleBefore`) are marked failed. */
export async function failStaleGenerationJobs({ staleBefore, now }: { staleBefore: Date; now: Date }) {
  const db = await getDb();
  return db
    .update(generationJobs)
    .set({ status: 'failed', message: 'Interrupted by a server restart. Generate again.', finishedAt: now })
    .where(and(eq(generationJobs.status, 'running'), lt(generationJobs.heartbeatAt, staleBefore)))
    .returning({ id: generationJobs.id });
}

/** The latest jobs on one bank, newest first, for the question bank page. */
export async function listGenerationJobs({
  readingId,
  bankOwnerId,
  limit = 5,
}: {
  readingId: string;
  bankOwnerId: string | null;
  limit?: number;
}) {
  const db = await getDb();
  return db
    .select()
    .from(generationJobs)
    .where(
      and(
        eq(generationJobs.readingId, readingId),
        bankOwnerId === null
          ? isNull(generationJobs.bankOwnerId)
          : eq(generationJobs.bankOwnerId, bankOwnerId),
      ),
    )
    .orderBy(desc(generationJobs.createdAt))
    .limit(limit);
}

export async function getGenerationJob({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.select().from(generationJobs).where(eq(generationJobs.id, id)).limit(1);
  return row ?? null;
}
