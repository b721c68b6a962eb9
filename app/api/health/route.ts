import { sql } from 'drizzle-orm';
import { getClient } from '@/db';

export const dynamic = 'force-dynamic';

/** For load balancers and the test harness: up, and the database answers. */
export async function GET() {
  try {
    const { db, driver } = await getClient();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database: driver });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
