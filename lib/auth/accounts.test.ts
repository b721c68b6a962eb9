import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { getUserByEmail, insertUser } from '@/db/queries/users';
import { signInThrottle, users } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { changePassword, checkCredentials, registerUser } from './accounts';
import { knownDeviceToken } from './known-device';

setUpTestDatabase();

const signUp = (email: string, password = 'a long enough passphrase', name = 'Test Student') =>
  registerUser({ name, email, password });

describe('registerUser', () => {
  it('creates an account with a normalised email and an argon2id hash', async () => {
    const result = await signUp('  Ana.Lopez@Example.ORG ');
    expect(result.status).toBe('created');
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, 'ana.lopez@example.org'));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain('a long enough passphrase');
  });

  it('refuses an email that is taken, in any letter case', async () => {
    await signUp('taken@example.org');
    expect((await signUp('TAKEN@example.org')).status).toBe('email-taken');
  });

  it('creates one account when the same email signs up twice at once', async () => {
    const results = await Promise.all([signUp('race@example.org'), signUp('race@example.org')]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'email-taken']);
  });

  it('says what is wrong with each field', async () => {
    const result = await registerUser({ name: '', email: 'not an email', password: 'short' });
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.fieldErrors.name?.[0]).toMatch(/name/i);
    expect(result.fieldErrors.email?.[0]).toMatch(/valid email/);
    expect(result.fieldErrors.password?.[0]).toMatch(/at least 8/);
  });

  it('refuses SQL in the email as an invalid address, and the table survives', async () => {
    const result = await signUp('x\'; drop table "user"; --@example.org');
    expect(result.status).toBe('invalid');
    const db = await getDb();
    expect((await db.select().from(users)).length).toBeGreaterThan(0);
  });

  it('refuses a 10 MB password by its length (the check runs before any hashing)', async () => {
    const result = await signUp('huge@example.org', 'p'.repeat(10 * 1024 * 1024));
    expect(result.status).toBe('invalid');
    if (result.status === 'invalid') expect(result.fieldErrors.password?.[0]).toMatch(/at most 128/);
  });

  it('refuses a common password', async () => {
    const result = await signUp('common@example.org', 'password123');
    expect(result.status).toBe('invalid');
  });
});

