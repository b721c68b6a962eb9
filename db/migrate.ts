import { getClient } from './index';

/**
 * Applies the committed migrations (db/migrations) to the configured database, then runs
 * `andThen`, with no other server on the same database doing either at the same time.
 */
export async function migrateDatabase(andThen?: () => Promise<void>): Promise<void> {
  const client = await getClient();
  await client.migrate(andThen);
}
