import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { getAccommodation } from '@/db/queries/assignments';
import { listAttemptsForUser } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import type { LatePolicy } from '@/db/schema';
import { attemptRules, type StartAvailability, startAvailability } from '@/lib/quiz/rules';
import { startAttemptAction } from '@/lib/server/actions/quizzes';
import { feedbackRelease, quizToTake } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { formatDateTime, formatDue } from '@/lib/time';

export const metadata: Metadata = { title: 'Quiz' };

const FEEDBACK = {
  'each-question': 'You can check each answer as you go.',
  'after-submit': 'You see what you got right, with explanations, when you submit.',
  'after-due': 'Answers and explanations are shown after the due date.',
} as const;

const LATE = {
  accept: 'Late work is accepted.',
  refuse: 'Late work is not accepted: an attempt in progress ends at the due date.',
} as const;

/**
 * The quiz's intro page: what the attempt will be like (questions, time limit, attempts left,
 * due date, feedback) and the button that starts it. A timed quiz always opens here, so the clock
 * starts only when the student presses Start. `?assignment=` shows an assignment's own rules.
 */
export default async function QuizPage({ params, searchParams }: PageProps<'/quizzes/[quizId]'>) {
  const { quizId } = await params;
  const rawAssignment = (await searchParams).assignment;
  const assignmentParam = z
    .uuid()
    .nullable()
    .safeParse(typeof rawAssignment === 'string' ? rawAssignment : null);
  if (!assignmentParam.success) notFound();
  const assignmentId = assignmentParam.data;
  const user = await requireUser(`/quizzes/${quizId}${assignmentId ? `?assignment=${assignmentId}` : ''}`);
  const { quiz, assignment } = await grantedOrNotFound(quizToTake(user, { quizId, assignmentId }));
  const [reading, attempts, accommodation] = await Promise.all([
    getReadingById({ id: quiz.readingId }),
    listAttemptsForUser({ quizId, userId: user.id, assignmentId }),
    assignment ? getAccommodation({ assignmentId: assignment.id, userId: user.id }) : null,
  ]);
  const now = new Date();
  const rules = attemptRules(quiz, assignment, accommodation);
  const inProgress = attempts.find((a) => a.status === 'in-progress');
  const availability = startAvailability(rules, attempts.length, now);
  const { settings } = quiz;
  const release = feedbackRelease(rules, now);
  const feedback =
    rules.feedbackRelease === 'after-due'
      ? FEEDBACK['after-due']
      : FEEDBACK[settings.feedback as keyof typeof FEEDBACK];
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {assignment ? 'Assignment on ' : 'Quiz on '}
          <Link href={`/readings/${reading?.slug}`} className="underline">
            {reading?.title}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">{assignment?.title ?? quiz.title}</h1>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300" data-quiz-rules>
        <li>
          {quiz.questionIds.length} questions of several kinds, some asking you to explain in your own words.
        </li>
        <li data-rule="time-limit">
          {rules.timeLimitMinutes
            ? `Time limit: ${rules.timeLimitMinutes} minutes. The clock starts when you press Start and keeps running if you leave; when it runs out, what you have saved is submitted.`
            : 'No time limit: take the time you need.'}
        </li>
        <li data-rule="attempts">
          {rules.attemptsAllowed === null
            ? 'As many attempts as you like.'
            : `${rules.attemptsAllowed} attempt${rules.attemptsAllowed === 1 ? '' : 's'} allowed; ${Math.max(0, rules.attemptsAllowed - attempts.length)} left.`}
        </li>
        {assignment && (
          <li>
            Due {formatDue(rules.dueAt, user.timeZone)}.{rules.dueAt ? ` ${lateRule(rules.latePolicy)}` : ''}
          </li>
        )}
        <li>Every answer is saved as you give it: you can close the tab and come back.</li>
        <li>{feedback}</li>
        {settings.confidence && (
          <li>With each answer you can say how sure you are; your results show how well that matched.</li>
        )}
        <li>Pass mark: {settings.passMark}%.</li>
      </ul>
      {inProgress || availability.kind === 'open' ? (
        <ActionForm
          action={startAttemptAction}
          submitLabel={
            inProgress ? 'Resume your attempt' : attempts.length ? 'Start a new attempt' : 'Start the quiz'
          }
          pendingLabel="Opening…"
        >
          <input type="hidden" name="quizId" value={quiz.id} />
          {assignment && <input type="hidden" name="assignmentId" value={assignment.id} />}
        </ActionForm>
      ) : (
        <p
          className="rounded-md bg-slate-100 p-3 text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          role="status"
        >
          {unavailableReason(availability, user.timeZone)}
        </p>
      )}
      {attempts.some((a) => a.status === 'submitted') && (
        <section aria-labelledby="past-title" className="space-y-2">
          <h2 id="past-title" className="text-lg font-semibold">
            Your attempts
          </h2>
          <ul className="space-y-1">
            {attempts
              .filter((a) => a.status === 'submitted')
              .map((a) => (
                <li key={a.id}>
                  <Link
                    href={`/quizzes/${quiz.id}/attempts/${a.id}/results`}
                    className="text-indigo-800 underline dark:text-indigo-200"
                  >
                    Attempt {a.number}
                    {release.score ? `: ${Math.round((a.score ?? 0) * 100)}%` : ''}
                  </Link>{' '}
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    submitted {a.submittedAt ? formatDateTime(a.submittedAt, user.timeZone) : ''}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function lateRule(policy: LatePolicy): string {
  return policy.kind === 'penalty' ? `Late work loses ${policy.percent}% of its score.` : LATE[policy.kind];
}

function unavailableReason(
  availability: Exclude<StartAvailability, { kind: 'open' }>,
  timeZone: string,
): string {
  switch (availability.kind) {
    case 'not-open':
      return `This assignment opens ${formatDateTime(availability.opensAt, timeZone)}.`;
    case 'closed':
      return 'This assignment was due and no longer accepts attempts.';
    case 'no-attempts-left':
      return `You have used all ${availability.allowed} attempt${availability.allowed === 1 ? '' : 's'}.`;
  }
}
