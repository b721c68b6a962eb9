import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { IDLE } from '@/lib/server/result';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import { ANONYMOUS, actionRef, callAction, cookiesForBrowser, formOf, signInOverHttp } from './http';

/** One Chromium per test file; each test opens its own context (its own cookies). */
export function setUpBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A failing test leaves its contexts open: what their pages showed, and what the server said last,
  // is what tells a flaky wait from a real fault when the failure happened on a busy CI machine.
  const open = new Set<BrowserContext>();
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const folder = path.join(tmpdir(), 'statecraft-e2e-failures');
      mkdirSync(folder, { recursive: true });
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      let n = 0;
      for (const context of open)
        for (const page of context.pages()) {
          n += 1;
          const file = path.join(folder, `${slug}-${n}.png`);
          const shot = await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).then(
            () => file,
            (error: Error) => `no screenshot (${error.message.split('\n')[0]})`,
          );
          console.error(`[failed test] page ${n}: ${page.url()} · ${shot}`);
        }
      const log = inject('serverLog');
      if (log) {
        const tail = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
        console.error(`[failed test] the server's last lines (${log}):\n${tail}`);
      }
    });
  });
  /** A context on the suite's server, or on `options.baseURL` (a test that starts a server of its own). */
  const newContext = async (options: BrowserContextOptions = {}): Promise<BrowserContext> => {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({ baseURL: inject('baseURL'), ...options });
    context.setDefaultTimeout(15_000);
    open.add(context);
    context.on('close', () => open.delete(context));
    return context;
  };
  return {
    baseURL: () => inject('baseURL'),
    newContext,
    /**
     * A context signed in to a new account, made over HTTP through the sign-up form's own action
     * and Auth.js's credentials endpoint: for tests about what comes after. The forms themselves are
     * tested in the browser in e2e/auth.e2e.ts.
     */
    async signedUpContext(
      person: { name: string; email: string; password: string },
      options: BrowserContextOptions = {},
    ): Promise<BrowserContext> {
      const baseURL = inject('baseURL');
      const signUp = await callAction(baseURL, ANONYMOUS, actionRef('auth', 'signUpAction'), [
        IDLE,
        formOf({ ...person, callbackUrl: '' }),
      ]);
      if (!signUp.redirect?.includes('notice=account-ready'))
        throw new Error(`Signing up ${person.email} failed: ${signUp.text.slice(0, 300)}`);
      const session = await signInOverHttp(baseURL, person.email, person.password);
      const context = await newContext(options);
      await context.addCookies(cookiesForBrowser(session.cookie, baseURL));
      return context;
    },
  };
}

let counter = 0;
/**
 * An email no other test uses, so tests never depend on each other's accounts: the process id
 * tells apart two test files that run at once (each in a worker of its own).
 */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid.toString(36)}-${counter}@e2e.statecraft`;
}

/**
 * Collects React's hydration errors (#418, #423, #425: the server's HTML and the first client
 * render disagree) from every page of a context, for a test to assert there are none.
 */
export function hydrationErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: import('playwright-core').Page) => {
    const url = () => new URL(page.url()).pathname;
    page.on('pageerror', (error) => {
      if (/#41[89]|#42[35]|hydrat/i.test(error.message))
        errors.push(`${url()}: ${error.message.slice(0, 200)}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /#41[89]|#42[35]|hydrat/i.test(message.text()))
        errors.push(`${url()}: ${message.text().slice(0, 200)}`);
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return errors;
}
