'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { signInAction } from '@/lib/server/actions/auth';
import { type FormResult, IDLE } from '@/lib/server/result';

export function SignInForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [state, action, pending] = useActionState<FormResult<unknown>, FormData>(signInAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
        autoComplete="current-password"
        maxLength={128}
        required
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.password}
      />
      <p className="-mt-2 text-right text-sm">
        <Link className="text-indigo-700 underline dark:text-indigo-300" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      <FormMessage tone="error">
        {state.status !== 'idle' && state.status !== 'ok' ? state.message : null}
      </FormMessage>
      <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        New to Statecraft?{' '}
        <Link
          className="font-semibold text-indigo-700 underline dark:text-indigo-300"
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