describe('checkCredentials', () => {
  it('signs in with the right password, whatever the email case', async () => {
    await signUp('right@example.org');
    const result = await checkCredentials(
      { email: 'right@example.org', password: 'a long enough passphrase' },
      null,
    );
    expect(result.status).toBe('ok');
  });

  it('with email verification off (the default), lets in an account that never confirmed its email', async () => {
    await signUp('unconfirmed@example.org');
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, 'unconfirmed@example.org'));
    expect(row?.emailVerified).toBeNull();
    const result = await checkCredentials(
      { email: 'unconfirmed@example.org', password: 'a long enough passphrase' },
      null,
    );
    expect(result.status).toBe('ok');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await signUp('wrong@example.org');
    const wrong = await checkCredentials(
      { email: 'wrong@example.org', password: 'not the passphrase' },
      null,
    );
    const unknown = await checkCredentials(
      { email: 'nobody@example.org', password: 'not the passphrase' },
      null,
    );
    expect(wrong).toEqual({ status: 'invalid' });
    expect(unknown).toEqual({ status: 'invalid' });
  });

  it('locks an account after five failures, even for the right password', async () => {
    await signUp('locked@example.org');
    for (let i = 0; i < 5; i++) {
      await checkCredentials({ email: 'locked@example.org', password: `guess number ${i}` }, '192.0.2.10');
    }
    const result = await checkCredentials(
      { email: 'locked@example.org', password: 'a long enough passphrase' },
      null,
    );
    expect(result.status).toBe('throttled');
    if (result.status === 'throttled') expect(result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("lets the owner's own browser in while failures others cause lock the account, the address and the site", async () => {
    const email = 'targeted@example.org';
    const right = { email, password: 'a long enough passphrase' };
    await signUp(email);
    const account = (await getUserByEmail({ email }))!;
    const ownBrowser = await knownDeviceToken(account);
    // Anyone can fail five sign-ins for someone else's email.
    for (let i = 0; i < 5; i++) await checkCredentials({ email, password: `guess ${i}` }, '198.51.100.7');
    expect((await checkCredentials(right, '203.0.113.5')).status).toBe('throttled');
    // A token is good for the account it was issued to only, and a forged one for nothing.
    expect(
      (
        await checkCredentials(
          right,
          '203.0.113.5',
          await knownDeviceToken({ ...account, email: 'other@example.org' }),
        )
      ).status,
    ).toBe('throttled');
    expect((await checkCredentials(right, '203.0.113.5', `${ownBrowser.split('.')[0]}.forged`)).status).toBe(
      'throttled',
    );
    // A new password retires the tokens issued before it (someone who once knew the old one may
    // have collected some).
    const stale = await knownDeviceToken({ ...account, passwordHash: 'an older hash' });
    expect((await checkCredentials(right, '203.0.113.5', stale)).status).toBe('throttled');
    expect((await checkCredentials(right, '203.0.113.5', ownBrowser)).status).toBe('ok');
    // The site-wide budget spent by someone else (as 300 failures in a window would) stops
    // browsers that never signed in to an account, not the ones that have.
    const db = await getDb();
    const spent = { failures: 300, lastFailureAt: new Date(), lockedUntil: new Date(Date.now() + 60_000) };
    await db
      .insert(signInThrottle)
      .values({ key: 'global:all', ...spent })
      .onConflictDoUpdate({ target: signInThrottle.key, set: spent });
    expect((await checkCredentials(right, '203.0.113.5')).status).toBe('throttled');
    try {
      expect((await checkCredentials(right, '203.0.113.5', ownBrowser)).status).toBe('ok');
    } finally {
      await db.delete(signInThrottle).where(eq(signInThrottle.key, 'global:all'));
    }
    // The known browser has limits of its own: five failures lock it too.
    for (let i = 0; i < 5; i++) await checkCredentials({ email, password: `guess ${i}` }, null, ownBrowser);
    expect((await checkCredentials(right, null, ownBrowser)).status).toBe('throttled');
  });
});

describe('changePassword', () => {
  it('needs the current password, then bumps the session version', async () => {
    const created = await signUp('change@example.org');
    if (created.status !== 'created') throw new Error('setup failed');
    const wrong = await changePassword(created.userId, {
      currentPassword: 'not it at all',
      newPassword: 'a different passphrase',
    });
    expect(wrong.status).toBe('wrong-password');
    const changed = await changePassword(created.userId, {
      currentPassword: 'a long enough passphrase',
      newPassword: 'a different passphrase',
    });
    expect(changed).toEqual({ status: 'changed', sessionVersion: 2 });
    const old = await checkCredentials(
      { email: 'change@example.org', password: 'a long enough passphrase' },
      null,
    );
    expect(old.status).toBe('invalid');
  });

  it('counts wrong current passwords as failed sign-ins and stops guessing after five', async () => {
    const created = await signUp('guess-change@example.org');
    if (created.status !== 'created') throw new Error('setup failed');
    const answers: string[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        (
          await changePassword(created.userId, {
            currentPassword: `guess ${i}`,
            newPassword: 'a different passphrase',
          })
        ).status,
      );
    expect(answers).toEqual([...Array(5).fill('wrong-password'), 'throttled']);
    // Even the right password waits out the lock.
    const right = await changePassword(created.userId, {
      currentPassword: 'a long enough passphrase',
      newPassword: 'a different passphrase',
    });
    expect(right.status).toBe('throttled');
  });

  it('gives an account made through GitHub or Google no password from a session alone (a mailed link sets it)', async () => {
    const oauthOnly = await insertUser({
      email: 'oauth-only@example.org',
      name: 'Via GitHub',
      emailVerified: new Date(),
    });
    if (!oauthOnly) throw new Error('setup failed');
    const result = await changePassword(oauthOnly.id, {
      currentPassword: 'anything at all',
      newPassword: 'a borrowed session picks this',
    });
    expect(result.status).toBe('no-password');
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, oauthOnly.id));
    expect(row?.passwordHash).toBeNull();
  });
});
