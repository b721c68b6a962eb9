import type { Metadata } from 'next';
import { enabledOAuthProviders } from '@/auth';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { safeReturnPath } from '@/lib/auth/return-path';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: PageProps<'/sign-up'>) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  // A class invitation's link starts the form with the invited address.
  const email = typeof params.email === 'string' ? params.email.slice(0, 254) : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Create your account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Students and instructors use the same account: join a class with its code, or start your own.
        </p>
      </div>
      <SignUpForm
        callbackUrl={callbackUrl}
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        email={email}
      />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
    </div>
  );
}
