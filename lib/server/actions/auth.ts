'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { enabledOAuthProviders, signIn, signOut } from '@/auth';
import { getUserById, normaliseEmail, setUserTimeZone } from '@/db/queries/users';
import {
  changePassword,
  emailVerificationRequired,
  registerUser,
  signInLimits,
  signInSchema,
} from '@/lib/auth/accounts';
import { requestVerificationEmail, VERIFY_LINK_HOURS, verifyEmail } from '@/lib/auth/email-verification';
import { MAIL_NEEDS_AUTH_URL, mailOrigin, untrustedHostMessage } from '@/lib/auth/host';
import { knownDeviceTokenIn } from '@/lib/auth/known-device';
import type { LinkRequestResult } from '@/lib/auth/mail-token';
import { RESET_LINK_MINUTES, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { safeReturnPath } from '@/lib/auth/return-path';
import { clientIp, recordFailure, secondsUntilAllowed, signUpKeys, waitWords } from '@/lib/auth/throttle';
import { action, publicAction } from '@/lib/server/endpoint';
import { done, ok, type Refusal, refuse } from '@/lib/server/result';
import { isTimeZone } from '@/lib/time';

const waitMessage = (seconds: number) =>
  `Too many failed attempts. Wait ${waitWords(seconds)} and try again.`;

const text = (max: number) => z.string().max(max).optional().default('');

/**
 * Mails a verification link for sign-up and for a sign-in on an unconfirmed account. The person is
 * sent to "check your email" whatever happened (throttled, or the mail server down: they can ask
 * again there), so neither path reveals more than the form alone would.
 */
async function mailVerificationLink(email: string): Promise<void> {
  await mailLink(email, 'verification', 'a new link', requestVerificationEmail);
}

const checkEmailPage = (notice: 'sent' | 'unconfirmed', email: string) =>
  `/verify-email?${new URLSearchParams({ notice, email: normaliseEmail(email) })}`;

export const signInAction = publicAction({
  name: 'auth.signIn',
  input: z.object({ email: text(300), password: text(200), callbackUrl: text(2000) }),
  rule: 'public',
  run: async (input) => {
    const values = { email: input.email };
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors;
      return refuse('invalid', 'Please correct the highlighted fields.', { fieldErrors, values });
    }
    const requestHeaders = await headers();
    const untrusted = untrustedHostMessage(requestHeaders);
    if (untrusted) return refuse('forbidden', untrusted, { values });
    const { keys } = await signInLimits(
      parsed.data.email,
      clientIp(requestHeaders),
      knownDeviceTokenIn(requestHeaders),
    );
    const wait = await secondsUntilAllowed(keys);
    if (wait > 0) return refuse('rate-limited', waitMessage(wait), { values, retryAfterSeconds: wait });
    try {
      await signIn('credentials', {
        email: parsed.data.email,
        password: parsed.data.password,
        redirectTo: safeReturnPath(input.callbackUrl),
      });
      return done('Signed in.');
    } catch (error) {
      if (!(error instanceof AuthError)) throw error; // includes Next's redirect on success
      if (error.type === 'CredentialsSignin' && 'code' in error && error.code === 'email_unconfirmed') {
        // Only someone who typed the right password gets here: a fresh link, and the page that says so.
        await mailVerificationLink(parsed.data.email);
        redirect(checkEmailPage('unconfirmed', parsed.data.email));
      }
      if (error.type === 'CredentialsSignin' && 'code' in error && error.code === 'rate_limited') {
        const retry = Math.max(await secondsUntilAllowed(keys), 1);
        return refuse('rate-limited', waitMessage(retry), { values, retryAfterSeconds: retry });
      }
      if (error.type === 'CredentialsSignin') {
        // Same words for an unknown email and a wrong password: the form must not reveal who has an account.
        return refuse(
          'invalid',
          'That email and password do not match an account. Check the password, or create an account.',
          { values },
        );
      }
      console.error('[auth] sign-in failed', error);
      return refuse('unavailable', 'Signing in failed on our side. Please try again in a moment.', {
        values,
      });
    }
  },
});

/**
 * Creates an account, then sends the person to sign in with it. A new email and one that already
 * has an account get the same answer (and the same work), so sign-up does not reveal who has one.
 */
