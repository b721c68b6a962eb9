import { z } from 'zod';
import { listGenerationJobs } from '@/db/queries/generation-jobs';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { bankToManage } from '@/lib/server/policy';
import { ok } from '@/lib/server/result';

export const dynamic = 'force-dynamic';

/**
 * The latest question-generation job of the bank this user manages for a reading: what the bank
 * page polls while a job waits or runs, so that it renders itself again once, when the drafts are in.
 */
export const GET = route({
  name: 'api.bankGeneration',
  input: z.object({ readingId: field.id('That reading') }),
  rule: 'manage-bank',
  authorize: (user, input) => bankToManage(user, input.readingId),
  run: async (input, { bankOwnerId }) => {
    const [job] = await listGenerationJobs({ readingId: input.readingId, bankOwnerId, limit: 1 });
    return ok({
      job: job ? { id: job.id, status: job.status, message: job.message } : null,
    });
  },
});
