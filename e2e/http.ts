import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './server';

/**
 * Talking to the running app as an attacker would: signing in over HTTP, and calling any server
 * action by id with any cookies and any arguments, encoded exactly as React encodes a browser's
 * call (its own encodeReply), posted to a page that has the action (as a browser would).
 */

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type Session = { cookie: string };
export const ANONYMOUS: Session = { cookie: '' };

/** A Cookie header's pairs as cookies of `url`, for a browser to hold (Playwright's or Puppeteer's shape). */
export function cookiesForBrowser(header: string, url: string) {
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    });
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** Posts an email and password to Auth.js's own credentials endpoint, as the sign-in form's fallback would. */
export async function postCredentials(baseURL: string, email: string, password: string) {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: baseURL },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  return { response, cookies: [...jar, ...cookiesOf(response)] };
}

/** Signs in through Auth.js's own credentials endpoint; answers the session's cookies. */
export async function signInOverHttp(baseURL: string, email: string, password: string): Promise<Session> {
  const { response, cookies } = await postCredentials(baseURL, email, password);
  if (!cookies.some((c) => c.startsWith('authjs.session-token=')))
    throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return { cookie: cookies.join('; ') };
}

/** A page that has the action among its own: Next decodes a form's fields with that page's manifest. */
function pageFor(workers: Record<string, unknown>): string {
  const pages = Object.keys(workers)
    .filter((w) => w.startsWith('app/') && w.endsWith('/page'))
    .map((w) =>
      w
        .slice('app'.length, -'/page'.length)
        .replace(/\/\([^)]*\)/g, '')
        .replace(/\[[^\]]+\]/g, '0'),
    )
    .sort((a, b) => (a.match(/\/0/g)?.length ?? 0) - (b.match(/\/0/g)?.length ?? 0));
  return pages[0] || '/';
}

export type ActionRef = { id: string; page: string };

type Manifest = {
  node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
};

/** The build's server actions by "file#export" (`lib/server/actions/classes.ts#createClassAction`). */
function actionsByExport(): Map<string, ActionRef> {
  const manifest = JSON.parse(
    readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => [
      `${entry.filename}#${entry.exportedName}`,
      { id, page: pageFor(entry.workers) },
    ]),
  );
}

/**
 * One action of the build by where it is exported (`actionRef('question-bank',
 * 'generateQuestionsAction')`), read from the build's manifest alone: for scripts that cannot load
 * the app's modules (benchmarks run outside Next).
 */
export function actionRef(file: string, exportName: string): ActionRef {
  const ref = actionsByExport().get(`lib/server/actions/${file}.ts#${exportName}`);
  if (!ref) throw new Error(`No action ${exportName} in lib/server/actions/${file}.ts in this build.`);
  return ref;
}

/** Every server action of the build, by its endpoint name ("classes.createAssignment"): its id for Next. */
export async function actionIds(): Promise<Map<string, ActionRef>> {
  // Loaded here, not at the top: the endpoint module brings in the app (tests run it; scripts cannot).
  const { endpointInfo } = await import('@/lib/server/endpoint');
  const byExport = actionsByExport();
  const ids = new Map<string, ActionRef>();
  const dir = path.join(root, 'lib/server/actions');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const module = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      const info = endpointInfo(value);
      const ref = byExport.get(`lib/server/actions/${file}#${exportName}`);
      if (info && ref) ids.set(info.name, ref);
    }
  }
  return ids;
}

export type ActionAnswer = {
  httpStatus: number;
  /** The action's Result, when it answered one. */
  result?: { status: string; message?: string; reason?: string; policy?: boolean; data?: unknown };
  /** Where the action sent the browser (a redirect it threw). */
  redirect?: string;
  /** Where the server sent the request before any action ran (the proxy, for signed-out visitors). */
  location?: string;
  /** True when the server answered with an error instead of a result (a bug: thrown, 5xx). */
  serverError: boolean;
  text: string;
};

/** A FormData argument, as a form's fields arrive. */
export function formOf(fields: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

/**
 * Calls an action by id with these arguments: `[input]` as a client calls it, or
 * `[previousResult, formData]` as a form with useActionState does.
 */
export async function callAction(
  baseURL: string,
  session: Session,
  action: ActionRef,
  args: unknown[],
  options: { origin?: string } = {},
): Promise<ActionAnswer> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = {
    'next-action': action.id,
    accept: 'text/x-component',
    origin: options.origin ?? baseURL,
  };
  if (session.cookie) headers.cookie = session.cookie;
  if (typeof body === 'string') headers['content-type'] = 'text/plain;charset=UTF-8';
  const response = await fetch(`${baseURL}${action.page}`, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  const redirect = response.headers.get('x-action-redirect')?.split(';')[0];
  const location = response.headers.get('location') ?? undefined;
  let result: ActionAnswer['result'];
  let serverError = response.status >= 500;
  for (const line of text.split('\n')) {
    const match = /^1:(E?)(\{.*)$/.exec(line);
    if (!match) continue;
    if (match[1] === 'E') serverError = true;
    else result = JSON.parse(match[2]!) as ActionAnswer['result'];
  }
  return { httpStatus: response.status, result, redirect, location, serverError, text };
}

/** A page or a route, fetched with a session and not followed when it redirects. */
export async function fetchAs(
  baseURL: string,
  session: Session,
  pathname: string,
  /** `json` is sent as JSON; `body` as it is (a file's text, as the import page sends it). */
  init: {
    method?: string;
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; location: string | null; text: string; contentType: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (session.cookie) headers.cookie = session.cookie;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.body !== undefined) headers['content-type'] = 'application/octet-stream';
  const response = await fetch(`${baseURL}${pathname}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    redirect: 'manual',
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    text: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}
