'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signUpAction } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleState } from '@/lib/form-state';

export function SignUpForm({
  callbackUrl,
  minLength,
  maxLength,
}: {
  callbackUrl: string;
  minLength: number;
  maxLength: number;
}) {
  const [state, action, pending] = useActionState(signUpAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        maxLength={100}
        required
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={maxLength}
        required
        hint={`At least ${minLength} characters (up to ${maxLength}). A passphrase of several words works well.`}
        errors={state.fieldErrors?.password}
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
