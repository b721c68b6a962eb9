import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { startAttemptAction } from '@/app/(study)/quizzes/actions';
import {
  addCoInstructorAction,
  changeJoinCodeAction,
  createAssignmentAction,
  removeStudentFormAction,
} from '@/app/(teach)/classes/actions';
import { HeatCell, ScoreCell } from '@/components/classes/score-cell';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClasses } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { listAssignableQuizzes, listStudentAssignments } from '@/db/queries/assignments';
import { listMembers } from '@/db/queries/classes';
import { requireUser } from '@/lib/auth/session';
import { classAccess } from '@/lib/classes/access';
import { classProgress } from '@/lib/classes/dashboard';

export const metadata: Metadata = { title: 'Class' };

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';
const selectClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900';
const STUDENTS_PER_PAGE = 50;
const when = (d: Date | null) =>
  d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'no due date';

export default async function ClassPage({ params, searchParams }: PageProps<'/classes/[classId]'>) {
  const { classId } = await params;
  const user = await requireUser(`/classes/${classId}`);
  const access = await classAccess(classId, user.id);
  if (!access) notFound();
  if (access.role === 'student')
    return <StudentView classId={classId} className={access.class.name} userId={user.id} />;

  const { sort, page } = await searchParams;
  const klass = access.class;
  const [progress, members, quizzes, requestHeaders] = await Promise.all([
    classProgress(classId),
    listMembers({ classId }),
    listAssignableQuizzes({ userId: user.id }),
    headers(),
  ]);
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000';
  const proto = requestHeaders.get('x-forwarded-proto') ?? 'http';
  const joinLink = klass.joinCode ? `${proto}://${host}/classes/join?code=${klass.joinCode}` : null;
  const rows = [...progress.rows].sort((a, b) =>
    sort === 'average'
      ? (a.average ?? -1) - (b.average ?? -1)
      : sort === 'late'
        ? b.late + b.missing - (a.late + a.missing)
        : (a.student.name ?? a.student.email).localeCompare(b.student.name ?? b.student.email),
  );
  // A page of students at a time: a lecture class of a thousand would otherwise render every cell.
  const pageCount = Math.max(1, Math.ceil(rows.length / STUDENTS_PER_PAGE));
  const pageNumber = Math.min(
    pageCount,
    Math.max(1, Number.parseInt(typeof page === 'string' ? page : '1', 10) || 1),
  );
  const shown = rows.slice((pageNumber - 1) * STUDENTS_PER_PAGE, pageNumber * STUDENTS_PER_PAGE);
  const shownIds = new Set(shown.map((r) => r.student.userId));
  const sortKey = typeof sort === 'string' ? sort : 'name';
  const pageHref = (n: number) => `/classes/${classId}?sort=${sortKey}&page=${n}`;
  const hidden = <input type="hidden" name="classId" value={classId} />;
  const instructors = members.filter((m) => m.role === 'instructor');

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">{klass.name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {progress.book.students.length} students · taught by{' '}
            {instructors.map((i) => i.name ?? i.email).join(', ')}
          </p>
        </div>
        <div className="flex flex-wrap gap-3 text-sm">
          <a
            href={`/api/classes/${classId}/gradebook`}
            className="rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600"
          >
            Export gradebook (CSV)
          </a>
          <a
            href={`/api/classes/${classId}/responses`}
            className="rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600"
          >
            Export all responses (CSV)
          </a>
        </div>
      </div>

      <section aria-labelledby="join-title" className={card}>
        <h2 id="join-title" className="text-lg font-semibold">
          Joining
        </h2>
        {klass.joinCode ? (
          <p>
            Join code:{' '}
            <strong data-testid="join-code" className="font-mono text-lg">
              {klass.joinCode}
            </strong>
            <br />
            <span className="text-sm">
              Join link: <span className="font-mono">{joinLink}</span>
            </span>
          </p>
        ) : (
          <p>Joining by code is off.</p>
        )}
        <div className="flex flex-wrap gap-2">
          <ActionForm
            action={changeJoinCodeAction}
            submitLabel={klass.joinCode ? 'New code' : 'Turn joining on'}
            variant="secondary"
          >
            {hidden}
            <input type="hidden" name="mode" value="new" />
          </ActionForm>
          {klass.joinCode && (
            <ActionForm action={changeJoinCodeAction} submitLabel="Turn joining off" variant="secondary">
              {hidden}
              <input type="hidden" name="mode" value="off" />
            </ActionForm>
          )}
        </div>
      </section>

      <section aria-labelledby="assignments-title" className="space-y-3">
        <h2 id="assignments-title" className="text-lg font-semibold">
          Assignments
        </h2>
        {progress.perAssignment.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Nothing assigned yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-2 pr-4 font-medium">Assignment</th>
                  <th className="py-2 pr-4 font-medium">Due</th>
                  <th className="py-2 pr-4 font-medium">Submitted</th>
                  <th className="py-2 pr-4 font-medium">Average</th>
                  <th className="py-2 font-medium">Scores (0–20–40–60–80–100%)</th>
                </tr>
              </thead>
              <tbody>
                {progress.perAssignment.map((a) => (
                  <tr key={a.assignment.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2 pr-4">
                      <Link
                        href={`/classes/${classId}/assignments/${a.assignment.id}`}
                        className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                      >
                        {a.assignment.title}
                      </Link>
                      <span className="block text-xs text-slate-500">{a.readingTitle}</span>
                    </td>
                    <td className="py-2 pr-4">{when(a.assignment.dueAt)}</td>
                    <td className="py-2 pr-4 tabular-nums" data-testid={`completion-${a.assignment.id}`}>
                      {a.submitted} / {a.students}
                    </td>
                    <td className="py-2 pr-4 tabular-nums">
                      {a.average === null ? '—' : `${Math.round(a.average * 100)}%`}
                    </td>
                    <td className="py-2">
                      <span
                        className="flex h-8 items-end gap-0.5"
                        role="img"
                        aria-label={`Score distribution: ${a.distribution.join(', ')} students per fifth`}
                      >
                        {a.distribution.map((n, i) => (
                          <span
                            // biome-ignore lint/suspicious/noArrayIndexKey: the five buckets are fixed positions
                            key={i}
                            className="w-5 bg-indigo-500 dark:bg-indigo-400"
                            style={{ height: `${a.submitted ? Math.max(2, (n / a.submitted) * 32) : 2}px` }}
                          />
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className={card}>
          <summary className="cursor-pointer font-semibold">Assign a quiz</summary>
          <ActionForm action={createAssignmentAction} submitLabel="Assign">
            {hidden}
            <div className="space-y-1 text-sm">
              <label htmlFor="assign-quiz" className="block font-medium">
                Quiz
              </label>
              <select id="assign-quiz" name="quizId" className={selectClass}>
                {quizzes.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.readingTitle}: {q.title} ({q.questionCount} questions)
                  </option>
                ))}
              </select>
            </div>
            <Field label="Title shown to students (optional)" name="title" maxLength={200} />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Opens (UTC, optional)" name="opensAt" type="datetime-local" />
              <Field label="Due (UTC, optional)" name="dueAt" type="datetime-local" />
              <Field
                label="Attempts allowed (empty: the quiz's own)"
                name="attemptsAllowed"
                inputMode="numeric"
              />
              <Field
                label="Time limit in minutes (empty: the quiz's own)"
                name="timeLimitMinutes"
                inputMode="numeric"
              />
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <div className="space-y-1 text-sm">
                <label htmlFor="assign-late" className="block font-medium">
                  Late work
                </label>
                <select id="assign-late" name="latePolicy" className={selectClass} defaultValue="accept">
                  <option value="accept">Accept, marked late</option>
                  <option value="penalty">Accept with a penalty</option>
                  <option value="refuse">Refuse after the due date</option>
                </select>
              </div>
              <Field label="Late penalty (%)" name="penaltyPercent" inputMode="numeric" defaultValue="10" />
              <div className="space-y-1 text-sm">
                <label htmlFor="assign-feedback" className="block font-medium">
                  Feedback and answers
                </label>
                <select
                  id="assign-feedback"
                  name="feedbackRelease"
                  className={selectClass}
                  defaultValue="after-submit"
                >
                  <option value="after-submit">Right after submitting</option>
                  <option value="after-due">After the due date</option>
                </select>
              </div>
            </div>
          </ActionForm>
        </details>
      </section>

      {progress.attention.length > 0 && (
        <section aria-labelledby="attention-title" className={card}>
          <h2 id="attention-title" className="text-lg font-semibold">
            Students who need attention
          </h2>
          <ul className="space-y-1 text-sm">
            {progress.attention.map((a) => (
              <li key={a.student.userId}>
                <strong>{a.student.name ?? a.student.email}</strong>: {a.reasons.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="students-title" className="space-y-3">
        <h2 id="students-title" className="text-lg font-semibold">
          Students
        </h2>
        <p className="text-sm">
          Sort by:{' '}
          {[
            ['name', 'name'],
            ['average', 'average (lowest first)'],
            ['late', 'late and missing'],
          ].map(([key, label], i) => (
            <span key={key}>
              {i > 0 && ' · '}
              <Link
                href={`/classes/${classId}?sort=${key}`}
                aria-current={(sort ?? 'name') === key ? 'true' : undefined}
                className="underline"
              >
                {label}
              </Link>
            </span>
          ))}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="student-table">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-medium">Student</th>
                <th className="py-2 pr-4 font-medium">Average</th>
                {progress.book.assigned.map(({ assignment }) => (
                  <th key={assignment.id} className="py-2 pr-4 font-medium">
                    {assignment.title}
                  </th>
                ))}
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr
                  key={r.student.userId}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-student={r.student.email}
                >
                  <td className="py-2 pr-4">
                    {r.student.name}
                    <span className="block text-xs text-slate-500">{r.student.email}</span>
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {r.average === null ? '—' : `${Math.round(r.average * 100)}%`}
                  </td>
                  {r.cells.map((c, i) => (
                    <td key={progress.book.assigned[i]!.assignment.id} className="py-2 pr-4">
                      {/* Plain links: a large class has tens of thousands of cells, too many to prefetch. */}
                      {c.attemptId ? (
                        <a href={`/classes/${classId}/attempts/${c.attemptId}`} className="underline">
                          <ScoreCell cell={c} />
                        </a>
                      ) : (
                        <ScoreCell cell={c} />
                      )}
                    </td>
                  ))}
                  <td className="py-2">
                    {/* A plain server form per row (no client state): the row disappearing is the feedback. */}
                    <form action={removeStudentFormAction}>
                      {hidden}
                      <input type="hidden" name="userId" value={r.student.userId} />
                      <button type="submit" className={buttonClasses('secondary')}>
                        Remove<span className="sr-only"> {r.student.name ?? r.student.email}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pageCount > 1 && (
          <nav aria-label="Student pages" className="flex flex-wrap items-center gap-3 text-sm">
            <span>{`Students ${(pageNumber - 1) * STUDENTS_PER_PAGE + 1}–${Math.min(rows.length, pageNumber * STUDENTS_PER_PAGE)} of ${rows.length.toLocaleString('en')}`}</span>
            {pageNumber > 1 && (
              <Link href={pageHref(pageNumber - 1)} className="underline">
                Previous
              </Link>
            )}
            {pageNumber < pageCount && (
              <Link href={pageHref(pageNumber + 1)} className="underline">
                Next
              </Link>
            )}
          </nav>
        )}
      </section>

      {progress.skills.length > 0 && (
        <section aria-labelledby="heatmap-title" className="space-y-3">
          <h2 id="heatmap-title" className="text-lg font-semibold">
            Mastery by skill (percent)
          </h2>
          <div className="overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr>
                  <th className="py-1 pr-4 text-left font-medium">Student</th>
                  {progress.skills.map((s) => (
                    <th key={s} className="px-2 py-1 text-xs font-medium">
                      {s}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {progress.heatmap
                  .filter((h) => shownIds.has(h.student.userId))
                  .map((h) => (
                    <tr key={h.student.userId}>
                      <th scope="row" className="py-1 pr-4 text-left font-normal">
                        {h.student.name ?? h.student.email}
                      </th>
                      {h.bySkill.map((v, i) => (
                        <HeatCell key={progress.skills[i]} value={v} />
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {progress.concepts.length > 0 && (
            <p className="text-sm">
              Weakest concepts across the class:{' '}
              {progress.concepts
                .slice(0, 5)
                .map((c) => `${c.concept} (${Math.round(c.mastery * 100)}%)`)
                .join(', ')}
              .
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="roster-title" className={card}>
        <h2 id="roster-title" className="text-lg font-semibold">
          Instructors
        </h2>
        <ul className="text-sm">
          {instructors.map((m) => (
            <li key={m.userId}>
              {m.name} <span className="text-slate-500">{m.email}</span>
            </li>
          ))}
        </ul>
        <ActionForm action={addCoInstructorAction} submitLabel="Add co-instructor" variant="secondary">
          {hidden}
          <Field label="Email of a Statecraft account" name="email" type="email" maxLength={254} />
        </ActionForm>
      </section>
    </div>
  );
}

/** What a student of the class sees: its assignments, their status, and any accommodation. */
async function StudentView({
  classId,
  className,
  userId,
}: {
  classId: string;
  className: string;
  userId: string;
}) {
  const mine = (await listStudentAssignments({ userId })).filter((a) => a.assignment.classId === classId);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">{className}</h1>
      <section aria-labelledby="my-assignments" className="space-y-3">
        <h2 id="my-assignments" className="text-lg font-semibold">
          Your assignments
        </h2>
        {mine.length === 0 && <p className="text-slate-600 dark:text-slate-400">Nothing assigned yet.</p>}
        <ul className="space-y-3">
          {mine.map(({ assignment, readingTitle, accommodation, attempts }) => {
            const submitted = attempts.filter((a) => a.status === 'submitted');
            const dueAt = accommodation?.dueAt ?? assignment.dueAt;
            return (
              <li key={assignment.id} className={card} data-assignment={assignment.id}>
                <p className="font-semibold">{assignment.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {readingTitle} · due {when(dueAt)}
                </p>
                {accommodation &&
                (accommodation.extraMinutes || accommodation.extraAttempts || accommodation.dueAt) ? (
                  <p className="text-sm text-indigo-900 dark:text-indigo-200">
                    Your accommodation:{' '}
                    {[
                      accommodation.extraMinutes ? `${accommodation.extraMinutes} extra minutes` : null,
                      accommodation.extraAttempts ? `${accommodation.extraAttempts} extra attempt(s)` : null,
                      accommodation.dueAt ? `due ${when(accommodation.dueAt)}` : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </p>
                ) : null}
                <ActionForm
                  action={startAttemptAction}
                  submitLabel={
                    attempts.some((a) => a.status === 'in-progress')
                      ? 'Resume'
                      : submitted.length
                        ? 'Try again'
                        : 'Start'
                  }
                  pendingLabel="Opening…"
                >
                  <input type="hidden" name="quizId" value={assignment.quizId} />
                  <input type="hidden" name="assignmentId" value={assignment.id} />
                </ActionForm>
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
