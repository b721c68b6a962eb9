import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const folder = mkdtempSync(path.join(tmpdir(), 'statecraft-secret-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('getAuthSecret without AUTH_SECRET', () => {
  it('makes a secret on PGlite, keeps it in the data folder (mode 600) and reuses it after a restart', async () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('PGLITE_DATA_DIR', folder);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    (await import('@/db')).configureDatabase((await import('@/lib/env')).databaseConfig());
    const { getAuthSecret } = await import('./secret');
    const first = await getAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(folder, 'auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(log).toHaveBeenCalledTimes(1);

    // A restart: fresh modules and no cached secret.
    const { closeDb } = await import('@/db');
    await closeDb();
    (globalThis as { statecraftAuthSecret?: unknown }).statecraftAuthSecret = undefined;
    vi.resetModules();
    const again = await (await import('./secret')).getAuthSecret();
    expect(again).toBe(first);
    expect(log).toHaveBeenCalledTimes(1);
    await (await import('@/db')).closeDb();
  });

  it('prefers AUTH_SECRET when set', async () => {
    vi.stubEnv('AUTH_SECRET', 'x'.repeat(40));
    (globalThis as { statecraftAuthSecret?: unknown }).statecraftAuthSecret = undefined;
    vi.resetModules();
    expect(await (await import('./secret')).getAuthSecret()).toBe('x'.repeat(40));
  });
});