export const signUpAction = publicAction({
  name: 'auth.signUp',
  input: z.object({ name: text(300), email: text(300), password: text(200), callbackUrl: text(2000) }),
  rule: 'public',
  run: async (input) => {
    const values = { name: input.name, email: input.email };
    const requestHeaders = await headers();
    const untrusted = untrustedHostMessage(requestHeaders);
    if (untrusted) return refuse('forbidden', untrusted, { values });
    // An account that must confirm its address needs the link this server cannot mail yet: say
    // so, rather than send the person to wait for mail that never comes.
    if (emailVerificationRequired() && !mailOrigin(requestHeaders))
      return refuse('forbidden', MAIL_NEEDS_AUTH_URL, { values });
    const ip = clientIp(requestHeaders);
    const keys = ip ? signUpKeys(ip) : [];
    const wait = await secondsUntilAllowed(keys);
    if (wait > 0)
      return refuse(
        'rate-limited',
        `Too many new accounts from your network. Wait ${waitWords(wait)} and try again.`,
        {
          values,
          retryAfterSeconds: wait,
        },
      );
    const result = await registerUser(input);
    if (result.status === 'invalid')
      return refuse('invalid', 'Please correct the highlighted fields.', {
        fieldErrors: result.fieldErrors,
        values,
      });
    // Counted once the form is valid, whether the email was new or not (the answer is the same).
    await recordFailure(keys);
    if (emailVerificationRequired()) {
      // A link goes to a new account, or to a taken one that has not confirmed yet; the answer is
      // the same page either way.
      await mailVerificationLink(input.email);
      redirect(checkEmailPage('sent', input.email));
    }
    const next = new URLSearchParams({
      notice: 'account-ready',
      email: normaliseEmail(input.email),
      callbackUrl: safeReturnPath(input.callbackUrl),
    });
    redirect(`/sign-in?${next}`);
  },
});

/** GitHub or Google sign-in, for the providers configured on the server. */
export const signInWithProviderAction = publicAction({
  name: 'auth.signInWithProvider',
  input: z.object({ provider: z.string().max(40), callbackUrl: text(2000) }),
  rule: 'public',
  run: async (input) => {
    if (!enabledOAuthProviders().some((p) => p.id === input.provider))
      return refuse('invalid', 'That way of signing in is not available here.');
    await signIn(input.provider, { redirectTo: safeReturnPath(input.callbackUrl) });
    return done('Signed in.');
  },
});

/** Signing out ends the user's sessions on every device (Auth.js's signOut event bumps the version). */
export const signOutEverywhereAction = action({
  name: 'auth.signOutEverywhere',
  input: z.object({}),
  rule: 'signed-in',
  run: async () => {
    await signOut({ redirectTo: '/sign-in?notice=signed-out' });
    return done('Signed out.');
  },
});

