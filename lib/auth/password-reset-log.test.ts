import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { checkCredentials } from './accounts';
import { hashPassword } from './password';
import { requestPasswordReset, resetPassword } from './password-reset';

/**
 * Password reset with no mail server configured (the message goes to the server log): outside
 * production the answer also carries the link, for the page to show; in production it never
 * does. (With SMTP_URL set it never does either: password-reset.test.ts sees `{ status: 'sent' }`
 * and nothing more.)
 */
setUpTestDatabase();

const ORIGIN = 'http://localhost:3000';
beforeAll(() => {
  // This file's process reads the configuration once, with no mail server in it.
  delete process.env.SMTP_URL;
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function account(email: string) {
  await insertUser({ email, name: 'Lee Local', passwordHash: await hashPassword('an old passphrase here') });
}

describe('password reset without a mail server', () => {
  it('shows the link in development, and the link resets the password', async () => {
    expect(process.env.NODE_ENV).not.toBe('production');
    await account('local-dev@example.org');
    const answer = await requestPasswordReset({ email: 'local-dev@example.org', ip: null, origin: ORIGIN });
    expect(answer).toMatchObject({
      status: 'sent',
      developmentLink: expect.stringMatching(/^http:\/\/localhost:3000\/reset-password\?token=[\w-]+$/),
    });
    const token = new URL((answer as { developmentLink: string }).developmentLink).searchParams.get('token')!;
    expect(await resetPassword({ token, password: 'a passphrase from the page' })).toMatchObject({
      status: 'reset',
    });
    expect(
      (
        await checkCredentials(
          { email: 'local-dev@example.org', password: 'a passphrase from the page' },
          null,
        )
      ).status,
    ).toBe('ok');
  });

  it('never shows it in production, nor for an address with no account', async () => {
    await account('local-prod@example.org');
    vi.stubEnv('NODE_ENV', 'production');
    expect(await requestPasswordReset({ email: 'local-prod@example.org', ip: null, origin: ORIGIN })).toEqual(
      {
        status: 'sent',
      },
    );
    vi.unstubAllEnvs();
    expect(
      await requestPasswordReset({ email: 'nobody-local@example.org', ip: null, origin: ORIGIN }),
    ).toEqual({
      status: 'sent',
    });
  });
});
