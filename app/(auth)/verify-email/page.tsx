import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { emailVerificationRequired } from '@/lib/auth/accounts';
import { VERIFY_LINK_HOURS, verificationTokenIsUsable } from '@/lib/auth/email-verification';
import { resendVerificationAction, verifyEmailAction } from '@/lib/server/actions/auth';

export const metadata: Metadata = { title: 'Confirm your email' };

const NOTICES: Record<string, string> = {
  // The same words whether the email was new or already had an account: sign-up reveals neither.
  sent: 'Your account is almost ready. Open the link we have emailed you to confirm your address, then sign in.',
  unconfirmed:
    'Confirm your email before you sign in: we have emailed you a new link. Open it, then sign in with your password.',
};

const signInLink = (
  <Link className="font-semibold text-indigo-700 underline dark:text-indigo-300" href="/sign-in">
    Sign in
  </Link>
);

/**
 * Two pages in one: "check your email" (after sign-up, or a sign-in on an unconfirmed account),
 * with "Send the link again"; and, opened from the emailed link, a button that confirms. Confirming
 * is a form, not the link itself, so a mail scanner that fetches links confirms nothing.
 */
export default async function VerifyEmailPage({ searchParams }: PageProps<'/verify-email'>) {
  const { token: rawToken, email, notice } = await searchParams;
  const token = typeof rawToken === 'string' && rawToken.length <= 200 ? rawToken : '';
  const required = emailVerificationRequired();
  const usable = token !== '' && (await verificationTokenIsUsable(token));
  const prefill = typeof email === 'string' ? email.slice(0, 254) : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">
        {usable ? 'Confirm your email' : 'Check your email'}
      </h1>
      {usable ? (
        <ActionForm action={verifyEmailAction} submitLabel="Confirm my email" pendingLabel="Confirming…">
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            One step left: confirm that this address is yours, then sign in.
          </p>
        </ActionForm>
      ) : !required ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          This site does not ask you to confirm your email. {signInLink} with your password.
        </p>
      ) : (
        <>
          {token !== '' ? (
            <p role="alert" className="text-sm text-slate-700 dark:text-slate-300" data-verify-link-dead>
              This link has expired or was already used. If your address is confirmed already, just sign in;
              otherwise ask for a new link below.
            </p>
          ) : (
            typeof notice === 'string' &&
            NOTICES[notice] && <FormMessage tone="success">{NOTICES[notice]}</FormMessage>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The link works for {VERIFY_LINK_HOURS} hours. Nothing arrived? Check your spam folder, or send it
            again.
          </p>
          <ActionForm
            action={resendVerificationAction}
            submitLabel="Send the link again"
            pendingLabel="Sending…"
            variant="secondary"
          >
            <Field
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              maxLength={254}
              required
              defaultValue={prefill}
            />
          </ActionForm>
          <p className="text-center text-sm text-slate-600 dark:text-slate-400">
            Confirmed already? {signInLink}
          </p>
        </>
      )}
    </div>
  );
}
