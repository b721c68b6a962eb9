import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { finishGenerationJob, insertGenerationJob } from '@/db/queries/generation-jobs';
import { createReadingDraft } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { generationJobs } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { parseReading } from '@/questions/reading/parse';
import { GENERATION_LIMITS, generationRunnerIdle, requestGeneration } from './generation';

setUpTestDatabase();

const MINUTE = 60_000;

/** A finished generation job of `userId`'s, as if requested `minutesAgo` minutes before `now`. */
async function pastJob(readingId: string, userId: string, now: Date, minutesAgo: number) {
  const job = (await insertGenerationJob({ readingId, bankOwnerId: null, requestedBy: userId }))!;
  await finishGenerationJob({ id: job.id, status: 'done', message: 'Earlier.', added: 0, now });
  const db = await getDb();
  await db
    .update(generationJobs)
    .set({ createdAt: new Date(now.getTime() - minutesAgo * MINUTE) })
    .where(eq(generationJobs.id, job.id));
}

describe('the per-person generation rate', () => {
  it('allows 12 jobs an hour, then refuses with the wait until the oldest leaves the hour', async () => {
    expect(GENERATION_LIMITS.perHour).toBe(12);
    const user = (await insertUser({ email: 'eager@example.org', name: 'Eager' }))!;
    const reading = await createReadingDraft({
      createdBy: user.id,
      parsed: parseReading({
        text: 'Alliances\n\nStates form alliances to balance power. Alliances end when the threat ends.',
        format: 'text',
      }),
    });
    const now = new Date();
    // One job 61 minutes ago (outside the hour) and eleven within it, the oldest 50 minutes ago.
    await pastJob(reading.id, user.id, now, 61);
    for (let i = 0; i < 11; i++) await pastJob(reading.id, user.id, now, 50 - i);

    const twelfth = await requestGeneration({ reading, bankOwnerId: null, userId: user.id, now });
    expect(twelfth.status).toBe('ok');
    await generationRunnerIdle();

    const thirteenth = await requestGeneration({ reading, bankOwnerId: null, userId: user.id, now });
    expect(thirteenth).toMatchObject({
      status: 'rate-limited',
      message: 'You have generated questions 12 times in the last hour. Try again in 10 minutes.',
      retryAfterSeconds: 10 * 60,
    });
    // The count is each person's own: someone else is not held up by it.
    const other = (await insertUser({ email: 'patient@example.org', name: 'Patient' }))!;
    expect((await requestGeneration({ reading, bankOwnerId: null, userId: other.id, now })).status).toBe(
      'ok',
    );
    await generationRunnerIdle();
  }, 60_000);
});
