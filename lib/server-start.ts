import { getClient } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { printDemoAccounts, seedDemo, seedShippedReadings } from '@/db/seed';
import { getAuthSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

export async function prepareServer(): Promise<void> {
  const config = env();
  const { driver } = await getClient();
  await migrateDatabase();
  await getAuthSecret();
  const readings = await seedShippedReadings();
  console.log(`[content] ${readings.length} shipped reading(s) ready: ${readings.join(', ')}`);
  if (config.SEED_DEMO) {
    await seedDemo();
    printDemoAccounts();
  }
  console.log(
    driver === 'pglite'
      ? '[db] PGlite (embedded PostgreSQL) ready; data in the data folder. Use DATABASE_URL for a PostgreSQL server.'
      : '[db] PostgreSQL ready.',
  );
}
