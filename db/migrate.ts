import { closeDb, getClient } from './index';

/** Applies the committed migrations (db/migrations) to the configured database. */
export async function migrateDatabase(): Promise<void> {
  const client = await getClient();
  await client.migrate();
}

// `npm run db:migrate`: for PostgreSQL deployments that migrate before starting servers.
if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase()
    .then(() => console.log('Migrations applied.'))
    .finally(() => closeDb())
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
