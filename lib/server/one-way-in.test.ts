import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointInfo } from './endpoint';
import { RULES } from './policy';

/**
 * Every server action and every route handler is made by lib/server/endpoint.ts; this test fails
 * when one is written any other way (an inline 'use server' function, a route exporting a plain
 * handler, a module checking the session by hand).
 */
const root = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'questions'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const USE_SERVER = /^\s*['"]use server['"];?\s*$/m;
const ACTION_DIR = 'lib/server/actions/';
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

describe('one way in', () => {
  it('keeps server actions in lib/server/actions, and nowhere else', () => {
    const elsewhere = files.filter((f) => !f.startsWith(ACTION_DIR) && USE_SERVER.test(read(f)));
    expect(elsewhere).toEqual([]);
    const actionFiles = files.filter((f) => f.startsWith(ACTION_DIR));
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles)
      expect(read(file).trimStart().startsWith("'use server'"), file).toBe(true);
  });

  it('makes every exported action with the one definition, each with a known rule and a unique name', async () => {
    const names = new Set<string>();
    for (const file of files.filter((f) => f.startsWith(ACTION_DIR))) {
      const module = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const exported = Object.entries(module);
      expect(exported.length, file).toBeGreaterThan(0);
      for (const [name, value] of exported) {
        const info = endpointInfo(value);
        expect(info, `${file}: ${name} is not made by action() or publicAction()`).toBeDefined();
        expect(info?.kind).toBe('action');
        expect(Object.keys(RULES)).toContain(info?.rule);
        expect(names.has(info!.name), `two actions are named ${info?.name}`).toBe(false);
        names.add(info!.name);
      }
    }
  });

  it('makes every route handler with the one definition', async () => {
    const routes = files.filter((f) => f.startsWith('app/') && /(^|\/)route\.ts$/.test(f));
    expect(routes.length).toBeGreaterThan(0);
    for (const file of routes) {
      const module = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const handlers = Object.entries(module).filter(([name]) => HTTP_METHODS.has(name));
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const [method, value] of handlers) {
        const info = endpointInfo(value);
        expect(info, `${file}: ${method} is not made by route() or publicRoute()`).toBeDefined();
        expect(info?.kind).toBe('route');
        expect(Object.keys(RULES)).toContain(info?.rule);
      }
    }
  });

  it('reads the session in one place: nothing else calls auth() or reads the token alone', () => {
    const importsAuth = /import\s*\{[^}]*\b(auth|sessionToken)\b[^}]*\}\s*from\s*'@\/auth'/;
    const readers = files.filter((f) => importsAuth.test(read(f)));
    expect(readers).toEqual(['lib/server/session.ts']);
  });
});
