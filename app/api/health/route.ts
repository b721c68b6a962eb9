import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getClient } from '@/db';
import { publicRoute } from '@/lib/server/endpoint';
import { ok, refuse } from '@/lib/server/result';

export const dynamic = 'force-dynamic';

/** For load balancers and the test harness: up, and the database answers. */
export const GET = publicRoute({
  name: 'api.health',
  input: z.object({}),
  rule: 'public',
  run: async () => {
    try {
      const { db, driver } = await getClient();
      await db.execute(sql`select 1`);
      return ok({ status: 'ok', database: driver });
    } catch {
      return refuse('unavailable', 'The database does not answer.');
    }
  },
});
