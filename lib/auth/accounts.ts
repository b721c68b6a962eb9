import { z } from 'zod';
import { getUserByEmail, getUserById, insertUser, normaliseEmail, setPasswordHash } from '@/db/queries/users';
import { env } from '@/lib/env';
import { knownDeviceId, knownDeviceToken } from './known-device';
import {
  contextualPasswordProblem,
  hashPassword,
  newPasswordSchema,
  PASSWORD_MAX_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './password';
import { clearFailures, recordFailure, secondsUntilAllowed, signInKeys } from './throttle';

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.org.'))
  .transform(normaliseEmail);

export const signUpSchema = z
  .object({
    name: z
      .string({ error: 'Enter your name.' })
      .trim()
      .min(1, 'Enter your name.')
      .max(100, 'Use at most 100 characters for your name.')
      // Control characters have no place in a name shown to classmates.
      .refine((n) => !/\p{Cc}/u.test(n), 'Your name contains characters that cannot be shown.'),
    email: emailSchema,
    password: newPasswordSchema,
  })
  .superRefine((input, ctx) => {
    const problem = contextualPasswordProblem(input.password, input);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const signInSchema = z.object({
  email: emailSchema,
  // Existing passwords are only checked for size here: the policy applies when one is chosen.
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, 'No account has a password that long.'),
});

export type SignUpResult =
  | { status: 'created'; userId: string }
  | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { status: 'email-taken' };

/**
 * Creates an account. An email that already has one gets the same work (a hash) and nothing
 * else; the caller answers both cases alike, so sign-up cannot be used to find accounts.
 */
export async function registerUser(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  if (await getUserByEmail({ email })) return { status: 'email-taken' };
  const user = await insertUser({ name, email, passwordHash });
  // A concurrent sign-up with the same email loses at the unique index.
  return user ? { status: 'created', userId: user.id } : { status: 'email-taken' };
}

/** Whether new accounts must confirm their email (EMAIL_VERIFICATION=required; off by default). */
/**
 * Whether an account is a site administrator by SITE_ADMIN_EMAILS: its address is listed and
 * confirmed (a mailed link, GitHub or Google). Listed alone is not enough: whoever signed up first
 * with an address the operator listed before its owner had an account would be administrator.
 */
export function adminByListedEmail(user: { email: string; emailVerified: Date | null }): boolean {
  return user.emailVerified !== null && env().SITE_ADMIN_EMAILS.includes(user.email);
}

/** An address listed in SITE_ADMIN_EMAILS that has yet to be confirmed before it counts. */
export const listedAdminUnconfirmed = (user: { email: string; emailVerified: Date | null }) =>
  user.emailVerified === null && env().SITE_ADMIN_EMAILS.includes(user.email);

export function emailVerificationRequired(): boolean {
  return env().EMAIL_VERIFICATION === 'required';
}

/**
 * Whether an account may not sign in (nor keep a session) until it confirms its email. Accounts
 * from before the setting existed were marked verified by migration 0014; GitHub and Google
 * accounts are verified by their provider (auth.ts), the demo accounts by the seed.
 */
export function mustConfirmEmail(user: { emailVerified: Date | null }): boolean {
  return emailVerificationRequired() && user.emailVerified === null;
}

export type CredentialsCheck =
  | {
      status: 'ok';
      user: { id: string; email: string; name: string | null; sessionVersion: number };
      /** A known-device token for the browser that signed in (lib/auth/known-device.ts). */
      deviceToken: string;
    }
  | { status: 'invalid' }
  | { status: 'unconfirmed' }
  | { status: 'throttled'; retryAfterSeconds: number };

/**
 * The limits a sign-in to this address counts against (lib/auth/throttle.ts: signInKeys), with
 * the known-device token the browser sent checked against the account as it is now.
 */
export async function signInLimits(email: string, ip: string | null, deviceToken: string | null) {
  const user = await getUserByEmail({ email });
  const device = await knownDeviceId(deviceToken, user);
  return { user, keys: signInKeys({ email, ip, device }) };
}

/**
 * Checks an email and password with the sign-in limits applied. An unknown email and a wrong
 * password give the same answer in the same time, so the form cannot be used to find accounts.
 */
export async function checkCredentials(
  input: { email: string; password: string },
  ip: string | null,
  /** The known-device token the browser sent, if any (lib/auth/known-device.ts). */
  deviceToken: string | null = null,
): Promise<CredentialsCheck> {
  const { user, keys } = await signInLimits(input.email, ip, deviceToken);
  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) return { status: 'throttled', retryAfterSeconds: wait };

  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await recordFailure(keys);
    return { status: 'invalid' };
  }
  await clearFailures(input.email);
  // The right password, but the address is not confirmed yet: said only to someone who knows the
  // password, so it reveals nothing about who has an account.
  if (mustConfirmEmail(user)) return { status: 'unconfirmed' };
  return {
    status: 'ok',
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
    // This browser now knows the account: failures others cause cannot lock it out.
    deviceToken: await knownDeviceToken(user),
  };
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

export type ChangePasswordResult =
  | { status: 'changed'; sessionVersion: number }
  | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { status: 'wrong-password' }
  | { status: 'no-password' }
  | { status: 'throttled'; retryAfterSeconds: number };

/** Changes a password and ends every other session of the account (the version goes up). */
export async function changePassword(userId: string, input: unknown): Promise<ChangePasswordResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getUserById({ id: userId });
  if (!user) return { status: 'wrong-password' };
  // An account with no password (GitHub, Google) gets one through a mailed link only: a borrowed
  // session must not add one and keep the account after the owner signs out everywhere.
  if (!user.passwordHash) return { status: 'no-password' };
  const problem = contextualPasswordProblem(parsed.data.newPassword, user);
  if (problem) return { status: 'invalid', fieldErrors: { newPassword: [problem] } };
  // A wrong current password counts as a failed sign-in: a borrowed session cannot guess it freely.
  const keys = signInKeys({ email: user.email, ip: null }).filter((k) => k.kind === 'email');
  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) return { status: 'throttled', retryAfterSeconds: wait };
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    await recordFailure(keys);
    return { status: 'wrong-password' };
  }
  const sessionVersion = await setPasswordHash({
    userId,
    passwordHash: await hashPassword(parsed.data.newPassword),
  });
  return sessionVersion === null ? { status: 'wrong-password' } : { status: 'changed', sessionVersion };
}
