'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { registerUser, signInSchema } from '@/lib/auth/accounts';
import { untrustedHostMessage } from '@/lib/auth/host';
import { safeReturnPath } from '@/lib/auth/return-path';
import { clientIp, secondsUntilAllowed, signInKeys } from '@/lib/auth/throttle';
import { env } from '@/lib/env';
import { type FormState, formText, invalidState } from '@/lib/form-state';

const waitMessage = (seconds: number) =>
  `Too many failed attempts. Wait ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`} and try again.`;

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = formText(formData, 'email', 'password', 'callbackUrl');
  const values = { email: input.email ?? '' };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return invalidState(parsed.error, values);
  const requestHeaders = await headers();
  const untrusted = untrustedHostMessage(requestHeaders);
  if (untrusted) return { status: 'forbidden', message: untrusted, values };

  const ip = clientIp(requestHeaders, env().TRUSTED_PROXY_COUNT);
  const wait = await secondsUntilAllowed(signInKeys({ email: parsed.data.email, ip }));
  if (wait > 0) return { status: 'rate-limited', message: waitMessage(wait), values };

  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(input.callbackUrl),
    });
    return { status: 'ok' };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // includes Next's redirect on success
    if (error.type === 'CredentialsSignin' && 'code' in error && error.code === 'rate_limited') {
      const retry = await secondsUntilAllowed(signInKeys({ email: parsed.data.email, ip }));
      return { status: 'rate-limited', message: waitMessage(Math.max(retry, 1)), values };
    }
    if (error.type === 'CredentialsSignin') {
      // Same words for an unknown email and a wrong password: the form must not reveal who has an account.
      return {
        status: 'invalid',
        message: 'That email and password do not match an account. Check the password, or create an account.',
        values,
      };
    }
    console.error('[auth] sign-in failed', error);
    return {
      status: 'error',
      message: 'Signing in failed on our side. Please try again in a moment.',
      values,
    };
  }
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = formText(formData, 'name', 'email', 'password', 'callbackUrl');
  const values = { name: input.name ?? '', email: input.email ?? '' };
  const untrusted = untrustedHostMessage(await headers());
  if (untrusted) return { status: 'forbidden', message: untrusted, values };
  const result = await registerUser(input);
  if (result.status === 'invalid') {
    return {
      status: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: result.fieldErrors,
      values,
    };
  }
  if (result.status === 'email-taken') {
    return {
      status: 'invalid',
      message: 'An account with this email already exists.',
      fieldErrors: { email: ['An account with this email already exists. Sign in instead.'] },
      values,
    };
  }
  await signIn('credentials', {
    email: (input.email ?? '').trim().toLowerCase(),
    password: input.password,
    redirectTo: safeReturnPath(input.callbackUrl),
  });
  return { status: 'ok' };
}
