import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { axeViolations } from './pages/reading';

const browser = setUpBrowser();
const PASSWORD = 'quiet lanterns over the harbour';

describe('accounts in the browser', () => {
  it('signs up, lands on an empty dashboard, signs out and signs back in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);
    const email = uniqueEmail('new');

    await auth.signUp({ name: 'Noor Haddad', email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Noor');
    expect(await page.getByText('You are not in any class yet').isVisible()).toBe(true);

    await auth.signOut();
    expect(await page.getByText('You have signed out on every device.').isVisible()).toBe(true);

    await auth.signIn({ email: email.toUpperCase(), password: PASSWORD });
    await page.waitForURL(/\/home$/);
    await context.close();
  });

  it('sends a signed-out visitor of a private page to sign-in and back there after', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto('/account');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/account');

    await new AuthPages(page).signIn({ email: 'lena@demo.statecraft', password: 'statecraft-demo' });
    await page.waitForURL(/\/account$/);
    expect(await page.getByRole('heading', { name: 'Account' }).isVisible()).toBe(true);
    await context.close();
  });

  it('says the email and password do not match, the same way for an unknown email', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);
    await page.goto('/sign-in');
    await auth.signIn({ email: 'tomas@demo.statecraft', password: 'not my password' });
    const wrongPassword = await auth.formMessage();
    expect(wrongPassword).toMatch(/do not match an account/);
    expect(await page.getByLabel('Email').inputValue()).toBe('tomas@demo.statecraft');

    await auth.signIn({ email: uniqueEmail('ghost'), password: 'not my password' });
    expect(await auth.formMessage()).toBe(wrongPassword);
    await context.close();
  });

  it('answers a taken email exactly as a new one, and refuses weak, blank and context passwords and an invalid email', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);

    // Sign-up must not tell who has an account: both land on the same sign-in notice.
    await auth.submitSignUp({ name: 'Copy Cat', email: 'priya@demo.statecraft', password: PASSWORD });
    await page.waitForURL(/\/sign-in\?notice=account-ready/);
    const takenNotice = await page.getByRole('status').first().textContent();
    const fresh = uniqueEmail('fresh');
    await auth.submitSignUp({ name: 'Fresh One', email: fresh, password: PASSWORD });
    await page.waitForURL(/\/sign-in\?notice=account-ready/);
    expect(await page.getByRole('status').first().textContent()).toBe(takenNotice);
    expect(await page.getByLabel('Email').inputValue()).toBe(fresh);
    // The existing account keeps its own password.
    await auth.signIn({ email: 'priya@demo.statecraft', password: PASSWORD });
    expect(await auth.formMessage()).toMatch(/do not match an account/);

    await auth.submitSignUp({ name: 'Weak One', email: uniqueEmail('weak'), password: 'password1' });
    await page.getByText(/one of the most commonly used/).waitFor();

    await auth.submitSignUp({ name: 'Short One', email: uniqueEmail('short'), password: 'abc' });
    await page.getByText('Use at least 8 characters.').waitFor();

    await auth.submitSignUp({ name: 'Blank One', email: uniqueEmail('blank'), password: '          ' });
    await page.getByText(/characters that are not spaces/).waitFor();

    await auth.submitSignUp({ name: 'Site Fan', email: uniqueEmail('fan'), password: 'Statecraft2026!' });
    await page.getByText(/too close to your email, your name or the name of this site/).waitFor();

    await auth.submitSignUp({ name: 'Bobby Tables', email: "x'; drop table user;--", password: PASSWORD });
    await page.getByText(/Enter a valid email address/).waitFor();

    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter your name.').waitFor();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('signing out in one browser ends the session in another', async () => {
    const email = uniqueEmail('two-devices');
    const laptop = await browser.newContext();
    const laptopPage = await laptop.newPage();
    await new AuthPages(laptopPage).signUp({ name: 'Two Devices', email, password: PASSWORD });
    await laptopPage.waitForURL(/\/home$/);

    const phone = await browser.newContext();
    const phonePage = await phone.newPage();
    await new AuthPages(phonePage).signIn({ email, password: PASSWORD });
    await phonePage.waitForURL(/\/home$/);

    await new AuthPages(laptopPage).signOut();
    await phonePage.goto('/home');
    expect(new URL(phonePage.url()).pathname).toBe('/sign-in');
    await laptop.close();
    await phone.close();
  });

  it('changing the password ends every session and the new password works', async () => {
    const email = uniqueEmail('change');
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);
    await auth.signUp({ name: 'Changer', email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await new AuthPages(otherPage).signIn({ email, password: PASSWORD });
    await otherPage.waitForURL(/\/home$/);

    await page.goto('/account');
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/notice=password-changed/);

    await otherPage.goto('/home');
    expect(new URL(otherPage.url()).pathname).toBe('/sign-in');
    await auth.signIn({ email, password: 'a brand new passphrase' });
    await page.waitForURL(/\/home$/);
    await context.close();
    await other.close();
  });

  it('recovers a forgotten password through the emailed link, which ends every other session', async () => {
    const email = uniqueEmail('forgot');
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);
    await auth.signUp({ name: 'Forgetful', email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/sign-in');
    await otherPage.getByRole('link', { name: 'Forgot your password?' }).click();
    await otherPage.waitForURL(/\/forgot-password$/);
    expect(await axeViolations(otherPage)).toEqual([]);
    await otherPage.getByLabel('Email').fill(email.toUpperCase());
    await otherPage.getByRole('button', { name: 'Email me a link' }).click();
    await otherPage.getByText(`If an account uses ${email}, we have sent it a link`).waitFor();

    // No mail server in this run: the app writes the message to its log, as on a laptop install;
    // a production server never shows the link on the page (development does).
    expect(await otherPage.locator('[data-follow-up-link]').count()).toBe(0);
    const link = await mailedLink(email);
    await otherPage.goto(link);
    await otherPage.getByLabel('New password').fill('lighthouse keepers at dawn');
    await otherPage.getByRole('button', { name: 'Set the new password' }).click();
    await otherPage.waitForURL(/notice=password-reset/);
    await new AuthPages(otherPage).signIn({ email, password: 'lighthouse keepers at dawn' });
    await otherPage.waitForURL(/\/home$/);
    // The session that knew the old password has ended, and the link is spent.
    await page.goto('/home');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(link);
    await page.locator('[data-reset-link-dead]').waitFor();
    await context.close();
    await other.close();
  });

  it('on a phone, reaches every section through the menu and never scrolls sideways', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await new AuthPages(page).signUp({
      name: 'Phone Student',
      email: uniqueEmail('phone'),
      password: PASSWORD,
    });
    await page.waitForURL(/\/home$/);
    const sections = [
      ['Home', '/home'],
      ['Readings', '/readings'],
      ['Review', '/review'],
      ['Practice', '/practice'],
      ['Progress', '/progress'],
      ['Classes', '/classes'],
      ['Teach', '/teach/readings'],
    ] as const;
    for (const [section, path] of sections) {
      await page.locator('[data-phone-menu] summary').click();
      const menu = page.locator('[data-phone-menu] nav');
      await menu.getByRole('link', { name: section, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${section} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    expect(await axeViolations(page)).toEqual([]);
    // Account and sign-out are in the menu too.
    await page.locator('[data-phone-menu] summary').click();
    await page.locator('[data-phone-menu] nav').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it('shows the demo instructor their demo class with its join code', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signIn({ email: 'instructor@demo.statecraft', password: 'statecraft-demo' });
    await page.waitForURL(/\/home$/);
    await page.getByText('IR 210: Great-Power Diplomacy (demo)', { exact: true }).waitFor();
    expect(await page.getByText(/You teach this class · 3 students · join code DEMO-210/).isVisible()).toBe(
      true,
    );
    await context.close();
  });

  it("gives each page a Content-Security-Policy with a nonce of its own, on every one of the page's scripts, and the page runs under it", async () => {
    const context = await browser.newContext();
    // Refusals are reported to the page; this listener is added by the browser, not by the page.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const nonces: string[] = [];
    for (let visit = 0; visit < 2; visit++) {
      const response = (await page.goto('/sign-in'))!;
      const policy = response.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
      expect(nonce).not.toBe('');
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      nonces.push(nonce);
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[1]).not.toBe(nonces[0]);
    // Next's own scripts ran (they set window.next), and nothing on the page was refused.
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object');
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await context.close();
  });

  it('backs off after repeated failures, in the form and with HTTP 429', async () => {
    const email = uniqueEmail('throttled');
    const context = await browser.newContext();
    const page = await context.newPage();
    const auth = new AuthPages(page);
    await auth.signUp({ name: 'Throttled', email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    await auth.signOut();

    for (let i = 0; i < 5; i++) {
      await auth.signIn({ email, password: `wrong guess ${i}` });
      expect(await auth.formMessage()).toMatch(/do not match an account/);
      // React resets the form after its action: wait for that before typing the next attempt.
      await expect.poll(() => page.getByLabel('Password').inputValue()).toBe('');
    }
    await auth.signIn({ email, password: PASSWORD });
    await page.getByText(/Too many failed attempts\. Wait \d+ seconds/).waitFor();

    const csrf = await (await context.request.get('/api/auth/csrf')).json();
    const response = await context.request.post('/api/auth/callback/credentials', {
      form: { email, password: PASSWORD, csrfToken: csrf.csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(429);
    expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await response.json()).error.message).toMatch(/Too many failed sign-ins/);
    await context.close();
  });

  it("keeps the owner's own browser signing in while a stranger's failures lock the account for others", async () => {
    const email = uniqueEmail('targeted');
    const owner = await browser.newContext();
    const page = await owner.newPage();
    const auth = new AuthPages(page);
    await auth.signUp({ name: 'Targeted', email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    const device = (await owner.cookies()).find((c) => c.name === 'statecraft-device');
    expect(device?.httpOnly).toBe(true);
    await auth.signOut();

    // A stranger's browser spends the account's five failures, then is refused even the right password.
    const stranger = await browser.newContext();
    const signInFrom = async (context: typeof owner, password: string) => {
      const csrf = await (await context.request.get('/api/auth/csrf')).json();
      return context.request.post('/api/auth/callback/credentials', {
        form: { email, password, csrfToken: csrf.csrfToken },
        maxRedirects: 0,
      });
    };
    for (let i = 0; i < 5; i++)
      expect((await signInFrom(stranger, `wrong guess ${i}`)).status()).not.toBe(429);
    expect((await signInFrom(stranger, PASSWORD)).status()).toBe(429);

    // The owner's browser, which signed in before, is let in through the form.
    await auth.signIn({ email, password: PASSWORD });
    await page.waitForURL(/\/home$/);
    // Signing in over Auth.js's own endpoint makes a browser known too.
    const other = await browser.newContext();
    const accepted = await signInFrom(other, PASSWORD);
    expect(accepted.headers()['set-cookie']).toMatch(/statecraft-device=/);
    await Promise.all([owner.close(), stranger.close(), other.close()]);
  });
});

/** The reset link in the last message the server logged for `email` (it logs mail when no SMTP is set). */
async function mailedLink(email: string): Promise<string> {
  const log = inject('serverLog');
  const pattern = new RegExp(
    `\\[mail\\] to ${email.replace(/[.+]/g, '\\$&')}:[\\s\\S]*?(http\\S+/reset-password\\?token=[\\w-]+)`,
    'g',
  );
  // The action answers after the mail is written, so the log already holds it.
  const found = [...readFileSync(log, 'utf8').matchAll(pattern)].at(-1)?.[1];
  if (!found) throw new Error(`No mail to ${email} in the server log.`);
  return new URL(found).pathname + new URL(found).search;
}
