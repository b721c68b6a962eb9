'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { signUpAction } from '@/lib/server/actions/auth';
import { type FormResult, IDLE } from '@/lib/server/result';

export function SignUpForm({
  callbackUrl,
  minLength,
  maxLength,
  email,
}: {
  callbackUrl: string;
  minLength: number;
  maxLength: number;
  /** An address to start with (a class invitation's). */
  email?: string;
}) {
  const [state, action, pending] = useActionState<FormResult<unknown>, FormData>(signUpAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        maxLength={100}
        required
        defaultValue={('values' in state ? state.values : undefined)?.name}
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        required
        defaultValue={('values' in state ? state.values : undefined)?.email ?? email}
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={maxLength}
        required
        hint={`At least ${minLength} characters (up to ${maxLength}). A passphrase of several words works well.`}
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.password}
      />
      <FormMessage tone="error">
        {state.status !== 'idle' && state.status !== 'ok' ? state.message : null}
      </FormMessage>
      <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{' '}
        <Link
          className="font-semibold text-indigo-700 underline dark:text-indigo-300"
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
