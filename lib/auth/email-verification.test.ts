import { describe, expect, it } from 'vitest';
import { getSessionState, getUserByEmail, insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { setUpMailSink } from '@/lib/test-mail-sink';
import { checkCredentials, mustConfirmEmail, registerUser } from './accounts';
import {
  requestVerificationEmail,
  VERIFY_LINK_HOURS,
  verificationTokenIsUsable,
  verifyEmail,
} from './email-verification';
import { hashPassword } from './password';

/**
 * Email verification with EMAIL_VERIFICATION=required, below the browser: links go out over real
 * SMTP to a sink this test runs, and the link in the mail is what verifies. (The setting off is
 * what every other test file runs with; accounts.test.ts checks an unverified account signs in.)
 */
setUpTestDatabase();

const inbox = setUpMailSink({ EMAIL_VERIFICATION: 'required' });

const ORIGIN = 'https://ir.school.example';
const PASSWORD = 'a long enough passphrase';
let seq = 0;
const mailsTo = (email: string) => inbox.filter((m) => m.to === email);

/** A new account, made as sign-up makes it, and the link that sign-up mails it. */
async function signUp(ip = '10.1.0.1') {
  const email = `verify-${++seq}@example.org`;
  expect(await registerUser({ name: 'Vera Fied', email, password: PASSWORD })).toMatchObject({
    status: 'created',
  });
  expect(await requestVerificationEmail({ email, ip, origin: ORIGIN })).toEqual({ status: 'sent' });
  return email;
}

function tokenSentTo(email: string): string {
  const mail = mailsTo(email).at(-1);
  if (!mail) throw new Error(`No mail to ${email}`);
  // Quoted-printable soft line breaks ("=\r\n") may split a long link.
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /https:\/\/ir\.school\.example\/verify-email\?token=([\w-]+)/.exec(body);
  if (!link?.[1]) throw new Error(`No link in the mail to ${email}`);
  return link[1];
}

describe('email verification, when required', () => {
  it('keeps a new account out until its emailed link is used, once', async () => {
    const email = await signUp();
    const mail = mailsTo(email).at(-1)!;
    expect(mail.raw).toContain('Subject: Confirm your email for Statecraft');
    expect(mail.raw).toContain(`within ${VERIFY_LINK_HOURS} hours`);

    // The right password is not enough yet; a wrong one says nothing more than it always does.
    expect(await checkCredentials({ email, password: PASSWORD }, null)).toEqual({ status: 'unconfirmed' });
    expect(await checkCredentials({ email, password: 'not the password' }, null)).toEqual({
      status: 'invalid',
    });
    const user = (await getUserByEmail({ email }))!;
    expect(user.emailVerified).toBeNull();
    // A session from before the setting was turned on ends too (auth.ts asks this on every request).
    expect(mustConfirmEmail((await getSessionState({ userId: user.id }))!)).toBe(true);

    const token = tokenSentTo(email);
    expect(await verificationTokenIsUsable(token)).toBe(true);
    expect(await verifyEmail({ token })).toEqual({ status: 'verified', email });
    expect((await getUserByEmail({ email }))!.emailVerified).toBeInstanceOf(Date);
    expect((await checkCredentials({ email, password: PASSWORD }, null)).status).toBe('ok');
    expect(mustConfirmEmail((await getSessionState({ userId: user.id }))!)).toBe(false);

    // The link works once.
    expect(await verificationTokenIsUsable(token)).toBe(false);
    expect(await verifyEmail({ token })).toEqual({ status: 'invalid-token' });
  });

  it('refuses an expired link and a made-up one; a newer link still works, and using it ends the older', async () => {
    const asked = new Date('2026-12-01T09:00:00Z');
    const email = `verify-${++seq}@example.org`;
    await registerUser({ name: 'Late Opener', email, password: PASSWORD });
    await requestVerificationEmail({ email, ip: '10.1.0.2', origin: ORIGIN, now: asked });
    const old = tokenSentTo(email);
    const late = new Date(asked.getTime() + (VERIFY_LINK_HOURS * 60 + 1) * 60_000);
    expect(await verifyEmail({ token: old, now: late })).toEqual({ status: 'invalid-token' });
    expect(await verifyEmail({ token: 'made-up' })).toEqual({ status: 'invalid-token' });
    expect((await getUserByEmail({ email }))!.emailVerified).toBeNull();

    await requestVerificationEmail({ email, ip: '10.1.0.2', origin: ORIGIN });
    const earlier = tokenSentTo(email);
    await requestVerificationEmail({ email, ip: '10.1.0.2', origin: ORIGIN });
    const newer = tokenSentTo(email);
    expect(newer).not.toBe(earlier);
    expect(await verifyEmail({ token: newer })).toEqual({ status: 'verified', email });
    expect(await verificationTokenIsUsable(earlier)).toBe(false);
  });

  it('answers alike for an unknown address, a verified account and an unverified one, and mails only the last', async () => {
    const unverified = await signUp('10.1.0.3');
    const verified = await signUp('10.1.0.3');
    await verifyEmail({ token: tokenSentTo(verified) });
    const unknown = `nobody-${++seq}@example.org`;
    const before = { unverified: mailsTo(unverified).length, verified: mailsTo(verified).length };

    for (const email of [unknown, verified, unverified])
      expect(await requestVerificationEmail({ email, ip: '10.1.0.4', origin: ORIGIN })).toEqual({
        status: 'sent',
      });
    expect(mailsTo(unknown)).toHaveLength(0);
    expect(mailsTo(verified)).toHaveLength(before.verified);
    expect(mailsTo(unverified)).toHaveLength(before.unverified + 1);
  });

  it('limits requests per address, with or without an account', async () => {
    const email = await signUp('10.1.0.5');
    const unknown = `nobody-${++seq}@example.org`;
    for (const address of [email, unknown]) {
      // Sign-up sent the first of three links for `email`; the unknown address gets its three too.
      const allowed = address === email ? 2 : 3;
      for (let i = 0; i < allowed; i++)
        expect(await requestVerificationEmail({ email: address, ip: '10.1.0.6', origin: ORIGIN })).toEqual({
          status: 'sent',
        });
      expect(
        await requestVerificationEmail({ email: address, ip: '10.1.0.6', origin: ORIGIN }),
      ).toMatchObject({ status: 'rate-limited' });
    }
    expect(mailsTo(email)).toHaveLength(3);
  });

  it('lets in accounts verified another way (the demo seed, GitHub or Google) without a link', async () => {
    const email = `seeded-${++seq}@example.org`;
    await insertUser({
      email,
      name: 'Seeded',
      passwordHash: await hashPassword(PASSWORD),
      emailVerified: new Date(),
    });
    expect((await checkCredentials({ email, password: PASSWORD }, null)).status).toBe('ok');
  });
});
