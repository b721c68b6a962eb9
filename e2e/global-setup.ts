import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium';
import { buildIfStale, freshPostgres, startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    serverLog: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    const error = new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
    error.stack = error.message;
    throw error;
  }
  // Against a server that is already running (development): no build, no new server.
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    project.provide('serverLog', '');
    return;
  }
  buildIfStale();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-e2e-'));
  const postgresDb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    DATABASE_URL: postgresDb?.url ?? '',
    // The access-matrix test's site administrator (e2e/access.e2e.ts).
    SITE_ADMIN_EMAILS: 'site-admin@e2e.statecraft',
  };
  // The app must make its own secret and trust localhost by itself: that is what a new user gets.
  delete env.AUTH_SECRET;
  delete env.AUTH_URL;
  delete env.AUTH_TRUST_HOST;

  const server = await startServer(env, path.join(dataDir, 'server.log'));
  project.provide('baseURL', server.baseURL);
  project.provide('serverLog', server.log);

  return async () => {
    await server.stop();
    await postgresDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
