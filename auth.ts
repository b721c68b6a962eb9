import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin, type DefaultSession, type NextAuthConfig } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { cache } from 'react';
import { getDb } from '@/db';
import { bumpSessionVersion, normaliseEmail } from '@/db/queries/users';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { checkCredentials, signInSchema } from '@/lib/auth/accounts';
import { trustLoopbackOnly } from '@/lib/auth/host';
import { KNOWN_DEVICE_COOKIE, knownDeviceCookie, knownDeviceTokenIn } from '@/lib/auth/known-device';
import { getAuthSecret } from '@/lib/auth/secret';
import {
  liveSession,
  SESSION_MAX_AGE_SECONDS,
  SESSION_RENEWAL_SECONDS,
  secureCookies,
  sessionFromCookies,
  sessionTokenFromCookies,
} from '@/lib/auth/session-token';
import { clientIp } from '@/lib/auth/throttle';
import { env } from '@/lib/env';

declare module 'next-auth' {
  interface Session {
    user: { id: string; siteAdmin: boolean; timeZone: string | null } & DefaultSession['user'];
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    /** The user's session version when this token was issued. */
    sv?: number;
    /** The user's time zone, read afresh with the session version on every request. */
    tz?: string | null;
    /** Whether the user is a site administrator, refreshed on every request. */
    admin?: boolean;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}

export class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

/** The right password, on an account that has not confirmed its email (EMAIL_VERIFICATION=required). */
export class EmailNotConfirmed extends CredentialsSignin {
  code = 'email_unconfirmed';
}

function oauthProviders(): Provider[] {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET, AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = env();
  const providers: Provider[] = [];
  if (AUTH_GITHUB_ID && AUTH_GITHUB_SECRET) providers.push(GitHub);
  if (AUTH_GOOGLE_ID && AUTH_GOOGLE_SECRET) providers.push(Google);
  return providers;
}

export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((p) => {
    const resolved = typeof p === 'function' ? p() : p;
    return { id: resolved.id, name: resolved.name };
  });
}

async function buildConfig(request?: Request): Promise<NextAuthConfig> {
  const db = await getDb();
  const adapter = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  const requestHeaders = request?.headers ?? (await headers());

  return {
    secret: await getAuthSecret(),
    trustHost: trustLoopbackOnly(requestHeaders),
    adapter: {
      ...adapter,
      // Accounts made through GitHub or Google get the same email normalisation as ours, and count
      // as verified: the provider gave us the address it delivers mail to.
      createUser: (user) =>
        adapter.createUser!({
          ...user,
          email: normaliseEmail(user.email),
          emailVerified: user.emailVerified ?? new Date(),
        }),
    },
    logger: {
      // A wrong password is an expected outcome, answered on the form; not a server error.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error('[auth]', error);
      },
    },
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_RENEWAL_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new InvalidCredentials();
          const result = await checkCredentials(
            parsed.data,
            clientIp(req.headers),
            knownDeviceTokenIn(req.headers),
          );
          if (result.status === 'throttled') throw new TooManyAttempts();
          if (result.status === 'invalid') throw new InvalidCredentials();
          if (result.status === 'unconfirmed') throw new EmailNotConfirmed();
          // This browser now knows the account: failures others cause cannot lock it out.
          (await cookies()).set(
            KNOWN_DEVICE_COOKIE,
            result.deviceToken,
            knownDeviceCookie(secureCookies(req.headers)),
          );
          return result.user;
        },
      }),
      ...oauthProviders(),
    ],
    events: {
      // Every way out revokes: our sign-out action and Auth.js's own POST /api/auth/signout alike.
      async signOut(message) {
        const userId = 'token' in message ? message.token?.sub : undefined;
        if (userId) await bumpSessionVersion({ userId });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        const userId = user?.id ?? token.sub;
        if (!userId) return null;
        const live = await liveSession(userId, user?.id ? 'issuing' : token.sv);
        if (!live) return null;
        if (user?.id) {
          token.sub = user.id;
          token.sv = live.sessionVersion;
        }
        token.admin = live.siteAdmin;
        token.tz = live.timeZone;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.siteAdmin = token.admin === true;
        session.user.timeZone = token.tz ?? null;
        return session;
      },
    },
  };
}

const nextAuth = NextAuth(buildConfig);

export const { handlers, signIn, signOut } = nextAuth;

/**
 * The session, for server components, actions and route handlers, asked for once per render
 * (React cache): read from the session cookie with the jwt callback's checks
 * (lib/auth/session-token.ts). Server components and route handlers cannot set the renewed
 * cookie Auth.js's own read makes; the proxy renews it (proxy.ts).
 */
export const auth = cache(async () => sessionFromCookies(await headers()));

/**
 * The session's token alone, not checked against the user's row: for the writes that make that
 * check inside their own statement (lib/server/session.ts `currentClaim`).
 */
export const sessionToken = cache(async () => sessionTokenFromCookies(await headers()));

/** For proxy.ts: Auth.js's own session read, which renews the cookie; it also wraps a proxy function. */
export const authProxy = nextAuth.auth;
