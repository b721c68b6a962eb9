import type { Metadata } from 'next';
import { SESSION_MAX_AGE_SECONDS } from '@/auth';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { getUserById } from '@/db/queries/users';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const sessionUser = await requireUser('/account');
  const user = await getUserById({ id: sessionUser.id });
  const days = SESSION_MAX_AGE_SECONDS / 86_400;
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Account</h1>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium text-slate-600 dark:text-slate-400">Name</dt>
        <dd>{user?.name}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">Email</dt>
        <dd>{user?.email}</dd>
      </dl>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm hasPassword={Boolean(user?.passwordHash)} />
      </section>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You stay signed in for {days} days after your last visit. Signing out ends your sessions on every
        device.
      </p>
    </div>
  );
}
