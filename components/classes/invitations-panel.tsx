import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { revokeInvitationAction } from '@/lib/server/actions/roster';
import { formatDate } from '@/lib/time';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

type Invitation = {
  id: string;
  email: string;
  name: string | null;
  role: 'student' | 'instructor';
  sentAt: Date | null;
  expiresAt: Date;
};

/** Importing a roster, and the invitations it sent that nobody has accepted yet (each revocable). */
export function InvitationsPanel({
  classId,
  invitations,
  timeZone,
  now,
}: {
  classId: string;
  invitations: Invitation[];
  timeZone: string;
  now: Date;
}) {
  return (
    <section aria-labelledby="invitations-title" className={card} data-invitations>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="invitations-title" className="text-lg font-semibold">
          Invitations
        </h2>
        <Link
          href={`/classes/${classId}/roster`}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold dark:border-slate-600"
        >
          Import a roster (CSV)
        </Link>
      </div>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No invitations waiting. Import the class list from Canvas, Moodle or Google Classroom to invite its
          students: each joins by the link we email them.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {invitations.map((i) => (
            <li
              key={i.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2"
              data-invitation={i.email}
            >
              <span>
                {i.name && <>{i.name} </>}
                <span className="font-mono text-slate-600 dark:text-slate-400">{i.email}</span>
                {i.role === 'instructor' && <> (to teach)</>}
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {i.sentAt ? `Sent ${formatDate(i.sentAt, timeZone)}` : 'Not sent (the mail failed)'} ·{' '}
                  {i.expiresAt > now
                    ? `link works until ${formatDate(i.expiresAt, timeZone)}`
                    : 'link expired'}
                </span>
              </span>
              <ActionForm
                action={revokeInvitationAction}
                submitLabel="Revoke"
                pendingLabel="Revoking…"
                variant="secondary"
              >
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="invitationId" value={i.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
