import { eq } from 'drizzle-orm';
import { encode, type JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { bumpSessionVersion, insertUser } from '@/db/queries/users';
import { users } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { getAuthSecret } from './secret';
import { SESSION_COOKIE, sessionFromCookies } from './session-token';

/**
 * The session read that pages, actions and routes use, against tokens made the way Auth.js makes
 * them (its own encode, the app's secret, the cookie's name as salt).
 */
setUpTestDatabase();

let seq = 0;
async function newUser(values: { timeZone?: string } = {}) {
  const user = await insertUser({ email: `session-${++seq}@example.org`, name: `Member ${seq}`, ...values });
  if (!user) throw new Error('no user');
  return user;
}

async function tokenFor(
  user: { id: string; email: string; name: string | null; sessionVersion: number },
  options: { salt?: string; maxAge?: number; claims?: Partial<JWT> } = {},
) {
  return encode({
    token: { sub: user.id, sv: user.sessionVersion, name: user.name, email: user.email, ...options.claims },
    secret: await getAuthSecret(),
    salt: options.salt ?? SESSION_COOKIE,
    maxAge: options.maxAge,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sessionFromCookies', () => {
  it('reads the user from a token Auth.js issued, with the zone and role as stored now', async () => {
    const user = await newUser({ timeZone: 'Asia/Tokyo' });
    const token = await tokenFor(user, { claims: { tz: 'UTC', admin: true } });
    const session = await sessionFromCookies(`theme=dark; ${SESSION_COOKIE}=${token}`);
    expect(session?.user).toMatchObject({
      id: user.id,
      email: user.email,
      name: user.name,
      timeZone: 'Asia/Tokyo',
      siteAdmin: false,
    });
    const db = await getDb();
    await db.update(users).set({ siteRole: 'admin' }).where(eq(users.id, user.id));
    expect((await sessionFromCookies(`${SESSION_COOKIE}=${token}`))?.user.siteAdmin).toBe(true);
  });

  it('has no session without the cookie, or with a token that is tampered, expired or for another cookie', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    expect(await sessionFromCookies(null)).toBeNull();
    expect(await sessionFromCookies('theme=dark')).toBeNull();
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${tampered}`)).toBeNull();
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${await tokenFor(user, { maxAge: -60 })}`)).toBeNull();
    // Encrypted for the https cookie's name, sent under the plain one: the salt does not match.
    const secureToken = await tokenFor(user, { salt: `__Secure-${SESSION_COOKIE}` });
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${secureToken}`)).toBeNull();
    expect((await sessionFromCookies(`__Secure-${SESSION_COOKIE}=${secureToken}`))?.user.id).toBe(user.id);
  });

  it('ends every session of a user who signed out, and a token that carries no session version', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    expect((await sessionFromCookies(`${SESSION_COOKIE}=${token}`))?.user.id).toBe(user.id);
    await bumpSessionVersion({ userId: user.id });
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${token}`)).toBeNull();
    const unversioned = await tokenFor(user, { claims: { sv: undefined } });
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${unversioned}`)).toBeNull();
  });

  it('has no session for a user who no longer exists', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    expect(await sessionFromCookies(`${SESSION_COOKIE}=${token}`)).toBeNull();
  });

  it('stops reading a token once it expires, though it was read before', async () => {
    const user = await newUser();
    const cookie = `${SESSION_COOKIE}=${await tokenFor(user, { maxAge: 3600 })}`;
    expect((await sessionFromCookies(cookie))?.user.id).toBe(user.id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3590 * 1000);
    expect((await sessionFromCookies(cookie))?.user.id).toBe(user.id);
    // Auth.js allows 15 s of clock skew past the expiry, no more.
    vi.setSystemTime(Date.now() + 30 * 1000);
    expect(await sessionFromCookies(cookie)).toBeNull();
  });

  it('reads a token that Auth.js split over several cookies', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    const half = Math.floor(token.length / 2);
    const cookies = `${SESSION_COOKIE}.1=${token.slice(half)}; ${SESSION_COOKIE}.0=${token.slice(0, half)}`;
    expect((await sessionFromCookies(cookies))?.user.id).toBe(user.id);
  });
});
