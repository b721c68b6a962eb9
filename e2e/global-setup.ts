import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
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
function buildIfStale(): void {
  const buildId = path.join(root, '.next/BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange()) return;
  console.log('[e2e] building the app (next build)…');
  execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function freePort(): Promise<number> {
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

/** A fresh database on the PostgreSQL server, when the suite runs against one. */
async function freshPostgres(adminUrl: string) {
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

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    const error = new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
    error.stack = error.message;
    throw error;
  }
  buildIfStale();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-e2e-'));
  const log = path.join(dataDir, 'server.log');
  const port = await freePort();
  const postgresDb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    PGLITE_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    DATABASE_URL: postgresDb?.url ?? '',
  };
  // The app must make its own secret and trust localhost by itself: that is what a new user gets.
  delete env.AUTH_SECRET;
  delete env.AUTH_URL;
  delete env.AUTH_TRUST_HOST;

  const out = openSync(log, 'a');
  const server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const baseURL = `http://localhost:${port}`;
  await waitForHealth(baseURL, server, log);
  project.provide('baseURL', baseURL);
  project.provide('serverLog', log);

  return async () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    await postgresDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
