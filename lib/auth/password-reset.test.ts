import { describe, expect, it } from 'vitest';
import { getUserByEmail, insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { setUpMailSink } from '@/lib/test-mail-sink';
import { checkCredentials } from './accounts';
import { hashPassword } from './password';
import { RESET_LINK_MINUTES, requestPasswordReset, resetPassword } from './password-reset';
import { recordFailure, secondsUntilAllowed, signInKeys } from './throttle';

/**
 * Password reset end to end below the browser: the mail goes out over real SMTP to a sink that
 * this test runs (smtp-server, Nodemailer's own server), and the link in it is what resets.
 */
setUpTestDatabase();

const inbox = setUpMailSink({ MAIL_FROM: 'Statecraft <no-reply@school.example>' });

const ORIGIN = 'https://ir.school.example';
let seq = 0;

async function account(password = 'an old passphrase here') {
  const email = `reset-${++seq}@example.org`;
  await insertUser({ email, name: 'Ana Reset', passwordHash: await hashPassword(password) });
  return email;
}

/** The reset link in the latest message to `email`, as a mail client would show it. */
function linkSentTo(email: string): string {
  const mail = inbox.findLast((m) => m.to === email);
  if (!mail) throw new Error(`No mail to ${email}`);
  // Quoted-printable soft line breaks ("=\r\n") may split a long link.
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /https:\/\/ir\.school\.example\/reset-password\?token=[\w-]+/.exec(body)?.[0];
  if (!link) throw new Error(`No link in the mail to ${email}`);
  return link;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('password reset', () => {
  it('emails a one-time link that sets a new password and ends every session', async () => {
    const email = await account();
    const before = (await getUserByEmail({ email }))!;
    expect(
      await requestPasswordReset({ email: email.toUpperCase(), ip: '10.0.0.1', origin: ORIGIN }),
    ).toEqual({
      status: 'sent',
    });
    const mail = inbox.findLast((m) => m.to === email)!;
    expect(mail.raw).toContain('Subject: Choose a new Statecraft password');
    expect(mail.raw).toContain('From: Statecraft <no-reply@school.example>');
    expect(mail.raw).toContain(`within ${RESET_LINK_MINUTES} minutes`);
    const token = tokenOf(linkSentTo(email));

    expect(await resetPassword({ token, password: 'a brand new passphrase' })).toEqual({
      status: 'reset',
      email,
    });
    expect((await checkCredentials({ email, password: 'a brand new passphrase' }, null)).status).toBe('ok');
    expect((await checkCredentials({ email, password: 'an old passphrase here' }, null)).status).not.toBe(
      'ok',
    );
    const after = (await getUserByEmail({ email }))!;
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    // The link works once.
    expect(await resetPassword({ token, password: 'yet another passphrase' })).toEqual({
      status: 'invalid-token',
    });
  });

  it('refuses an expired link, a made-up one, and a weak or contextual password (keeping the link)', async () => {
    const email = await account();
    const asked = new Date('2026-12-01T09:00:00Z');
    await requestPasswordReset({ email, ip: '10.0.0.2', origin: ORIGIN, now: asked });
    const token = tokenOf(linkSentTo(email));
    const late = new Date(asked.getTime() + (RESET_LINK_MINUTES + 1) * 60_000);
    expect(await resetPassword({ token, password: 'a fine passphrase', now: late })).toEqual({
      status: 'invalid-token',
    });
    expect(await resetPassword({ token: 'made-up', password: 'a fine passphrase' })).toEqual({
      status: 'invalid-token',
    });

    await requestPasswordReset({ email, ip: '10.0.0.2', origin: ORIGIN });
    const fresh = tokenOf(linkSentTo(email));
    expect(await resetPassword({ token: fresh, password: 'password123' })).toMatchObject({
      status: 'invalid',
    });
    expect(await resetPassword({ token: fresh, password: email })).toMatchObject({ status: 'invalid' });
    expect(await resetPassword({ token: fresh, password: '        ' })).toMatchObject({ status: 'invalid' });
    expect(await resetPassword({ token: fresh, password: 'a fine passphrase' })).toMatchObject({
      status: 'reset',
    });
  });

  it('answers the same for an address with no account, and sends nothing to it', async () => {
    const before = inbox.length;
    expect(
      await requestPasswordReset({ email: 'nobody-here@example.org', ip: '10.0.0.3', origin: ORIGIN }),
    ).toEqual({ status: 'sent' });
    expect(inbox.length).toBe(before);
  });

  it('limits requests per address, with or without an account', async () => {
    for (const email of [await account(), 'no-account-limit@example.org']) {
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push((await requestPasswordReset({ email, ip: `10.1.0.${i}`, origin: ORIGIN })).status);
      expect(answers).toEqual(['sent', 'sent', 'sent', 'rate-limited', 'rate-limited']);
    }
  });

  it('clears a sign-in lockout once the mailbox is proven', async () => {
    const email = await account();
    const keys = signInKeys({ email, ip: null }).filter((k) => k.kind === 'email');
    for (let i = 0; i < 6; i++) await recordFailure(keys);
    expect(await secondsUntilAllowed(keys)).toBeGreaterThan(0);
    await requestPasswordReset({ email, ip: '10.0.0.4', origin: ORIGIN });
    await resetPassword({ token: tokenOf(linkSentTo(email)), password: 'locked out no more' });
    expect(await secondsUntilAllowed(keys)).toBe(0);
  });
});
