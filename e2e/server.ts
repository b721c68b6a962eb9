import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** Starting the built app for browser tests and benchmarks: one place for both. */

export const root = path.resolve(import.meta.dirname, '..');
const SOURCES = ['app', 'components', 'db', 'lib', 'questions', 'content', 'public'];
const ROOT_FILES = [
  'auth.ts',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'postcss.config.mjs',
];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const dir of SOURCES) visit(path.join(root, dir));
  for (const file of ROOT_FILES) visit(path.join(root, file));
  return newest;
}

/** Builds the app unless .next already holds a build newer than every source file. */
export function buildIfStale(): void {
  const buildId = path.join(root, '.next/BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange()) return;
  console.log('[server] building the app (next build)…');
  execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited at start:\n${readFileSync(log, 'utf8')}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy in 90 s:\n${readFileSync(log, 'utf8')}`);
}

export type RunningServer = {
  baseURL: string;
  log: string;
  /** The server's process id (benchmarks read its CPU time from /proc). */
  pid: number;
  stop: () => Promise<void>;
};

/** The app's own server (lib/server/serve.mjs, as `npm run serve`) on a free port, once /api/health answers. */
export async function startServer(env: NodeJS.ProcessEnv, log: string): Promise<RunningServer> {
  const port = await freePort();
  const out = openSync(log, 'a');
  // PROFILE_SERVER=<folder>: each server writes a V8 CPU profile there when it stops (for benchmarks).
  const profile = process.env.PROFILE_SERVER
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_SERVER}`]
    : [];
  const server = spawn(
    process.execPath,
    [...profile, path.join(root, 'lib/server/serve.mjs'), '--port', String(port)],
    {
      cwd: root,
      env: { ...env, NODE_ENV: 'production', PORT: String(port) },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  const baseURL = `http://localhost:${port}`;
  await waitForHealth(baseURL, server, log);
  return {
    baseURL,
    log,
    pid: server.pid!,
    stop: async () => {
      if (server.exitCode !== null || !server.pid) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/** A fresh database on the PostgreSQL server, when the suite runs against one (dropped by `drop`). */
export async function freshPostgres(adminUrl: string) {
  const { default: postgres } = await import('postgres');
  const name = `statecraft_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
