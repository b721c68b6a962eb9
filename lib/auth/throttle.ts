import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { signInThrottle } from '@/db/schema';

/**
 * Failures allowed in a window before back-off starts, per kind of key. The global budget caps
 * guessing across every account and address at once (an attacker who rotates addresses still
 * spends it); its lock is kept short, since it slows every sign-in while it lasts.
 */
const LIMITS = {
  email: 5,
  ip: 25,
  global: 300,
  resetEmail: 3,
  resetIp: 100,
  signUpIp: 200,
  verifyEmail: 3,
  verifyIp: 100,
  device: 5,
  joinUser: 10,
  joinIp: 100,
} as const;
const WINDOW_MS = 15 * 60 * 1000;
const FIRST_LOCK_MS = 30 * 1000;
const MAX_LOCK_MS = {
  email: 15 * 60 * 1000,
  ip: 15 * 60 * 1000,
  global: 2 * 60 * 1000,
  // Password-reset requests (lib/auth/password-reset.ts): a few emails per address, then a pause;
  // per client address the limit is high, since a whole school can sit behind one address.
  resetEmail: 60 * 60 * 1000,
  resetIp: 15 * 60 * 1000,
  // New accounts per client address: a class of 30 signing up together from one school is welcome.
  signUpIp: 15 * 60 * 1000,
  // Verification links (lib/auth/email-verification.ts), sent at sign-up or on request: as resets.
  verifyEmail: 60 * 60 * 1000,
  verifyIp: 15 * 60 * 1000,
  // A browser that has signed in to the account before (lib/auth/known-device.ts).
  device: 15 * 60 * 1000,
  // Join codes tried that match no class: a mistyped code or two is common, guessing is not; per
  // client address the limit is high, since a whole school can sit behind one address.
  joinUser: 15 * 60 * 1000,
  joinIp: 15 * 60 * 1000,
} as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/**
 * The limits a sign-in counts against: the account's, the client address's and the site's; or,
 * from a browser that has signed in to this account before, that browser's alone, so that failures
 * others cause for the account, the address or the site cannot lock its owner out.
 */
export function signInKeys({
  email,
  ip,
  device = null,
}: {
  email: string;
  ip: string | null;
  /** The known device's id (lib/auth/known-device.ts), when the request carries one for this email. */
  device?: string | null;
}): ThrottleKey[] {
  if (device) return [{ kind: 'device', value: `${email}:${device}` }];
  const keys: ThrottleKey[] = [
    { kind: 'email', value: email },
    { kind: 'global', value: 'all' },
  ];
  if (ip) keys.push({ kind: 'ip', value: ip });
  return keys;
}

/** Join codes that match no class count against the person and their address, to stop guessing. */
export function joinKeys({ userId, ip }: { userId: string; ip: string | null }): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: 'joinUser', value: userId }];
  if (ip) keys.push({ kind: 'joinIp', value: ip });
  return keys;
}

/** Sign-ups count against the client's address, to slow account farming. */
export function signUpKeys(ip: string): ThrottleKey[] {
  return [{ kind: 'signUpIp', value: ip }];
}

/** A wait in words for a message: "30 seconds", "2 minutes". */
export const waitWords = (seconds: number) =>
  seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;

/** Seconds until any of these keys may try again, or 0 when none is locked. */
export async function secondsUntilAllowed(keys: ThrottleKey[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const db = await getDb();
  const locked = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys.map(keyOf)), gt(signInThrottle.lockedUntil, now)));
  const latest = Math.max(0, ...locked.map((r) => r.lockedUntil?.getTime() ?? 0));
  return latest > now.getTime() ? Math.ceil((latest - now.getTime()) / 1000) : 0;
}

/**
 * Counts a failed sign-in against each key. Past the limit, each further failure locks the key
 * for twice as long as the last (30 s, 1 min, 2 min … up to 15 min).
 */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const db = await getDb();
  // Dates inside raw SQL go as ISO text: postgres-js cannot serialise a Date there.
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  for (const key of keys) {
    const [row] = await db
      .insert(signInThrottle)
      .values({ key: keyOf(key), failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        // Only a quiet spell (no lock in force, no failure for a whole window) starts the count afresh.
        set: {
          failures: sql`case when ${signInThrottle.lastFailureAt} < ${windowStart} and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < ${nowSql}) then 1 else ${signInThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: signInThrottle.failures });
    const over = (row?.failures ?? 0) - LIMITS[key.kind];
    if (over >= 0) {
      const lockMs = Math.min(MAX_LOCK_MS[key.kind], FIRST_LOCK_MS * 2 ** over);
      await db
        .update(signInThrottle)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(eq(signInThrottle.key, keyOf(key)));
    }
  }
}

/**
 * Invitation mails an account may send in a day (quiet for a day, the count starts afresh): one
 * roster as large as an import takes (2,000 rows), not a spammer's lists. Anyone can start a
 * class, and each invitation carries its class's name from the app's own address.
 */
export const INVITATION_MAILS_A_DAY = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Spends `amount` of an account's daily invitation mails, all or nothing: false (and nothing
 * spent) when they would pass the budget.
 */
export async function spendInvitationMails(
  userId: string,
  amount: number,
  now = new Date(),
): Promise<boolean> {
  if (amount === 0) return true;
  if (amount > INVITATION_MAILS_A_DAY) return false;
  const db = await getDb();
  const key = `inviteMail:${userId}`;
  const dayStart = sql`${new Date(now.getTime() - DAY_MS).toISOString()}::timestamptz`;
  const spent = sql`case when ${signInThrottle.lastFailureAt} < ${dayStart} then ${amount} else ${signInThrottle.failures} + ${amount} end`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: amount, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures: spent, lastFailureAt: now },
      setWhere: sql`${spent} <= ${INVITATION_MAILS_A_DAY}`,
    })
    .returning({ failures: signInThrottle.failures });
  return row !== undefined;
}

/** A successful sign-in clears the account's count (not the address's: one good login should not unlock an attacker). */
export async function clearFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keyOf({ kind: 'email', value: email })));
}

/**
 * The client's address. The app's HTTP server (lib/server/serve.mjs) rewrites X-Forwarded-For to
 * [client, …trusted proxies] from the socket and TRUSTED_PROXY_COUNT, so its first entry is the
 * client whatever the request claimed.
 */
export function clientIp(headers: Headers): string | null {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first || null;
}
