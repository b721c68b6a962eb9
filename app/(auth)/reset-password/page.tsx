import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { resetTokenIsUsable } from '@/lib/auth/password-reset';
import { resetPasswordAction } from '@/lib/server/actions/auth';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  const { token: raw } = await searchParams;
  const token = typeof raw === 'string' && raw.length <= 200 ? raw : '';
  const usable = token !== '' && (await resetTokenIsUsable(token));
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Choose a new password</h1>
      {usable ? (
        <ActionForm action={resetPasswordAction} submitLabel="Set the new password" pendingLabel="Saving…">
          <input type="hidden" name="token" value={token} />
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={128}
            required
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Afterwards you are signed out on every device.`}
          />
        </ActionForm>
      ) : (
        <p role="alert" className="text-sm text-slate-700 dark:text-slate-300" data-reset-link-dead>
          This link has expired or was already used.{' '}
          <Link
            className="font-semibold text-indigo-700 underline dark:text-indigo-300"
            href="/forgot-password"
          >
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
