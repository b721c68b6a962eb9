import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Outside Next's react-server build the marker package throws; tests import server modules directly.
      'server-only': path.join(root, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    // Unit and browser files share one pool of two workers: the browser files' server and Chromium
    // leave a core idle much of the time, and the unit files fill it. Vitest runs a project whose
    // files go one at a time only after every other project's, so the browser files may run two at
    // once (each uses accounts, classes and readings of its own on the shared server).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', '.next/**', 'e2e/**'],
          // Ceilings, not waits: a unit file may share the two cores with a browser test and its server.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ['next-auth'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // e2e/http.ts reads the action definitions to name the actions it calls.
          server: { deps: { inline: ['next-auth'] } },
          // A ceiling, not a wait: long browser flows on two busy cores (CI) take minutes.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll gives up after 1 s by default: less than one page load on a busy CI machine.
          // The same ceiling as Playwright's waits (e2e/browser.ts).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
