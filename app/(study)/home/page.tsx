import type { Metadata } from 'next';
import Link from 'next/link';
import { ScoreCell } from '@/components/classes/score-cell';
import { buttonClasses } from '@/components/ui/button';
import { listStudentAssignments } from '@/db/queries/assignments';
import { listAnswersAwaitingInstructor } from '@/db/queries/class-progress';
import { listClassesForUser } from '@/db/queries/classes';
import { listSelfStudyAttemptsInProgress } from '@/db/queries/quizzes';
import { listReadingsInProgress } from '@/db/queries/readings';
import { countDue } from '@/db/queries/review';
import { greetingName } from '@/lib/auth/names';
import { assignmentsDueSoon } from '@/lib/classes/due-soon';
import { gradebookCell, overdueButAccepted, studentCell, workToDo } from '@/lib/classes/gradebook';
import { cardReleasedFlags } from '@/lib/quiz/attempts';
import { requireUser } from '@/lib/server/session';
import { reviewDay } from '@/lib/srs/daily-limit';
import { formatDateTime } from '@/lib/time';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  const now = new Date();
  await cardReleasedFlags({ userId: user.id, now });
  const [classes, inProgress, due, assigned, toGrade, dueSoon, quizzesStarted] = await Promise.all([
    listClassesForUser({ userId: user.id }),
    listReadingsInProgress({ userId: user.id }),
    countDue({ userId: user.id, window: reviewDay(now, user.timeZone) }),
    listStudentAssignments({ userId: user.id }),
    listAnswersAwaitingInstructor({ instructorId: user.id }),
    assignmentsDueSoon({ instructorId: user.id, now }),
    listSelfStudyAttemptsInProgress({ userId: user.id }),
  ]);
  const teaching = classes.filter((c) => c.role === 'instructor');
  const assignments = assigned.map((a) => ({
    ...a,
    // The student's own view: no score before the assignment releases it.
    cell: studentCell(
      gradebookCell(a.assignment, { settings: a.quizSettings }, a.standing, a.accommodation, now),
    ),
  }));
  // Work still to do: overdue work that is still accepted first, then what is under way, then the rest.
  const open = workToDo(assignments);
  // One clear next step: the student's own assigned work, then the instructor's (answers to grade,
  // then an assignment due this week), then reviews due, then the reading in progress, then a new one.
  const next = open[0]
    ? {
        href: `/classes/${open[0].assignment.classId}`,
        label: `${open[0].cell.status === 'in progress' ? 'Finish' : 'Start'} “${open[0].assignment.title}”`,
        why: overdueButAccepted(open[0])
          ? 'Past its due date, but your instructor still accepts it.'
          : open[0].cell.dueAt
            ? `Due ${formatDateTime(open[0].cell.dueAt, user.timeZone)}.`
            : 'Assigned by your instructor.',
      }
    : toGrade[0]
      ? {
          href: `/classes/${toGrade[0].classId}/assignments/${toGrade[0].assignmentId}`,
          label: `Grade ${toGrade[0].answers} answer${toGrade[0].answers === 1 ? '' : 's'} in “${toGrade[0].title}”`,
          why: 'The grader was unsure of these; until you grade them, your students see a provisional grade.',
        }
      : dueSoon[0]
        ? {
            href: `/classes/${dueSoon[0].classId}/assignments/${dueSoon[0].assignmentId}`,
            label: `Check on “${dueSoon[0].title}”`,
            why: `Due ${formatDateTime(dueSoon[0].dueAt, user.timeZone)} in ${dueSoon[0].className}${
              dueSoon.length > 1 ? ` (${dueSoon.length - 1} more due in the next 7 days)` : ''
            }: see who has not started it.`,
          }
        : due
          ? {
              href: '/review',
              label: `Review ${due} card${due === 1 ? '' : 's'} due today`,
              why: 'A few minutes now keeps what you learned.',
            }
          : inProgress[0]
            ? {
                href: `/readings/${inProgress[0].slug}`,
                label: `Continue “${inProgress[0].title}”`,
                why: 'Pick up where you left off.',
              }
            : teaching[0]
              ? {
                  href: `/classes/${teaching[0].id}`,
                  label: `Open “${teaching[0].name}”`,
                  why: 'See who has submitted, who needs attention and how the class reads.',
                }
              : {
                  href: '/readings',
                  label: 'Choose a reading',
                  why: 'Start with an essay, then take its quiz.',
                };
  const firstName = greetingName(user.name) ?? 'there';
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Welcome, {firstName}</h1>
      <section
        aria-labelledby="next-heading"
        className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-800 dark:bg-indigo-950"
      >
        <div>
          <h2
            id="next-heading"
            className="text-sm font-semibold uppercase tracking-wide text-indigo-900 dark:text-indigo-200"
          >
            Next step
          </h2>
          <p className="text-slate-700 dark:text-slate-300">{next.why}</p>
        </div>
        <Link href={next.href} className={buttonClasses('primary')}>
          {next.label}
        </Link>
      </section>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Reviews due: <span data-testid="due-count">{due}</span> ·{' '}
        <Link href="/progress" className="underline">
          Your progress
        </Link>
      </p>
      {assignments.length > 0 && (
        <section aria-labelledby="assignments-heading" className="space-y-3">
          <h2 id="assignments-heading" className="text-lg font-semibold">
            Assignments
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {assignments.map((a) => (
              <li
                key={a.assignment.id}
                data-home-assignment={a.assignment.id}
                className="flex items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <div>
                  <Link
                    href={`/classes/${a.assignment.classId}`}
                    className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                  >
                    {a.assignment.title}
                  </Link>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {a.className} ·{' '}
                    {a.cell.dueAt ? `due ${formatDateTime(a.cell.dueAt, user.timeZone)}` : 'no due date'}
                  </p>
                </div>
                <ScoreCell cell={a.cell} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="reading-heading" className="space-y-3">
        <h2 id="reading-heading" className="text-lg font-semibold">
          Keep reading
        </h2>
        {inProgress.length === 0 && quizzesStarted.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">Nothing in progress yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {quizzesStarted.map((q) => (
              <li
                key={q.attemptId}
                data-self-study-attempt={q.attemptId}
                className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <Link
                  href={`/quizzes/${q.quizId}/attempts/${q.attemptId}`}
                  className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                >
                  {q.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  Quiz started {formatDateTime(q.startedAt, user.timeZone)} · your answers are saved
                </p>
              </li>
            ))}
            {inProgress.map((r) => (
              <li
                key={r.slug}
                className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <Link
                  href={`/readings/${r.slug}`}
                  className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                >
                  {r.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {Math.round((r.furthestParagraph / Math.max(1, r.paragraphCount)) * 100)}% read · continue
                  where you left off
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-lg font-semibold">
          Your classes
        </h2>
        {classes.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            You are not in any class yet. When your instructor gives you a join code, you will be able to join
            their class here; readings and quizzes you start on your own will also show up on this page.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <p className="font-semibold">{c.name}</p>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {c.role === 'instructor' ? 'You teach this class' : 'You are a student'} · {c.students}{' '}
                  {c.students === 1 ? 'student' : 'students'}
                  {c.joinCode ? ` · join code ${c.joinCode}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
