import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_PATH } from './chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One Chromium per test file; each test opens its own context (its own cookies). */
export function setUpBrowser() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    baseURL: () => inject('baseURL'),
    /** A context on the suite's server, or on `options.baseURL` (a test that starts a server of its own). */
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ baseURL: inject('baseURL'), ...options });
      context.setDefaultTimeout(15_000);
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
