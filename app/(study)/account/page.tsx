import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { ActionForm } from '@/components/ui/action-form';
import { TimeZoneField } from '@/components/ui/time-zone-field';
import { getUserById } from '@/db/queries/users';
import { listedAdminUnconfirmed } from '@/lib/auth/accounts';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-token';
import {
  confirmOwnEmailAction,
  requestPasswordResetAction,
  setTimeZoneAction,
} from '@/lib/server/actions/auth';
import { requireUser } from '@/lib/server/session';
import { formatDateTime } from '@/lib/time';

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
      {user && listedAdminUnconfirmed(user) && (
        <section
          aria-labelledby="admin-heading"
          className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
        >
          <h2 id="admin-heading" className="text-lg font-semibold">
            Site administrator
          </h2>
          <ActionForm
            action={confirmOwnEmailAction}
            submitLabel="Email me a confirmation link"
            pendingLabel="Sending…"
          >
            <p className="text-sm">
              This server lists {user.email} as a site administrator. The role is yours once you confirm that
              the address is yours, by the link we email to it.
            </p>
          </ActionForm>
        </section>
      )}
      <section aria-labelledby="time-zone-heading" className="space-y-3">
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <ActionForm action={setTimeZoneAction} submitLabel="Save time zone" className="max-w-md">
          <TimeZoneField
            label="Show dates and count days in"
            value={sessionUser.timeZone}
            hint={`Now: ${formatDateTime(new Date(), sessionUser.timeZone)}. Your browser set this on your first visit.`}
          />
        </ActionForm>
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        {user?.passwordHash ? (
          <ChangePasswordForm />
        ) : (
          // An account made through GitHub or Google proves it owns its mailbox before it gets a
          // password: a session someone borrowed must not be able to add one and keep the account.
          <ActionForm
            action={requestPasswordResetAction}
            submitLabel="Email me a link to set a password"
            pendingLabel="Sending…"
            className="max-w-md"
          >
            <p className="text-sm text-slate-600 dark:text-slate-400">
              You sign in with GitHub or Google. To sign in with a password too, open the link we email to{' '}
              {user?.email}.
            </p>
            <input type="hidden" name="email" value={user?.email ?? ''} />
          </ActionForm>
        )}
      </section>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You stay signed in for {days} days, and each day you open a page starts the {days} days again. Signing
        out ends your sessions on every device.
      </p>
    </div>
  );
}
