import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { axeViolations } from './pages/reading';
import { buildIfStale, freshPostgres, type RunningServer, startServer } from './server';

/**
 * EMAIL_VERIFICATION=required, end to end in Chromium. The suite's own server runs with the
 * setting off (every other test is what "off changes nothing" looks like), so this file starts a
 * second server of its own with it on, and no SMTP: links are read from that server's log, as a
 * laptop install shows them.
 */
const browser = setUpBrowser();
const PASSWORD = 'ferries cross the strait at noon';
let server: RunningServer;
let cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  buildIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-verify-'));
  const postgresDb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    DATABASE_URL: postgresDb?.url ?? '',
    SEED_DEMO: 'true',
    EMAIL_VERIFICATION: 'required',
  };
  delete env.SMTP_URL;
  delete env.AUTH_URL;
  delete env.AUTH_TRUST_HOST;
  server = await startServer(env, path.join(dataDir, 'server.log'));
  cleanup = [
    () => server.stop(),
    async () => postgresDb?.drop(),
    async () => rmSync(dataDir, { recursive: true, force: true }),
  ];
});

afterAll(async () => {
  for (const step of cleanup) await step();
});

/** How many verification links the server has logged for `email`, and the last of them. */
function mailedLinks(email: string): string[] {
  const pattern = new RegExp(
    `\\[mail\\] to ${email.replace(/[.+]/g, '\\$&')}:[\\s\\S]*?(http\\S+/verify-email\\?token=[\\w-]+)`,
    'g',
  );
  return [...readFileSync(server.log, 'utf8').matchAll(pattern)].map((m) => {
    const url = new URL(m[1]!);
    return url.pathname + url.search;
  });
}

describe('email verification, when required', () => {
  it('keeps a new account out until it opens the emailed link, then lets it in', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const auth = new AuthPages(page);
    const email = uniqueEmail('verify');

    // Sign-up sends the person to check their email, with a link on its way.
    await auth.submitSignUp({ name: 'Ines Verified', email, password: PASSWORD });
    await page.waitForURL(/\/verify-email\?notice=sent/);
    await page.getByText('Your account is almost ready').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await axeViolations(page)).toEqual([]);
    expect(mailedLinks(email)).toHaveLength(1);

    // The right password is not enough yet: no session, a fresh link, and the page that says so.
    await auth.signIn({ email, password: PASSWORD }, '/sign-in');
    await page.waitForURL(/\/verify-email\?notice=unconfirmed/);
    await page.getByText('Confirm your email before you sign in').waitFor();
    expect(mailedLinks(email)).toHaveLength(2);
    await page.goto('/home');
    await page.waitForURL(/\/sign-in/);

    // "Send the link again" answers as it would for any address.
    await page.goto(`/verify-email?email=${encodeURIComponent(email)}`);
    await page.getByRole('button', { name: 'Send the link again' }).click();
    await page.getByText(`If ${email} has an account that still needs confirming`).waitFor();
    expect(mailedLinks(email)).toHaveLength(3);

    // The latest link confirms (with a press, not by being fetched), and signing in works.
    const link = mailedLinks(email).at(-1)!;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForURL(/\/sign-in\?notice=email-verified/);
    await page.getByText('Your email is confirmed').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await auth.signIn({ email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { name: 'Welcome, Ines' }).waitFor();

    // The link is spent, and an older one died with it.
    const other = await browser.newContext({ baseURL: server.baseURL });
    const otherPage = await other.newPage();
    await otherPage.goto(link);
    await otherPage.locator('[data-verify-link-dead]').waitFor();
    await otherPage.goto(mailedLinks(email)[0]!);
    await otherPage.locator('[data-verify-link-dead]').waitFor();
    await other.close();
    await context.close();
  });

  it('answers a taken email exactly as a new one, and mails no link to a confirmed account', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const auth = new AuthPages(page);
    await auth.submitSignUp({ name: 'Copy Cat', email: 'priya@demo.statecraft', password: PASSWORD });
    await page.waitForURL(/\/verify-email\?notice=sent/);
    const takenNotice = await page.getByRole('status').first().textContent();
    const fresh = uniqueEmail('fresh');
    await auth.submitSignUp({ name: 'Fresh One', email: fresh, password: PASSWORD });
    await page.waitForURL(/\/verify-email\?notice=sent/);
    expect(await page.getByRole('status').first().textContent()).toBe(takenNotice);
    expect(mailedLinks('priya@demo.statecraft')).toEqual([]);
    expect(mailedLinks(fresh)).toHaveLength(1);
    await context.close();
  });

  it('lets the seeded demo accounts in without a link', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await new AuthPages(page).signIn({ email: 'lena@demo.statecraft', password: 'statecraft-demo' });
    await page.waitForURL(/\/home$/);
    await context.close();
  });
});
