import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dataDir, env } from '@/lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database: both speak the same pg-core query builder. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

type Client = {
  db: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** Runs the committed migrations; see db/migrate.ts. */
  migrate: () => Promise<void>;
};

const globalForDb = globalThis as unknown as { statecraftDb?: Promise<Client> };

async function openPglite(folder: string): Promise<Client> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const { mkdir } = await import('node:fs/promises');
  if (folder !== 'memory://') await mkdir(folder, { recursive: true });
  const client = folder === 'memory://' ? new PGlite() : new PGlite(folder);
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
  };
}

async function openPostgres(url: string): Promise<Client> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(sql, { schema });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    close: () => sql.end({ timeout: 5 }),
    migrate: async () => {
      // Several app servers may start at once: one migrates, the others wait on the lock.
      const lockConnection = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockConnection`select pg_advisory_lock(7317022)`;
        await migrate(drizzle(lockConnection), { migrationsFolder: migrationsFolder() });
      } finally {
        await lockConnection`select pg_advisory_unlock(7317022)`.catch(() => {});
        await lockConnection.end({ timeout: 5 });
      }
    },
  };
}

function migrationsFolder(): string {
  return `${process.cwd()}/db/migrations`;
}

/**
 * The one database client, opened on first use (never at import or build time) and shared
 * through globalThis, because PGlite allows a single opener per data folder and Next may load
 * this module in several bundles of one process.
 */
export function getClient(): Promise<Client> {
  if (!globalForDb.statecraftDb) {
    const { DATABASE_URL, PGLITE_DATA_DIR } = env();
    globalForDb.statecraftDb = DATABASE_URL
      ? openPostgres(DATABASE_URL)
      : openPglite(PGLITE_DATA_DIR === 'memory://' ? 'memory://' : `${dataDir()}/pglite`);
    globalForDb.statecraftDb.catch(() => {
      globalForDb.statecraftDb = undefined;
    });
  }
  return globalForDb.statecraftDb;
}

export async function getDb(): Promise<Database> {
  return (await getClient()).db;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.statecraftDb;
  globalForDb.statecraftDb = undefined;
  if (pending) await (await pending).close();
}

export { schema };
