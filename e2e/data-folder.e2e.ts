import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '@/db/lock';
import { startServer } from './server';

/**
 * The built server's start on a PGlite folder that another process holds: it must stop with the
 * holder named, never print "Ready" and answer 500 to everything.
 */
let cleanup: (() => void)[] = [];

afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

describe('a second server on one PGlite data folder', () => {
  it('exits at start and names the process that holds the folder', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-second-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // This test process plays the first server: it holds the folder the second one is given.
    cleanup.push(lockDataFolder(path.join(dataDir, 'pglite')));
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' };
    const started = startServer(env, path.join(dataDir, 'server.log'));
    await expect(started).rejects.toThrow(`in use by process ${process.pid}`);
  });
});
