import type { Page } from 'playwright-core';

/** The sign-up, sign-in and sign-out steps, as a user does them. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  /** Fills in and sends the sign-up form (which then sends the person to sign in). */
  async submitSignUp({ name, email, password }: { name: string; email: string; password: string }) {
    await this.page.goto('/sign-up');
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }

  /** Creates an account and signs in with it, as a new user does. */
  async signUp(person: { name: string; email: string; password: string }) {
    await this.submitSignUp(person);
    await this.page.waitForURL(/\/sign-in\?notice=account-ready/);
    await this.signIn(person);
  }

  async signIn({ email, password }: { email: string; password: string }, path = '/sign-in') {
    if (!this.page.url().includes('/sign-in')) await this.page.goto(path);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    // Wait for the form's server action to answer, so consecutive attempts never overlap.
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST'),
      this.page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.waitForURL(/\/sign-in/);
  }

  /** The form's message line, once it says something. */
  async formMessage(): Promise<string> {
    const message = this.page.locator('form [role="alert"]:not(:empty)');
    await message.waitFor();
    return (await message.textContent()) ?? '';
  }
}
