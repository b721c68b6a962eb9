import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getClient } from '@/db';
import { appSettings } from '@/db/schema';
import { dataDir, env } from '@/lib/env';

const globalForSecret = globalThis as unknown as { statecraftAuthSecret?: Promise<string> };

/**
 * AUTH_SECRET if set; otherwise one the app made on first start and kept: in the data folder
 * on PGlite, in the database on PostgreSQL (so that every app server signs with the same key).
 */
export function getAuthSecret(): Promise<string> {
  globalForSecret.statecraftAuthSecret ??= resolveSecret().catch((error) => {
    globalForSecret.statecraftAuthSecret = undefined;
    throw error;
  });
  return globalForSecret.statecraftAuthSecret;
}

async function resolveSecret(): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const client = await getClient();
  if (client.driver === 'postgres') return secretInDatabase();
  // An in-memory database (tests) gets an in-memory secret: nothing to keep.
  return env().PGLITE_DATA_DIR === 'memory://' ? fresh() : secretInFile();
}

const fresh = () => randomBytes(33).toString('base64');

async function secretInFile(): Promise<string> {
  const file = path.join(dataDir(), 'auth-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = fresh();
  await mkdir(dataDir(), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  console.log(
    `[auth] No AUTH_SECRET set: generated one and saved it in ${file}. Set AUTH_SECRET to choose your own.`,
  );
  return secret;
}

async function secretInDatabase(): Promise<string> {
  const { db } = await getClient();
  const inserted = await db
    .insert(appSettings)
    .values({ key: 'auth_secret', value: fresh() })
    .onConflictDoNothing()
    .returning();
  if (inserted.length > 0) {
    console.log(
      '[auth] No AUTH_SECRET set: generated one and stored it in the database (table app_setting).',
    );
  }
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'auth_secret'));
  if (!row) throw new Error('Could not read the stored auth secret.');
  return row.value;
}
