import type { Metadata } from 'next';
import Link from 'next/link';
import { enabledOAuthProviders } from '@/auth';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { SignInForm } from '@/components/auth/sign-in-form';
import { FormMessage } from '@/components/ui/form-message';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata: Metadata = { title: 'Sign in' };

const NOTICES: Record<string, string> = {
  'signed-out': 'You have signed out on every device.',
  'password-changed': 'Your password was changed. Sign in with the new one.',
  'password-reset': 'Your new password is set, and every other session has ended. Sign in with it.',
  'email-verified': 'Your email is confirmed. Sign in with your password.',
  // The same words whether the email was new or already had an account: sign-up reveals neither.
  'account-ready':
    'Your account is ready: sign in with the password you chose. (If this email already had an account, use its password.)',
};

const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: 'That email already has a Statecraft password. Sign in with it below.',
  AccessDenied: 'Sign-in was cancelled or refused.',
  Configuration: 'Sign-in is misconfigured on the server. Please tell your administrator.',
};

/** Auth.js's own sign-in endpoint sends refusals here as ?error=CredentialsSignin&code=…. */
const CREDENTIALS_CODES: Record<string, string> = {
  email_unconfirmed:
    'Confirm your email before you sign in: open the link we emailed you, or ask for a new one.',
};

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const notice = typeof params.notice === 'string' ? NOTICES[params.notice] : undefined;
  const error =
    typeof params.error === 'string'
      ? (OAUTH_ERRORS[params.error] ?? 'Sign-in did not work. Please try again.')
      : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Pick up your readings and quizzes where you left them.
        </p>
      </div>
      {notice && <FormMessage tone="success">{notice}</FormMessage>}
      {error && params.error !== 'CredentialsSignin' && <FormMessage tone="error">{error}</FormMessage>}
      {params.error === 'CredentialsSignin' &&
        typeof params.code === 'string' &&
        CREDENTIALS_CODES[params.code] && (
          <FormMessage tone="error">
            {CREDENTIALS_CODES[params.code]}{' '}
            <Link className="underline" href="/verify-email">
              Send a new link
            </Link>
          </FormMessage>
        )}
      <SignInForm
        callbackUrl={callbackUrl}
        email={typeof params.email === 'string' ? params.email.slice(0, 254) : undefined}
      />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
    </div>
  );
}
