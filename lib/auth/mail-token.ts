import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getUserByEmail } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { emailSchema } from '@/lib/auth/accounts';
import { recordFailure, secondsUntilAllowed, type ThrottleKey } from '@/lib/auth/throttle';

/**
 * The tokens of links the app mails (password reset, email verification): 32 random bytes in the
 * link, and only their SHA-256 in the database, so a copy of the database opens no link.
 */
export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newMailToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashMailToken(token) };
}

export type LinkRequestResult =
  /** developmentLink: the mailed link, when it may be shown on the page too (lib/mail.ts, mailShownInDevelopment). */
  | { status: 'sent'; developmentLink?: string }
  | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { status: 'rate-limited'; retryAfterSeconds: number };

/**
 * A request for a mailed link (a password reset, an email confirmation): the address is checked,
 * the request counts against the address and the asking client (so neither can flood a mailbox),
 * and `send` runs only for an account with that address. The answer and the throttling are the
 * same whether or not the account exists, so asking reveals nothing about who has one.
 */
export async function requestMailedLink({
  email: rawEmail,
  keys,
  now,
  send,
}: {
  email: unknown;
  keys: (email: string) => ThrottleKey[];
  now: Date;
  send: (user: User) => Promise<void>;
}): Promise<LinkRequestResult> {
  const parsed = z.object({ email: emailSchema }).safeParse({ email: rawEmail });
  if (!parsed.success) return { status: 'invalid', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const throttleKeys = keys(parsed.data.email);
  const wait = await secondsUntilAllowed(throttleKeys, now);
  if (wait > 0) return { status: 'rate-limited', retryAfterSeconds: wait };
  await recordFailure(throttleKeys, now);
  const user = await getUserByEmail({ email: parsed.data.email });
  if (user) await send(user);
  return { status: 'sent' };
}
