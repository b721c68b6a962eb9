import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataFolder } from './lock';
import { keepStatementsPrepared } from './pglite-statements';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database: both speak the same pg-core query builder. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

type Client = {
  db: Database;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /**
   * Runs the committed migrations, then `andThen` (the content every server puts in place at
   * start), while no other server sharing the database does the same; see db/migrate.ts.
   */
  migrate: (andThen?: () => Promise<void>) => Promise<void>;
};

/**
 * Where the data lives: a PostgreSQL server (`url`), or else PGlite in `pgliteFolder`
 * ('memory://' for a throwaway database). Given by lib/env.ts at start; db/ reads no configuration.
 */
export type DatabaseConfig = { url?: string; pgliteFolder: string };

const globalForDb = globalThis as unknown as {
  statecraftDb?: Promise<Client>;
  statecraftDbConfig?: DatabaseConfig;
  statecraftQueryWatcher?: (query: string) => void;
};

/**
 * Calls `watcher` with the SQL of every statement this process sends, until the returned function
 * is called: for tests that hold a path to its number of round trips.
 */
export function watchQueries(watcher: (query: string) => void): () => void {
  globalForDb.statecraftQueryWatcher = watcher;
  return () => {
    if (globalForDb.statecraftQueryWatcher === watcher) globalForDb.statecraftQueryWatcher = undefined;
  };
}

const logger = { logQuery: (query: string) => globalForDb.statecraftQueryWatcher?.(query) };

/** Says where the database is; call before the first query (server start, a script, a test file). */
export function configureDatabase(config: DatabaseConfig): void {
  globalForDb.statecraftDbConfig = config;
}

async function openPglite(folder: string): Promise<Client> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = folder === 'memory://';
  // PGlite takes no lock of its own, and a second process on the folder corrupts it.
  const release = inMemory ? () => {} : lockDataFolder(folder);
  let client: InstanceType<typeof PGlite>;
  try {
    client = inMemory ? new PGlite() : new PGlite(folder);
    await client.waitReady;
    await keepStatementsPrepared(client);
  } catch (error) {
    release();
    throw new Error(`PGlite could not open its data folder ${folder}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db = drizzle(client, { schema, logger });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
    // One process per folder (the lock above): nothing else can be starting on it.
    migrate: async (andThen) => {
      await migrate(db, { migrationsFolder: migrationsFolder() });
      await andThen?.();
    },
  };
}

async function openPostgres(url: string): Promise<Client> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(sql, { schema, logger });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    close: () => sql.end({ timeout: 5 }),
    migrate: async (andThen) => {
      // Several app servers may start at once: one migrates and seeds, the others wait on the
      // lock and then find everything in place (seeding side by side, both would insert the
      // shipped readings and one would fail on their unique slug).
      const lockConnection = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockConnection`select pg_advisory_lock(7317022)`;
        await migrate(drizzle(lockConnection), { migrationsFolder: migrationsFolder() });
        await andThen?.();
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
    const config = globalForDb.statecraftDbConfig;
    if (!config) throw new Error('The database is not configured: call configureDatabase() first.');
    globalForDb.statecraftDb = config.url ? openPostgres(config.url) : openPglite(config.pgliteFolder);
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

/** Whether an error is PostgreSQL's unique_violation (23505), from either driver, however wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export { schema };
