import 'server-only';
import { z } from 'zod';
import { findPasswordReset, insertPasswordReset, redeemPasswordReset } from '@/db/queries/password-resets';
import {
  hashMailToken,
  type LinkRequestResult,
  newMailToken,
  requestMailedLink,
} from '@/lib/auth/mail-token';
import { contextualPasswordProblem, hashPassword, newPasswordSchema } from '@/lib/auth/password';
import { clearFailures, type ThrottleKey } from '@/lib/auth/throttle';
import { mailShownInDevelopment, sendMail } from '@/lib/mail';

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/** Requests count against the address asked about and the asking client, so neither can flood a mailbox. */
const requestKeys = (email: string, ip: string | null): ThrottleKey[] => [
  { kind: 'resetEmail', value: email },
  ...(ip ? [{ kind: 'resetIp' as const, value: ip }] : []),
];

export type ResetRequestResult = LinkRequestResult;

/**
 * Sends a reset link to the account with this email, if there is one (see requestMailedLink). In
 * development with no mail server, the answer carries the link as well, for the page to show;
 * that reveals whether the account exists, which only the person running the app can see.
 */
export async function requestPasswordReset({
  email,
  ip,
  origin,
  now = new Date(),
}: {
  email: unknown;
  ip: string | null;
  /** Where the app is reached (AUTH_URL, or the request's own origin on localhost). */
  origin: string;
  now?: Date;
}): Promise<ResetRequestResult> {
  let mailed: string | undefined;
  const result = await requestMailedLink({
    email,
    keys: (address) => requestKeys(address, ip),
    now,
    send: async (user) => {
      const { token, tokenHash } = newMailToken();
      await insertPasswordReset({
        tokenHash,
        userId: user.id,
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      });
      const link = `${origin}/reset-password?token=${token}`;
      mailed = link;
      await sendMail({
        to: user.email,
        subject: 'Choose a new Statecraft password',
        text: [
          `Hello${user.name ? ` ${user.name}` : ''},`,
          '',
          'Someone (we hope you) asked to choose a new password for your Statecraft account.',
          `Open this link within ${RESET_LINK_MINUTES} minutes to choose one:`,
          '',
          link,
          '',
          'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
        ].join('\n'),
      });
    },
  });
  return result.status === 'sent' && mailed && mailShownInDevelopment()
    ? { ...result, developmentLink: mailed }
    : result;
}

/** Whether a reset link can still be used (for the page that opens from it). */
export async function resetTokenIsUsable(token: string, now = new Date()): Promise<boolean> {
  return (await findPasswordReset({ tokenHash: hashMailToken(token), now })) !== null;
}

export type ResetResult =
  | { status: 'reset'; email: string }
  | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { status: 'invalid-token' };

/** Sets a new password from a reset link, and signs the account out on every device. */
export async function resetPassword({
  token,
  password,
  now = new Date(),
}: {
  token: string;
  password: unknown;
  now?: Date;
}): Promise<ResetResult> {
  const tokenHash = hashMailToken(token);
  const account = await findPasswordReset({ tokenHash, now });
  if (!account) return { status: 'invalid-token' };
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success)
    return { status: 'invalid', fieldErrors: { password: z.flattenError(parsed.error).formErrors } };
  const problem = contextualPasswordProblem(parsed.data, account);
  if (problem) return { status: 'invalid', fieldErrors: { password: [problem] } };
  const redeemed = await redeemPasswordReset({
    tokenHash,
    userId: account.userId,
    passwordHash: await hashPassword(parsed.data),
    now,
  });
  if (!redeemed) return { status: 'invalid-token' };
  // Proving control of the mailbox clears the account's sign-in lockout.
  await clearFailures(account.email);
  return { status: 'reset', email: account.email };
}
