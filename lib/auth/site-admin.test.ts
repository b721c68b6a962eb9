import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { insertUser } from '@/db/queries/users';
import { users } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { getAuthSecret } from './secret';
import { SESSION_COOKIE, sessionFromCookies } from './session-token';

// Read once per process by env(), before anything imports it.
vi.hoisted(() => {
  process.env.SITE_ADMIN_EMAILS = 'head-of-department@school.example';
});

setUpTestDatabase();

async function sessionOf(user: { id: string; email: string; sessionVersion: number }) {
  const token = await encode({
    token: { sub: user.id, sv: user.sessionVersion, email: user.email },
    secret: await getAuthSecret(),
    salt: SESSION_COOKIE,
  });
  return sessionFromCookies(
    new Headers({
      host: 'localhost:3000',
      'x-forwarded-proto': 'http',
      cookie: `${SESSION_COOKIE}=${token}`,
    }),
  );
}

describe('site administrators by SITE_ADMIN_EMAILS', () => {
  it('counts a listed address only once it is confirmed, so whoever signs up first with it is not administrator', async () => {
    const first = await insertUser({
      email: 'head-of-department@school.example',
      name: 'Whoever came first',
    });
    if (!first) throw new Error('setup failed');
    expect((await sessionOf(first))?.user.siteAdmin).toBe(false);
    const db = await getDb();
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, first.id));
    expect((await sessionOf(first))?.user.siteAdmin).toBe(true);
  });
});
