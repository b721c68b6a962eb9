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
    async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      if (!browser) throw new Error('browser not started');
      const context = await browser.newContext({ ...options, baseURL: inject('baseURL') });
      context.setDefaultTimeout(15_000);
      return context;
    },
  };
}

let counter = 0;
/** An email no other test uses, so tests never depend on each other's accounts. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@e2e.statecraft`;
}
