import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClasses } from '@/components/ui/button';
import { getUserById } from '@/db/queries/users';
import { invitationForToken } from '@/lib/classes/invitations';
import { acceptInvitationAction } from '@/lib/server/actions/roster';
import { currentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Class invitation' };

/**
 * Where an invitation's link lands. Opening it changes nothing (mail scanners open links too):
 * the invited person signs up or in with the invited address, then joins with the button.
 */
export default async function InvitationPage({ searchParams }: PageProps<'/invitation'>) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token.slice(0, 200) : '';
  const [invitation, user] = await Promise.all([invitationForToken(token), currentUser()]);
  const account = user ? await getUserById({ id: user.id }) : null;

  if (!invitation)
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">This invitation no longer works</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The link has expired, was revoked, or was already used. Ask your instructor for a new invitation, or
          for the class’s join code.
        </p>
        <Link href="/classes/join" className="text-sm underline">
          Join a class with a code
        </Link>
      </div>
    );

  const back = `/invitation?${new URLSearchParams({ token })}`;
  const withEmail = (page: string) =>
    `${page}?${new URLSearchParams({ email: invitation.email, callbackUrl: back })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        {invitation.role === 'instructor' ? `Teach ${invitation.className}` : `Join ${invitation.className}`}
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This invitation is for <strong className="font-mono">{invitation.email}</strong>.
      </p>
      {!account ? (
        <div className="space-y-3">
          <p className="text-sm">
            Create your Statecraft account with this address, or sign in if you already have one; you come
            back here to join.
          </p>
          <Link href={withEmail('/sign-up')} className={buttonClasses('primary', 'w-full')}>
            Create an account
          </Link>
          <Link href={withEmail('/sign-in')} className={buttonClasses('secondary', 'w-full')}>
            I have an account: sign in
          </Link>
        </div>
      ) : account.email !== invitation.email ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          You are signed in as {account.email}. Sign out, then sign in or create an account with{' '}
          {invitation.email} to accept it.
        </p>
      ) : invitation.archivedAt ? (
        <p role="status">This class has ended (it is archived), so nobody can join it now.</p>
      ) : (
        <ActionForm
          action={acceptInvitationAction}
          submitLabel={invitation.role === 'instructor' ? 'Teach the class' : 'Join the class'}
          pendingLabel="Joining…"
        >
          <input type="hidden" name="token" value={token} />
        </ActionForm>
      )}
    </div>
  );
}
