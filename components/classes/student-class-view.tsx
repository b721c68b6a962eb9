import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClasses } from '@/components/ui/button';
import { listStudentAssignments } from '@/db/queries/assignments';
import { attemptRules, startAvailability } from '@/lib/quiz/rules';
import { startAttemptAction } from '@/lib/server/actions/quizzes';
import { formatDateTime, formatDue } from '@/lib/time';
import { plural } from '@/lib/words';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** What a student of the class sees: its assignments, their status, and any accommodation. */
export async function StudentClassView({
  classId,
  className,
  userId,
  timeZone,
  archived = false,
}: {
  classId: string;
  className: string;
  userId: string;
  /** The student's own: due dates in their time. */
  timeZone: string;
  /** The course is over: results stay, nothing new starts. */
  archived?: boolean;
}) {
  const mine = (await listStudentAssignments({ userId })).filter((a) => a.assignment.classId === classId);
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">{className}</h1>
      <section aria-labelledby="my-assignments" className="space-y-3">
        <h2 id="my-assignments" className="text-lg font-semibold">
          Your assignments
        </h2>
        {mine.length === 0 && <p className="text-slate-600 dark:text-slate-400">Nothing assigned yet.</p>}
        <ul className="space-y-3">
          {mine.map(({ assignment, readingTitle, quizSettings, accommodation, attempts }) => {
            const submitted = attempts.filter((a) => a.status === 'submitted');
            const inProgress = attempts.some((a) => a.status === 'in-progress');
            const rules = attemptRules({ settings: quizSettings }, assignment, accommodation);
            const availability = startAvailability(rules, attempts.length, now);
            const dueAt = rules.dueAt;
            return (
              <li key={assignment.id} className={card} data-assignment={assignment.id}>
                <p className="font-semibold">{assignment.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {readingTitle} · due {formatDue(dueAt, timeZone)}
                </p>
                {accommodation &&
                (accommodation.extraMinutes || accommodation.extraAttempts || accommodation.dueAt) ? (
                  <p className="text-sm text-indigo-900 dark:text-indigo-200">
                    Your accommodation:{' '}
                    {[
                      accommodation.extraMinutes ? plural(accommodation.extraMinutes, 'extra minute') : null,
                      accommodation.extraAttempts
                        ? plural(accommodation.extraAttempts, 'extra attempt')
                        : null,
                      accommodation.dueAt ? `due ${formatDue(accommodation.dueAt, timeZone)}` : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </p>
                ) : null}
                <p className="text-sm text-slate-600 dark:text-slate-400" data-card-rules>
                  {rules.timeLimitMinutes ? `Time limit: ${rules.timeLimitMinutes} minutes` : 'No time limit'}
                  {' · '}
                  {rules.attemptsAllowed === null
                    ? 'unlimited attempts'
                    : `${Math.max(0, rules.attemptsAllowed - attempts.length)} of ${rules.attemptsAllowed} attempt${rules.attemptsAllowed === 1 ? '' : 's'} left`}
                </p>
                {archived && !inProgress ? (
                  <p className="text-sm font-medium text-slate-700 dark:text-slate-300" data-card-status>
                    Closed: this class is archived.
                  </p>
                ) : inProgress || availability.kind === 'open' ? (
                  rules.timeLimitMinutes && !inProgress ? (
                    // A timed quiz opens on its intro page: the clock starts there, on Start.
                    <Link
                      href={`/quizzes/${assignment.quizId}?assignment=${assignment.id}`}
                      className={buttonClasses('primary')}
                    >
                      {submitted.length ? 'Try again' : 'Start'}
                    </Link>
                  ) : (
                    <ActionForm
                      action={startAttemptAction}
                      submitLabel={inProgress ? 'Resume' : submitted.length ? 'Try again' : 'Start'}
                      pendingLabel="Opening…"
                    >
                      <input type="hidden" name="quizId" value={assignment.quizId} />
                      <input type="hidden" name="assignmentId" value={assignment.id} />
                    </ActionForm>
                  )
                ) : (
                  <p className="text-sm font-medium text-slate-700 dark:text-slate-300" data-card-status>
                    {availability.kind === 'no-attempts-left'
                      ? 'No attempts left.'
                      : availability.kind === 'closed'
                        ? 'Closed: this assignment no longer accepts attempts.'
                        : `Opens ${formatDateTime(availability.opensAt, timeZone)}.`}
                  </p>
                )}
                {submitted.length > 0 && (
                  <ul className="text-sm">
                    {submitted.map((a) => (
                      <li key={a.id}>
                        <Link
                          href={`/quizzes/${assignment.quizId}/attempts/${a.id}/results`}
                          className="underline"
                        >
                          Attempt {a.number}
                        </Link>
                        {a.late ? ' (late)' : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
