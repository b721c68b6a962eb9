import 'server-only';
import {
  findEmailVerification,
  insertEmailVerification,
  redeemEmailVerification,
} from '@/db/queries/email-verifications';
import { emailVerificationRequired } from '@/lib/auth/accounts';
import {
  hashMailToken,
  type LinkRequestResult,
  newMailToken,
  requestMailedLink,
} from '@/lib/auth/mail-token';
import type { ThrottleKey } from '@/lib/auth/throttle';
import { sendMail } from '@/lib/mail';

/**
 * Optional email verification (EMAIL_VERIFICATION=required). A new password account gets a link
 * by mail and cannot sign in until it opens it, as Moodle's email-based self-registration works:
 * the account exists, but nobody can use it until the address is proved. Blocking sign-in itself
 * (rather than letting an unconfirmed account in with a banner, as some sites do) means an
 * unconfirmed account never has a session, so no page, action or route needs a second check:
 * the policy stays in one place, and a class roster never holds an address nobody reads.
 * The links are kept like password-reset links (single use, expiring, only a hash stored).
 */

/** How long a verification link works: a day, so one sent in the evening still works next morning. */
export const VERIFY_LINK_HOURS = 24;

/** Links are asked for against the address and the asking client, so neither can flood a mailbox. */
const requestKeys = (email: string, ip: string | null): ThrottleKey[] => [
  { kind: 'verifyEmail', value: email },
  ...(ip ? [{ kind: 'verifyIp' as const, value: ip }] : []),
];

export type VerificationRequestResult = LinkRequestResult | { status: 'not-required' };

/**
 * Sends a verification link to the account with this email, if there is one that still has to
 * confirm. Sign-up, a sign-in with the right password, and "Send the link again" all come here.
 * An account already verified is answered as any other (see requestMailedLink), so asking
 * reveals nothing about who has an account.
 */
export async function requestVerificationEmail({
  email,
  ip,
  origin,
  now = new Date(),
  evenIfOptional = false,
}: {
  email: unknown;
  ip: string | null;
  /** Where the app is reached (AUTH_URL, or the request's own origin on localhost). */
  origin: string;
  now?: Date;
  /** Send a link even where confirming is optional (an address listed in SITE_ADMIN_EMAILS). */
  evenIfOptional?: boolean;
}): Promise<VerificationRequestResult> {
  if (!emailVerificationRequired() && !evenIfOptional) return { status: 'not-required' };
  return requestMailedLink({
    email,
    keys: (address) => requestKeys(address, ip),
    now,
    send: async (user) => {
      if (user.emailVerified) return;
      const { token, tokenHash } = newMailToken();
      await insertEmailVerification({
        tokenHash,
        userId: user.id,
        expiresAt: new Date(now.getTime() + VERIFY_LINK_HOURS * 3_600_000),
      });
      await sendMail({
        to: user.email,
        subject: 'Confirm your email for Statecraft',
        text: [
          `Hello${user.name ? ` ${user.name}` : ''},`,
          '',
          'Someone (we hope you) made a Statecraft account with this email address.',
          `Open this link within ${VERIFY_LINK_HOURS} hours to confirm it, then sign in:`,
          '',
          `${origin}/verify-email?token=${token}`,
          '',
          'If you did not make the account, ignore this email: nobody can sign in to it.',
        ].join('\n'),
      });
    },
  });
}

/** Whether a verification link can still be used (for the page that opens from it). */
export async function verificationTokenIsUsable(token: string, now = new Date()): Promise<boolean> {
  return (await findEmailVerification({ tokenHash: hashMailToken(token), now })) !== null;
}

export type VerifyResult = { status: 'verified'; email: string } | { status: 'invalid-token' };

/** Marks the account of a verification link verified; the link then works no more. */
export async function verifyEmail({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<VerifyResult> {
  const redeemed = await redeemEmailVerification({ tokenHash: hashMailToken(token), now });
  return redeemed ? { status: 'verified', email: redeemed.email } : { status: 'invalid-token' };
}
