import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Migrations that change data as well as tables, applied to a database that already has rows:
 * the committed migrations up to the one before, some data, then the rest.
 */
const MIGRATIONS = path.join(import.meta.dirname, 'migrations');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the migrations folder whose journal stops before the migration tagged `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'statecraft-migrations-'));
  folders.push(folder);
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migration 0014 (email verification)', () => {
  it('counts every account that existed before it as verified, as of its creation', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsBefore('0014_email_verification') });
    await client.query(
      `insert into "user" (id, email, name, created_at) values ('old', 'old@example.org', 'Old', '2026-09-01T08:00:00Z')`,
    );
    await migrate(db, { migrationsFolder: MIGRATIONS });
    await client.query(`insert into "user" (id, email, name) values ('new', 'new@example.org', 'New')`);
    const { rows } = await client.query<{ id: string; verified: Date | null }>(
      `select id, "emailVerified" as verified from "user" order by id`,
    );
    expect(rows).toEqual([
      { id: 'new', verified: null },
      { id: 'old', verified: new Date('2026-09-01T08:00:00Z') },
    ]);
    await client.close();
  });
});
