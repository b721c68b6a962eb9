import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '@/db/test-database';
import {
  clearFailures,
  clientIp,
  INVITATION_MAILS_A_DAY,
  recordFailure,
  secondsUntilAllowed,
  signInKeys,
  spendInvitationMails,
} from './throttle';

setUpTestDatabase();

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe('sign-in throttle', () => {
  it('lets four failures pass and locks the email on the fifth, for 30 seconds', async () => {
    const t0 = new Date('2026-01-10T10:00:00Z');
    const keys = signInKeys({ email: 'five@example.org', ip: null });
    for (let i = 0; i < 4; i++) {
      await recordFailure(keys, at(t0, i));
      expect(await secondsUntilAllowed(keys, at(t0, i))).toBe(0);
    }
    await recordFailure(keys, at(t0, 4));
    expect(await secondsUntilAllowed(keys, at(t0, 4))).toBe(30);
    expect(await secondsUntilAllowed(keys, at(t0, 34))).toBe(0);
  });

  it('doubles the lock with each further failure, up to 15 minutes', async () => {
    const t0 = new Date('2026-01-11T10:00:00Z');
    const keys = signInKeys({ email: 'double@example.org', ip: null });
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      const now = at(t0, i * 600);
      await recordFailure(keys, now);
      locks.push(await secondsUntilAllowed(keys, now));
    }
    expect(locks.slice(4)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('starts counting afresh after a quiet window', async () => {
    const t0 = new Date('2026-01-12T10:00:00Z');
    const keys = signInKeys({ email: 'quiet@example.org', ip: null });
    for (let i = 0; i < 4; i++) await recordFailure(keys, at(t0, i));
    await recordFailure(keys, at(t0, 20 * 60));
    expect(await secondsUntilAllowed(keys, at(t0, 20 * 60))).toBe(0);
  });

  it('clears an account after a successful sign-in', async () => {
    const t0 = new Date('2026-01-13T10:00:00Z');
    const keys = signInKeys({ email: 'clear@example.org', ip: null });
    for (let i = 0; i < 4; i++) await recordFailure(keys, at(t0, i));
    await clearFailures('clear@example.org');
    await recordFailure(keys, at(t0, 5));
    expect(await secondsUntilAllowed(keys, at(t0, 5))).toBe(0);
  });

  it('limits one address trying many accounts', async () => {
    const t0 = new Date('2026-01-14T10:00:00Z');
    for (let i = 0; i < 25; i++) {
      await recordFailure(signInKeys({ email: `victim${i}@example.org`, ip: '203.0.113.9' }), at(t0, i));
    }
    const fresh = signInKeys({ email: 'new-victim@example.org', ip: '203.0.113.9' });
    expect(await secondsUntilAllowed(fresh, at(t0, 25))).toBeGreaterThan(0);
    const elsewhere = signInKeys({ email: 'new-victim@example.org', ip: '198.51.100.7' });
    expect(await secondsUntilAllowed(elsewhere, at(t0, 25))).toBe(0);
  });

  // Last in the file, at the latest time: while it lasts, the global lock slows every sign-in.
  it('locks every sign-in once failures from many accounts and addresses spend the global budget, briefly', async () => {
    const t0 = new Date('2026-02-01T10:00:00Z');
    // Each failure from a new account at a new address: no per-email or per-address limit is reached.
    const stranger = (i: number) =>
      signInKeys({ email: `spray${i}@example.org`, ip: `10.${(i >> 8) & 255}.${i & 255}.1` });
    for (let i = 0; i < 299; i++) await recordFailure(stranger(i), at(t0, i));
    const innocent = signInKeys({ email: 'innocent@example.org', ip: '198.51.100.77' });
    expect(await secondsUntilAllowed(innocent, at(t0, 299))).toBe(0);
    const locks: number[] = [];
    for (let i = 299; i < 304; i++) {
      await recordFailure(stranger(i), at(t0, i));
      locks.push(await secondsUntilAllowed(innocent, at(t0, i)));
    }
    // 30 s on the 300th failure, doubling, but never more than 2 minutes (an account's lock goes to 15).
    expect(locks).toEqual([30, 60, 120, 120, 120]);
    expect(await secondsUntilAllowed(innocent, at(t0, 303 + 121))).toBe(0);
  });
});

describe('invitation mails', () => {
  it("keeps an account within a day's budget, all or nothing, and starts afresh after a quiet day", async () => {
    const user = `spender-${crypto.randomUUID()}`;
    const now = new Date('2026-12-01T09:00:00Z');
    expect(await spendInvitationMails(user, INVITATION_MAILS_A_DAY - 1, now)).toBe(true);
    // A roster that would pass the budget sends nothing; one mail more still fits.
    expect(await spendInvitationMails(user, 2, now)).toBe(false);
    expect(await spendInvitationMails(user, 1, now)).toBe(true);
    expect(await spendInvitationMails(user, 1, now)).toBe(false);
    expect(await spendInvitationMails(user, 1, new Date(now.getTime() + 25 * 3_600_000))).toBe(true);
  });
});

describe('clientIp', () => {
  it('takes the first address of X-Forwarded-For, which the HTTP server rewrites to [client, …proxies]', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 10.0.0.2' }))).toBe('198.51.100.1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.5' }))).toBe('203.0.113.5');
  });

  it('answers null without any address header', () => {
    expect(clientIp(new Headers())).toBeNull();
  });
});
