import { getClient } from './index';

/** Applies the committed migrations (db/migrations) to the configured database. */
export async function migrateDatabase(): Promise<void> {
  const client = await getClient();
  await client.migrate();
}
