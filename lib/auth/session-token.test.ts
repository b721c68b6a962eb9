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

/** A request's headers as Next's server passes them: its host, the scheme it came by, the cookies. */
function read(cookie: string | null, scheme: 'http' | 'https' = 'http') {
  const headers = new Headers({ host: 'localhost:3000', 'x-forwarded-proto': scheme });
  if (cookie !== null) headers.set('cookie', cookie);
  return sessionFromCookies(headers);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sessionFromCookies', () => {
  it('reads the user from a token Auth.js issued, with the zone and role as stored now', async () => {
    const user = await newUser({ timeZone: 'Asia/Tokyo' });
    const token = await tokenFor(user, { claims: { tz: 'UTC', admin: true } });
    const session = await read(`theme=dark; ${SESSION_COOKIE}=${token}`);
    expect(session?.user).toMatchObject({
      id: user.id,
      email: user.email,
      name: user.name,
      timeZone: 'Asia/Tokyo',
      siteAdmin: false,
    });
    const db = await getDb();
    await db.update(users).set({ siteRole: 'admin' }).where(eq(users.id, user.id));
    expect((await read(`${SESSION_COOKIE}=${token}`))?.user.siteAdmin).toBe(true);
  });

  it('has no session without the cookie, or with a token that is tampered, expired or for another cookie', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    expect(await read(null)).toBeNull();
    expect(await read('theme=dark')).toBeNull();
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(await read(`${SESSION_COOKIE}=${tampered}`)).toBeNull();
    expect(await read(`${SESSION_COOKIE}=${await tokenFor(user, { maxAge: -60 })}`)).toBeNull();
    // Encrypted for the https cookie's name: read under that name (first, so a remembered
    // decryption is in play), and not under the plain one, whose salt differs.
    const secureToken = await tokenFor(user, { salt: `__Secure-${SESSION_COOKIE}` });
    expect((await read(`__Secure-${SESSION_COOKIE}=${secureToken}`, 'https'))?.user.id).toBe(user.id);
    expect(await read(`${SESSION_COOKIE}=${secureToken}`)).toBeNull();
  });

  it('reads the cookie Auth.js would read for the scheme the request came by, whatever else is sent', async () => {
    const user = await newUser();
    const plain = `${SESSION_COOKIE}=${await tokenFor(user)}`;
    const secure = `__Secure-${SESSION_COOKIE}=${await tokenFor(user, { salt: `__Secure-${SESSION_COOKIE}` })}`;
    expect((await read(plain, 'http'))?.user.id).toBe(user.id);
    expect((await read(secure, 'https'))?.user.id).toBe(user.id);
    // On https a plain cookie does not count (someone on the network could have planted it).
    expect(await read(plain, 'https')).toBeNull();
    // Another cookie whose value names the https cookie (a saved callback address) changes nothing.
    const planted = `authjs.callback-url=${encodeURIComponent(`/__Secure-${SESSION_COOKIE}`)}; ${plain}`;
    expect((await read(planted, 'http'))?.user.id).toBe(user.id);
  });

  it('has no session on a host the app does not trust', async () => {
    const user = await newUser();
    const headers = new Headers({
      host: 'evil.example',
      'x-forwarded-proto': 'http',
      cookie: `${SESSION_COOKIE}=${await tokenFor(user)}`,
    });
    expect(await sessionFromCookies(headers)).toBeNull();
  });

  it('ends every session of a user who signed out, and a token that carries no session version', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    expect((await read(`${SESSION_COOKIE}=${token}`))?.user.id).toBe(user.id);
    await bumpSessionVersion({ userId: user.id });
    expect(await read(`${SESSION_COOKIE}=${token}`)).toBeNull();
    const unversioned = await tokenFor(user, { claims: { sv: undefined } });
    expect(await read(`${SESSION_COOKIE}=${unversioned}`)).toBeNull();
  });

  it('has no session for a user who no longer exists', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    expect(await read(`${SESSION_COOKIE}=${token}`)).toBeNull();
  });

  it('stops reading a token once it expires, though it was read before', async () => {
    const user = await newUser();
    const cookie = `${SESSION_COOKIE}=${await tokenFor(user, { maxAge: 3600 })}`;
    expect((await read(cookie))?.user.id).toBe(user.id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3590 * 1000);
    expect((await read(cookie))?.user.id).toBe(user.id);
    // Auth.js allows 15 s of clock skew past the expiry, no more.
    vi.setSystemTime(Date.now() + 30 * 1000);
    expect(await read(cookie)).toBeNull();
  });

  it('reads a token that Auth.js split over several cookies', async () => {
    const user = await newUser();
    const token = await tokenFor(user);
    const half = Math.floor(token.length / 2);
    const cookies = `${SESSION_COOKIE}.1=${token.slice(half)}; ${SESSION_COOKIE}.0=${token.slice(0, half)}`;
    expect((await read(cookies))?.user.id).toBe(user.id);
  });
});