export const changePasswordAction = action({
  name: 'auth.changePassword',
  input: z.object({ currentPassword: text(200), newPassword: text(200) }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    const result = await changePassword(user.id, input);
    if (result.status === 'invalid')
      return refuse('invalid', 'Please correct the highlighted fields.', { fieldErrors: result.fieldErrors });
    if (result.status === 'throttled')
      return refuse('rate-limited', waitMessage(result.retryAfterSeconds), {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    if (result.status === 'no-password')
      return refuse(
        'forbidden',
        'This account signs in with GitHub or Google and has no password yet: set one through the link we email you from this page.',
      );
    if (result.status === 'wrong-password') {
      return refuse('invalid', 'Your current password is not right.', {
        fieldErrors: { currentPassword: ['This is not your current password.'] },
      });
    }
    // Every session, this one included, carried the old version: sign in again with the new password.
    await signOut({ redirectTo: '/sign-in?notice=password-changed' });
    return done('Password changed.');
  },
});

/**
 * A mailed link asked for from a form: refused on a host the app does not trust (the link would
 * point there), sent with the client's address (for the throttle) and the public origin, and a
 * mail server that fails is a plain "try again" rather than an error page.
 */
async function mailLink(
  email: string,
  what: string,
  /** What was asked for too often: "a new password", "a new link". */
  tooMany: string,
  request: (args: {
    email: string;
    ip: string | null;
    origin: string;
  }) => Promise<LinkRequestResult | { status: 'not-required' }>,
): Promise<{ refusal: Refusal } | { status: 'sent' | 'not-required'; developmentLink?: string }> {
  const values = { email };
  const requestHeaders = await headers();
  const untrusted = untrustedHostMessage(requestHeaders);
  if (untrusted) return { refusal: refuse('forbidden', untrusted, { values }) };
  const origin = mailOrigin(requestHeaders);
  if (!origin) return { refusal: refuse('forbidden', MAIL_NEEDS_AUTH_URL, { values }) };
  let result: LinkRequestResult | { status: 'not-required' };
  try {
    result = await request({ email, ip: clientIp(requestHeaders), origin });
  } catch (error) {
    console.error(`[auth] ${what} mail failed`, error);
    return {
      refusal: refuse(
        'unavailable',
        'We could not send the email just now. Please try again in a few minutes.',
        {
          values,
        },
      ),
    };
  }
  if (result.status === 'invalid')
    return {
      refusal: refuse('invalid', 'Please correct the highlighted fields.', {
        fieldErrors: result.fieldErrors,
        values,
      }),
    };
  if (result.status === 'rate-limited')
    return {
      refusal: refuse(
        'rate-limited',
        `Too many requests for ${tooMany}. Wait ${waitWords(result.retryAfterSeconds)} and try again.`,
        { values, retryAfterSeconds: result.retryAfterSeconds },
      ),
    };
  return result;
}

/** "Forgot your password?": emails a reset link, with one answer whether or not the account exists. */
export const requestPasswordResetAction = publicAction({
  name: 'auth.requestPasswordReset',
  input: z.object({ email: text(300) }),
  rule: 'public',
  run: async (input) => {
    const sent = await mailLink(input.email, 'password reset', 'a new password', requestPasswordReset);
    if ('refusal' in sent) return sent.refusal;
    const message = `If an account uses ${normaliseEmail(input.email)}, we have sent it a link to choose a new password. The link works for ${RESET_LINK_MINUTES} minutes; if nothing arrives, check your spam folder.`;
    // In development with no mail server, the link is shown here too (it is in the server log).
    if (sent.status === 'sent' && sent.developmentLink)
      return ok(
        { link: { href: sent.developmentLink, text: 'Open the reset link (shown in development only)' } },
        message,
      );
    return done(message);
  },
});

/** The page a reset link opens: a new password, then sign in with it (every old session has ended). */
export const resetPasswordAction = publicAction({
  name: 'auth.resetPassword',
  input: z.object({ token: text(200), password: text(200) }),
  rule: 'public',
  run: async (input) => {
    const result = await resetPassword({ token: input.token, password: input.password });
    if (result.status === 'invalid-token')
      return refuse('invalid', 'This link has expired or was already used. Ask for a new one below.', {
        reason: 'invalid-token',
      });
    if (result.status === 'invalid')
      return refuse('invalid', 'Please correct the highlighted fields.', { fieldErrors: result.fieldErrors });
    redirect(`/sign-in?${new URLSearchParams({ notice: 'password-reset', email: result.email })}`);
  },
});

/** "Send the link again" on the check-your-email page: one answer whether or not the account exists. */
export const resendVerificationAction = publicAction({
  name: 'auth.resendVerification',
  input: z.object({ email: text(300) }),
  rule: 'public',
  run: async (input) => {
    const sent = await mailLink(input.email, 'verification', 'a new link', requestVerificationEmail);
    if ('refusal' in sent) return sent.refusal;
    if (sent.status === 'not-required')
      return done('This site does not ask you to confirm your email: sign in with your password.');
    return done(
      `If ${normaliseEmail(input.email)} has an account that still needs confirming, we have sent it a new link. The link works for ${VERIFY_LINK_HOURS} hours; if nothing arrives, check your spam folder.`,
    );
  },
});

/**
 * A signed-in person confirms their own address by a mailed link, where the site does not ask
 * everyone to: an address listed in SITE_ADMIN_EMAILS counts only once confirmed.
 */
export const confirmOwnEmailAction = action({
  name: 'auth.confirmOwnEmail',
  input: z.object({}),
  rule: 'signed-in',
  run: async (_input, { user }) => {
    const account = await getUserById({ id: user.id });
    if (!account) return refuse('unauthenticated', 'Your session has ended. Sign in again to continue.');
    if (account.emailVerified) return done('Your email address is confirmed already.');
    const sent = await mailLink(account.email, 'verification', 'a new link', (args) =>
      requestVerificationEmail({ ...args, evenIfOptional: true }),
    );
    if ('refusal' in sent) return sent.refusal;
    return done(
      `We have sent a link to ${account.email}. Open it within ${VERIFY_LINK_HOURS} hours to confirm the address.`,
    );
  },
});

/** The page a verification link opens: confirming marks the account verified, then sign in. */
export const verifyEmailAction = publicAction({
  name: 'auth.verifyEmail',
  input: z.object({ token: text(200) }),
  rule: 'public',
  run: async (input) => {
    const result = await verifyEmail({ token: input.token });
    if (result.status === 'invalid-token')
      return refuse('invalid', 'This link has expired or was already used. Ask for a new one below.', {
        reason: 'invalid-token',
      });
    redirect(`/sign-in?${new URLSearchParams({ notice: 'email-verified', email: result.email })}`);
  },
});

/** The time zone dates are shown in: the browser reports it on a first visit; the account page changes it. */
export const setTimeZoneAction = action({
  name: 'auth.setTimeZone',
  input: z.object({
    timeZone: z.string().max(64).refine(isTimeZone, 'Choose a time zone from the list.'),
    // The browser's own report never overrides a zone the person chose.
    onlyIfUnset: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false),
  }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    if (input.onlyIfUnset && user.timeZoneKnown) return done('Time zone already set.');
    await setUserTimeZone({ userId: user.id, timeZone: input.timeZone });
    revalidatePath('/', 'layout');
    return done(`Dates now show in ${input.timeZone} time.`);
  },
});
