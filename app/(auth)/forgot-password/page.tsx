import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { RESET_LINK_MINUTES } from '@/lib/auth/password-reset';
import { requestPasswordResetAction } from '@/lib/server/actions/auth';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default async function ForgotPasswordPage({ searchParams }: PageProps<'/forgot-password'>) {
  const { email } = await searchParams;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Enter the email of your account. We will send it a link to choose a new password; the link works for{' '}
          {RESET_LINK_MINUTES} minutes.
        </p>
      </div>
      <ActionForm action={requestPasswordResetAction} submitLabel="Email me a link" pendingLabel="Sending…">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          required
          defaultValue={typeof email === 'string' ? email.slice(0, 254) : undefined}
        />
      </ActionForm>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Remembered it?{' '}
        <Link className="font-semibold text-indigo-700 underline dark:text-indigo-300" href="/sign-in">
          Sign in
        </Link>
      </p>
    </div>
  );
}
