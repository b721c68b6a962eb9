import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { auth, sessionToken } from '@/auth';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/lib/time';
import type { Refusal } from './result';

/** The signed-in user as every policy rule sees them. */
export type SessionUser = {
  id: string;
  name: string | null;
  email: string | null;
  /** Manages the readings and question banks that ship with the app. */
  siteAdmin: boolean;
  /** Where dates are shown for them: their chosen zone, else UTC until their browser tells us. */
  timeZone: string;
  /** False until the browser has reported (or the user chosen) a time zone. */
  timeZoneKnown: boolean;
};

/** The signed-in user, or null (asked once per request: `auth` is cached). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return {
    id: user.id,
    name: user.name ?? null,
    email: user.email ?? null,
    siteAdmin: user.siteAdmin === true,
    timeZone: user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE,
    timeZoneKnown: Boolean(user.timeZone),
  };
}

/**
 * Who a request's session token names and the session version it was issued under, checked for
 * its signature and expiry but not yet against the user's row (a sign-out or a password change
 * elsewhere ends a session by bumping that version). For a write that makes that check inside its
 * own statement, one round trip instead of two: when the statement writes nothing, `confirm` makes
 * the full check (`currentUser`), so a dead session is told apart from the write's own refusal.
 */
export type SessionClaim = {
  id: string;
  sessionVersion: number;
  confirm: () => Promise<SessionUser | null>;
};

/** The request's session claim, or null when it carries no valid token. */
export async function currentClaim(): Promise<SessionClaim | null> {
  const token = await sessionToken();
  // A token from before session versions existed has none: the full check refuses it too.
  if (!token || typeof token.sv !== 'number') return null;
  return { id: token.sub, sessionVersion: token.sv, confirm: currentUser };
}

/** For pages: the signed-in user; signed-out visitors go to sign-in and come back to `returnTo` after. */
export async function requireUser(returnTo = '/home'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For pages: what a policy loader granted, or the not-found page. A page answers 404 whether the
 * thing does not exist or is not the user's, so ids of other people's things reveal nothing.
 */
export async function grantedOrNotFound<T extends object>(granted: Promise<T | Refusal>): Promise<T> {
  const result = await granted;
  if ('status' in result && 'message' in result) notFound();
  return result as T;
}
