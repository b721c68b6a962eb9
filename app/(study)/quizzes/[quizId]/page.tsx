import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { listAttemptsForUser } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { startAttemptAction } from '@/lib/server/actions/quizzes';
import { quizToTake } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Quiz' };

const FEEDBACK = {
  'each-question': 'You can check each answer as you go.',
  'after-submit': 'You see what you got right, with explanations, when you submit.',
  'after-due': 'Answers and explanations are shown after the due date.',
} as const;

export default async function QuizPage({ params }: PageProps<'/quizzes/[quizId]'>) {
  const { quizId } = await params;
  const user = await requireUser(`/quizzes/${quizId}`);
  const { quiz } = await grantedOrNotFound(quizToTake(user, { quizId, assignmentId: null }));
  const [reading, attempts] = await Promise.all([
    getReadingById({ id: quiz.readingId }),
    listAttemptsForUser({ quizId, userId: user.id }),
  ]);
  const inProgress = attempts.find((a) => a.status === 'in-progress');
  const { settings } = quiz;
  const left = settings.attemptsAllowed === null ? null : settings.attemptsAllowed - attempts.length;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Quiz on{' '}
          <Link href={`/readings/${reading?.slug}`} className="underline">
            {reading?.title}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">{quiz.title}</h1>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
        <li>
          {quiz.questionIds.length} questions of several kinds, some asking you to explain in your own words.
        </li>
        <li>
          {settings.timeLimitMinutes
            ? `Time limit: ${settings.timeLimitMinutes} minutes from when you start.`
            : 'No time limit: take the time you need.'}
        </li>
        <li>
          {settings.attemptsAllowed === null
            ? 'As many attempts as you like.'
            : `${settings.attemptsAllowed} attempt${settings.attemptsAllowed === 1 ? '' : 's'} allowed; ${Math.max(0, left ?? 0)} left.`}
        </li>
        <li>Every answer is saved as you give it: you can close the tab and come back.</li>
        <li>{FEEDBACK[settings.feedback as keyof typeof FEEDBACK]}</li>
        {settings.confidence && (
          <li>With each answer you can say how sure you are; your results show how well that matched.</li>
        )}
        <li>Pass mark: {settings.passMark}%.</li>
      </ul>
      {(inProgress || left === null || left > 0) && (
        <ActionForm
          action={startAttemptAction}
          submitLabel={
            inProgress ? 'Resume your attempt' : attempts.length ? 'Start a new attempt' : 'Start the quiz'
          }
          pendingLabel="Opening…"
        >
          <input type="hidden" name="quizId" value={quiz.id} />
        </ActionForm>
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
                    Attempt {a.number}: {Math.round((a.score ?? 0) * 100)}%
                  </Link>{' '}
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {a.submittedAt?.toISOString().slice(0, 16).replace('T', ' ')} UTC
                  </span>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}
