import { configureDatabase, getClient } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { getAuthSecret } from '@/lib/auth/secret';
import { databaseConfig, env } from '@/lib/env';
import { resumeGenerationJobs } from '@/lib/question-bank/generation';
import { printDemoAccounts, seedDemo, seedShippedReadings } from '@/lib/seed';

/**
 * Configuration checked, database opened and migrated, shipped content and demo data in place.
 * A server that cannot do this (bad configuration, a database it cannot open) stops with the
 * reason, instead of serving errors.
 */
export async function prepareServer(): Promise<void> {
  try {
    await prepare();
  } catch (error) {
    console.error(`[server] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function prepare(): Promise<void> {
  const config = env();
  configureDatabase(databaseConfig());
  const { driver } = await getClient();
  let readings: string[] = [];
  await migrateDatabase(async () => {
    await getAuthSecret();
    readings = await seedShippedReadings();
    if (config.SEED_DEMO) await seedDemo();
  });
  console.log(`[content] ${readings.length} shipped reading(s) ready: ${readings.join(', ')}`);
  if (config.SEED_DEMO) printDemoAccounts();
  console.log(
    driver === 'pglite'
      ? '[db] PGlite (embedded PostgreSQL) ready; data in the data folder. Use DATABASE_URL for a PostgreSQL server.'
      : '[db] PostgreSQL ready.',
  );
  await resumeGenerationJobs();
}
