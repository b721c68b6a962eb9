import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { closeDb, configureDatabase, getClient } from './index';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server that DATABASE_URL names (CI runs the suite both ways).
 */
export function setUpTestDatabase(): void {
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    process.env.STATECRAFT_TEST_ADMIN_URL ??= process.env.DATABASE_URL ?? '';
    const adminUrl = process.env.STATECRAFT_TEST_ADMIN_URL;
    if (adminUrl) {
      const { default: postgres } = await import('postgres');
      const name = `statecraft_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      configureDatabase({ url: url.toString(), pgliteFolder: 'memory://' });
      dropDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      configureDatabase({ pgliteFolder: 'memory://' });
    }
    const client = await getClient();
    await client.migrate();
  });

  afterAll(async () => {
    await closeDb();
    await dropDatabase?.();
  });
}
