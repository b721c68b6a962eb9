import type { Session } from 'next-auth';
import { decode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { getSessionState } from '@/db/queries/users';
import { adminByListedEmail, mustConfirmEmail } from '@/lib/auth/accounts';
import { trustLoopbackOnly } from '@/lib/auth/host';
import { getAuthSecret } from '@/lib/auth/secret';

/** Sessions last a week after the last renewal. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** A session's cookie is renewed (a new week) at most once a day, on a page visit. */
export const SESSION_RENEWAL_SECONDS = 24 * 60 * 60;

/** Whether a session's token is old enough to be renewed: issued more than a day ago. */
export function renewalDue(session: Session, now = Date.now()): boolean {
  const issuedAt = Date.parse(session.expires) - SESSION_MAX_AGE_SECONDS * 1000;
  return now - issuedAt >= SESSION_RENEWAL_SECONDS * 1000;
}

/** What a session carries that is read afresh from the user's row on every request. */
export type LiveSession = { sessionVersion: number; siteAdmin: boolean; timeZone: string | null };

/**
 * The checks every request makes of a session, against the user's row as it is now: a token from
 * before the last sign-out or password change is dead, and an account that must confirm its email
 * has no session (one from before the setting was turned on ends here too). `tokenVersion` is the
 * token's session version, or 'issuing' at sign-in, when the token takes the user's.
 */
export async function liveSession(
  userId: string,
  tokenVersion: number | undefined | 'issuing',
): Promise<LiveSession | null> {
  const state = await getSessionState({ userId });
  if (!state || mustConfirmEmail(state)) return null;
  if (tokenVersion !== 'issuing' && state.sessionVersion !== tokenVersion) return null;
  return {
    sessionVersion: state.sessionVersion,
    siteAdmin: state.siteRole === 'admin' || adminByListedEmail(state),
    timeZone: state.timeZone,
  };
}

/** Auth.js's session cookie; over https it carries this prefix (browsers take it only from https). */
export const SESSION_COOKIE = 'authjs.session-token';

const silent = { error: () => {}, warn: () => {}, debug: () => {} };

/** Auth.js's leeway for a token's expiry, in seconds (its decode passes this to jose). */
const CLOCK_TOLERANCE_SECONDS = 15;
/** Tokens this process has decrypted, newest last: about 1 kB each. */
const DECRYPTED_LIMIT = 10_000;
const decrypted = new Map<string, JWT>();

/**
 * Auth.js's decode, remembered by the token's exact text: each student sends the same cookie with
 * every save, and decrypting it (key derivation and AES in Web Crypto) cost about 1 ms of a save's
 * 15. Only a token that decrypted is kept, and its expiry is checked again on every use; the
 * checks against the user's row are never skipped.
 */
async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${params.salt}\n${params.token}`;
  const known = decrypted.get(key);
  if (known) {
    decrypted.delete(key);
    if (typeof known.exp === 'number' && known.exp + CLOCK_TOLERANCE_SECONDS <= Date.now() / 1000)
      return null;
    decrypted.set(key, known);
    return known;
  }
  const payload = await decode(params);
  if (!payload) return null;
  decrypted.set(key, payload);
  if (decrypted.size > DECRYPTED_LIMIT) decrypted.delete(decrypted.keys().next().value as string);
  return payload;
}

/**
 * Whether Auth.js names the session cookie `__Secure-…`, decided as it decides: by AUTH_URL's
 * scheme when set, else by the x-forwarded-proto header Next's server adds (https when absent).
 * Never by which cookies arrive: on https, a plain cookie someone planted must not count.
 */
export function secureCookies(headers: Headers): boolean {
  // Auth.js reads these two straight from the process's environment.
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === 'https:';
  return (headers.get('x-forwarded-proto') ?? 'https').replace(/:$/, '') === 'https';
}

/**
 * The session token a request carries, or null: the token Auth.js issued (decrypted with the app's
 * secret, unexpired, in one cookie or split over several, under the cookie name Auth.js would
 * read), on a host Auth.js trusts. Not yet checked against the user's row: `sessionFromCookies`
 * does that, or a write that checks the session version in its own statement.
 */
export async function sessionTokenFromCookies(headers: Headers): Promise<(JWT & { sub: string }) | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  // Auth.js answers an untrusted host with an error, which counts as no session.
  if (trustLoopbackOnly(headers) === false) return null;
  const token = await getToken({
    // Only the cookie: getToken would also take a bearer token, which Auth.js's session read does not.
    req: { headers: new Headers({ cookie }) },
    secret: await getAuthSecret(),
    secureCookie: secureCookies(headers),
    decode: decodeRemembered,
    logger: silent,
  });
  return token?.sub ? (token as JWT & { sub: string }) : null;
}

/**
 * The session a request carries, or null: its token (above) with the same live checks as the jwt
 * callback. It is what Auth.js's own session read answers, without the rest of that round trip (a
 * request built and parsed, a new token encrypted and its cookie thrown away).
 */
export async function sessionFromCookies(headers: Headers): Promise<Session | null> {
  const token = await sessionTokenFromCookies(headers);
  if (!token) return null;
  const live = await liveSession(token.sub, token.sv);
  if (!live) return null;
  return {
    user: {
      id: token.sub,
      name: token.name ?? null,
      email: token.email ?? null,
      image: token.picture ?? null,
      siteAdmin: live.siteAdmin,
      timeZone: live.timeZone,
    },
    expires: new Date((token.exp ?? 0) * 1000).toISOString(),
  };
}
