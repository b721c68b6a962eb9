import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AssignQuizForm } from '@/components/classes/assign-quiz-form';
import { AssignmentSummary } from '@/components/classes/assignment-summary';
import { ClassSettings } from '@/components/classes/class-settings';
import { InstructorsPanel } from '@/components/classes/instructors-panel';
import { InvitationsPanel } from '@/components/classes/invitations-panel';
import { JoiningPanel } from '@/components/classes/joining-panel';
import { StudentClassView } from '@/components/classes/student-class-view';
import { StudentProgress } from '@/components/classes/student-table';
import { ActionForm } from '@/components/ui/action-form';
import { listAssignableQuizzes } from '@/db/queries/assignments';
import { listMembers } from '@/db/queries/classes';
import { listInvitations } from '@/db/queries/invitations';
import { getUserById } from '@/db/queries/users';
import { publicOrigin } from '@/lib/auth/host';
import { classProgress } from '@/lib/classes/dashboard';
import { GRADEBOOK_LAYOUTS } from '@/lib/classes/exports';
import { readRemovalReceipt } from '@/lib/classes/removal';
import { restoreStudentAction } from '@/lib/server/actions/classes';
import { classToAttend } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { formatDate } from '@/lib/time';

export const metadata: Metadata = { title: 'Class' };

/** A class: its students see their assignments; its instructors see the whole class. */
export default async function ClassPage({ params, searchParams }: PageProps<'/classes/[classId]'>) {
  const { classId } = await params;
  const user = await requireUser(`/classes/${classId}`);
  const { klass, role } = await grantedOrNotFound(classToAttend(user, classId));
  if (role === 'student')
    return (
      <StudentClassView
        classId={klass.id}
        className={klass.name}
        userId={user.id}
        timeZone={user.timeZone}
        archived={Boolean(klass.archivedAt)}
      />
    );

  const query = await searchParams;
  const view = {
    sort: typeof query.sort === 'string' ? query.sort : undefined,
    page: Number.parseInt(typeof query.page === 'string' ? query.page : '1', 10) || 1,
  };
  const [progress, instructors, quizzes, requestHeaders, removed, invitations] = await Promise.all([
    classProgress(klass.id, new Date(), view),
    listMembers({ classId: klass.id, role: 'instructor' }),
    listAssignableQuizzes({ userId: user.id }),
    headers(),
    typeof query.removed === 'string' ? removedStudent(query.removed, klass.id) : null,
    listInvitations({ classId: klass.id }),
  ]);
  const joinLink = klass.joinCode
    ? `${publicOrigin(requestHeaders)}/classes/join?code=${klass.joinCode}`
    : null;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">{klass.name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {progress.students.length} students · taught by{' '}
            {instructors.map((i) => i.name ?? i.email).join(', ')}
          </p>
        </div>
        <div className="flex flex-wrap gap-3 text-sm">
          <details className="relative">
            <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600">
              Export gradebook (CSV) <span aria-hidden="true">▾</span>
            </summary>
            <ul className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
              {Object.entries(GRADEBOOK_LAYOUTS).map(([layout, { label }]) => (
                <li key={layout}>
                  <a
                    href={`/api/classes/${klass.id}/gradebook?layout=${layout}`}
                    className="block rounded px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800"
                  >
                    For {label}
                  </a>
                </li>
              ))}
            </ul>
          </details>
          <a
            href={`/api/classes/${klass.id}/responses`}
            className="rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600"
          >
            Export all responses (CSV)
          </a>
        </div>
      </div>
      {removed && !progress.students.some((s) => s.userId === removed.user.id) && (
        <div
          className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
          data-removed-banner
        >
          <p role="status">
            {removed.user.name ?? removed.user.email} was removed from the class. Their submitted work is
            kept.
          </p>
          <ActionForm
            action={restoreStudentAction}
            submitLabel="Undo"
            pendingLabel="Putting back…"
            variant="secondary"
          >
            <input type="hidden" name="classId" value={klass.id} />
            <input type="hidden" name="receipt" value={removed.receipt} />
          </ActionForm>
        </div>
      )}
      {klass.archivedAt && (
        <p
          role="status"
          className="rounded-xl border border-slate-300 bg-slate-100 p-4 text-sm dark:border-slate-600 dark:bg-slate-800"
          data-archived
        >
          Archived on {formatDate(klass.archivedAt, user.timeZone)}: students see their results, but no new
          attempts or joins. Restore it in Class settings.
        </p>
      )}
      <JoiningPanel klass={klass} joinLink={joinLink} />
      <ClassSettings klass={klass} />
      <section aria-labelledby="assignments-title" className="space-y-3">
        <h2 id="assignments-title" className="text-lg font-semibold">
          Assignments
        </h2>
        <AssignmentSummary classId={klass.id} progress={progress} timeZone={klass.timeZone} />
        <AssignQuizForm classId={klass.id} quizzes={quizzes} timeZone={klass.timeZone} />
      </section>
      <StudentProgress classId={klass.id} className={klass.name} progress={progress} />
      <InvitationsPanel
        classId={klass.id}
        invitations={invitations}
        timeZone={klass.timeZone}
        now={new Date()}
      />
      <InstructorsPanel classId={klass.id} instructors={instructors} />
    </div>
  );
}

/** The student a removal receipt names, if it is a genuine, recent removal from this class. */
async function removedStudent(receipt: string, classId: string) {
  const removal = await readRemovalReceipt(receipt.slice(0, 1000), classId);
  const user = removal ? await getUserById({ id: removal.userId }) : null;
  return user ? { user, receipt } : null;
}
