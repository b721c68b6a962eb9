import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder } from './lock';

/**
 * PGlite has no lock of its own: two processes on one folder each see only their own writes and
 * leave it corrupt. These tests take the folder in a real second process and check that this one
 * is refused, with the holder named, and that the app's own command stops instead of starting.
 */
const root = process.cwd();
let holder: ChildProcess | undefined;
let dirs: string[] = [];

afterEach(() => {
  holder?.kill('SIGKILL');
  holder = undefined;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts a process that takes `folder` and keeps it; resolves once it holds the lock. */
function holdInAnotherProcess(folder: string): Promise<ChildProcess> {
  const script = `require(${JSON.stringify(path.join(root, 'db/lock.ts'))}).lockDataFolder(${JSON.stringify(folder)});
process.stdout.write('held\\n');
setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
}

const waitForExit = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });

describe('the PGlite data folder lock', () => {
  it('refuses a second process and names the one holding the folder', async () => {
    const folder = path.join(tempDir(), 'pglite');
    holder = await holdInAnotherProcess(folder);
    let refusal: unknown;
    try {
      lockDataFolder(folder);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as Error).message).toContain(`in use by process ${holder.pid}`);
    expect((refusal as Error).message).toContain('DATABASE_URL');
  });

  it("stops the app's own command with the reason instead of opening the folder", async () => {
    const dataDir = tempDir();
    holder = await holdInAnotherProcess(path.join(dataDir, 'pglite'));
    const migrate = spawnSync('npm', ['run', '-s', 'db:migrate'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PGLITE_DATA_DIR: dataDir,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(migrate.status).not.toBe(0);
    expect(migrate.stderr).toContain(`in use by process ${holder.pid}`);
    // Nothing was written into the folder the other process holds.
    expect(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(false);
  });

  it('takes over a folder whose holder died without releasing it, and releases it on close', async () => {
    const folder = path.join(tempDir(), 'pglite');
    holder = await holdInAnotherProcess(folder);
    holder.kill('SIGKILL');
    await waitForExit(holder);
    expect(existsSync(`${folder}.pid`)).toBe(true);
    const release = lockDataFolder(folder);
    expect(existsSync(`${folder}.pid`)).toBe(true);
    release();
    expect(existsSync(`${folder}.pid`)).toBe(false);
  });
});
