import { type NextFetchEvent, NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { getAuthSecret } from '@/lib/auth/secret';
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, SESSION_RENEWAL_SECONDS } from '@/lib/auth/session-token';
import { proxy } from '@/proxy';

/**
 * The proxy in front of every page: who is sent where, and when the session's cookie is renewed
 * (at most once a day, by Auth.js) or cleared (a dead token).
 */
setUpTestDatabase();

const ORIGIN = 'http://localhost:3000';
let seq = 0;

async function member() {
  const user = await insertUser({ email: `proxy-${++seq}@example.org`, name: 'Pat Roxy' });
  if (!user) throw new Error('no user');
  return user;
}

/** A session token issued `ageSeconds` ago, as Auth.js issues them (a week's life from then). */
async function tokenIssued(user: { id: string; sessionVersion: number }, ageSeconds: number) {
  // Auth.js's encode stamps the time of issue itself; a token's age shows in its expiry.
  return encode({
    token: { sub: user.id, sv: user.sessionVersion },
    secret: await getAuthSecret(),
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS - ageSeconds,
  });
}

async function visit(path: string, cookie?: string) {
  // What Next's server adds to every request, and Auth.js reads to name its cookie.
  const headers = { host: new URL(ORIGIN).host, 'x-forwarded-proto': 'http', ...(cookie ? { cookie } : {}) };
  const request = new NextRequest(new URL(path, ORIGIN), { headers });
  // The proxy never uses the event (it leaves no work behind).
  const response = await proxy(request, {} as NextFetchEvent);
  const sessionCookies = response.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { response, location: response.headers.get('location'), sessionCookies };
}

describe('proxy', () => {
  it('sends a signed-out visitor of a private page to sign-in and back, and gives pages a policy', async () => {
    const away = await visit('/classes/abc?tab=people');
    expect(new URL(away.location!).pathname).toBe('/sign-in');
    expect(new URL(away.location!).searchParams.get('callbackUrl')).toBe('/classes/abc?tab=people');
    const open = await visit('/sign-in');
    expect(open.location).toBeNull();
    expect(open.response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });

  it('lets a fresh session through without a new cookie, and sends it past the sign-in page', async () => {
    const user = await member();
    const cookie = `${SESSION_COOKIE}=${await tokenIssued(user, 60)}`;
    const page = await visit('/home', cookie);
    expect(page.location).toBeNull();
    expect(page.sessionCookies).toEqual([]);
    expect(new URL((await visit('/sign-in', cookie)).location!).pathname).toBe('/home');
  });

  it('renews a session issued more than a day ago: a new week from now', async () => {
    const user = await member();
    const cookie = `${SESSION_COOKIE}=${await tokenIssued(user, SESSION_RENEWAL_SECONDS + 60)}`;
    const page = await visit('/home', cookie);
    expect(page.location).toBeNull();
    expect(page.sessionCookies).toHaveLength(1);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(page.sessionCookies[0]!)![1]!);
    expect(expires - Date.now()).toBeGreaterThan((SESSION_MAX_AGE_SECONDS - 60) * 1000);
  });

  it('treats a dead token as signed out and clears its cookie', async () => {
    const user = await member();
    const stale = `${SESSION_COOKIE}=${await tokenIssued({ ...user, sessionVersion: user.sessionVersion + 1 }, 60)}`;
    const page = await visit('/home', stale);
    expect(new URL(page.location!).pathname).toBe('/sign-in');
    expect(page.sessionCookies.join()).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const forged = await visit('/home', `${SESSION_COOKIE}=not.a.token`);
    expect(new URL(forged.location!).pathname).toBe('/sign-in');
    expect(forged.sessionCookies.join()).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});
