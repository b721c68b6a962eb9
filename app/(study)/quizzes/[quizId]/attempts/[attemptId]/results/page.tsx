import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { SendToReview } from '@/components/quiz/send-to-review';
import { getQuestionsByIds, listResponses } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { listCardQuestionIds } from '@/db/queries/review';
import { effectiveScore } from '@/db/schema';
import { attemptForUser, rulesForAttempt } from '@/lib/quiz/attempts';
import { describeResponse } from '@/lib/quiz/describe';
import { storedFeedbackView } from '@/lib/quiz/feedback';
import { type Breakdown, summariseAttempt } from '@/lib/quiz/results';
import { attemptGrade } from '@/lib/quiz/rules';
import { feedbackRelease } from '@/lib/server/policy';
import { requireUser } from '@/lib/server/session';
import { formatDue } from '@/lib/time';
import { type Question, skillName } from '@/questions/schema';

export const metadata: Metadata = { title: 'Quiz results' };

const CONFIDENCE_NAMES = ['', 'Guessing', 'Fairly sure', 'Sure'];
const pct = (x: number) => `${Math.round(x * 100)}%`;

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

/** Scores grouped by skill or by concept. */
function BreakdownTable({
  id,
  title,
  column,
  rows,
}: {
  id: string;
  title: string;
  column: string;
  rows: Breakdown;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600 dark:text-slate-400">
          <tr>
            <th className="py-1 font-medium">{column}</th>
            <th className="py-1 font-medium">Questions</th>
            <th className="py-1 font-medium">Score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{r.label}</td>
              <td className="py-1 tabular-nums">{r.questions}</td>
              <td className="py-1 tabular-nums">{pct(r.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default async function ResultsPage({
  params,
}: PageProps<'/quizzes/[quizId]/attempts/[attemptId]/results'>) {
  const { quizId, attemptId } = await params;
  const user = await requireUser(`/quizzes/${quizId}/attempts/${attemptId}/results`);
  const attempt = /^[0-9a-f-]{36}$/.test(attemptId) ? await attemptForUser(attemptId, user.id) : null;
  if (!attempt || attempt.quizId !== quizId) notFound();
  if (attempt.status !== 'submitted') redirect(`/quizzes/${quizId}/attempts/${attemptId}`);
  // The same release rule as every other path; it holds whether or not the student is still in the class.
  const { quiz, assignment, rules } = await rulesForAttempt(attempt);
  if (!feedbackRelease(rules, new Date()).score) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="font-serif text-3xl font-bold">Submitted</h1>
        <p role="status">
          Your answers for “{assignment?.title ?? quiz.title}” are in{attempt.late ? ' (late)' : ''}. Your
          score and feedback are released after the due date, {formatDue(rules.dueAt, user.timeZone)}.
        </p>
      </div>
    );
  }
  const [reading, rows, responses] = await Promise.all([
    getReadingById({ id: quiz.readingId }),
    getQuestionsByIds({ ids: attempt.questionIds }),
    listResponses({ attemptId }),
  ]);
  const summary = summariseAttempt(rows, attempt.questionIds, responses);
  const queued = await listCardQuestionIds({
    userId: user.id,
    questionIds: summary.missed.map((m) => m.question.id),
  });
  const grade = attemptGrade(attempt, assignment);
  const score = grade.counted;
  const passed = score * 100 >= quiz.settings.passMark;
  const slug = reading?.slug ?? '';

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/quizzes/${quizId}`} className="underline">
            {quiz.title}
          </Link>{' '}
          · attempt {attempt.number}
        </p>
        <h1 className="font-serif text-3xl font-bold">Your results</h1>
      </div>

      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Score</dt>
          <dd className="text-3xl font-bold" data-testid="score">
            {pct(score)}
          </dd>
          {grade.penaltyPercent !== null && (
            <dd className="text-sm" data-testid="late-penalty">
              {pct(grade.earned)} earned, less the {grade.penaltyPercent}% late penalty
            </dd>
          )}
          <dd className="text-sm">
            {passed
              ? `Passed (pass mark ${quiz.settings.passMark}%)`
              : `Below the pass mark of ${quiz.settings.passMark}%`}
          </dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Time taken</dt>
          <dd className="text-3xl font-bold">
            {duration((attempt.submittedAt?.getTime() ?? 0) - attempt.startedAt.getTime())}
          </dd>
          {attempt.autoSubmitted && <dd className="text-sm">Submitted automatically when time ran out.</dd>}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Questions right</dt>
          <dd className="text-3xl font-bold">
            {summary.lines.length - summary.missed.length} / {summary.lines.length}
          </dd>
        </div>
      </dl>

      <div className="grid gap-6 md:grid-cols-2">
        <BreakdownTable
          id="skills"
          title="By skill"
          column="Skill"
          rows={summary.bySkill.map((s) => ({ ...s, label: skillName(s.label) }))}
        />
        <BreakdownTable id="concepts" title="By concept" column="Concept" rows={summary.byConcept} />
      </div>

      {summary.confidence.some((c) => c.answers > 0) && (
        <section aria-labelledby="confidence-title">
          <h2 id="confidence-title" className="mb-2 text-lg font-semibold">
            How sure you were
          </h2>
          <ul className="space-y-1 text-sm">
            {summary.confidence
              .filter((c) => c.answers > 0)
              .map((c) => (
                <li key={c.level}>
                  {CONFIDENCE_NAMES[c.level]}: {c.answers} answer{c.answers === 1 ? '' : 's'},{' '}
                  {pct(c.correct ?? 0)} fully right
                </li>
              ))}
          </ul>
        </section>
      )}

      <SendToReview
        attemptId={attempt.id}
        missed={summary.missed.map((m) => ({ id: m.question.id, prompt: m.question.prompt }))}
        alreadyQueued={[...queued]}
      />

      <section aria-labelledby="answers-title" className="space-y-4">
        <h2 id="answers-title" className="text-lg font-semibold">
          Question by question
        </h2>
        <ol className="space-y-4">
          {summary.lines.map(({ question, response }, i) => (
            <li
              key={question.id}
              id={`q-${question.id}`}
              data-result-question={question.id}
              className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
            >
              <p className="text-sm text-slate-500 dark:text-slate-400">
                Question {i + 1} · {pct(effectiveScore(response))}
              </p>
              <p className="font-semibold">{question.prompt}</p>
              <p className="mt-2 text-sm">
                <span className="font-medium">Your answer: </span>
                {describeResponse(question, response?.response ?? null)}
              </p>
              {response && (
                <AnswerFeedback
                  question={question}
                  answer={response}
                  readingSlug={slug}
                  returnTo={`/quizzes/${quizId}/attempts/${attemptId}/results#q-${question.id}`}
                  instructorReviews={Boolean(attempt.assignmentId)}
                />
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** An answer's grade as the student sees it, the instructor's winning over the grader's. */
function AnswerFeedback({
  question,
  answer,
  readingSlug,
  returnTo,
  instructorReviews,
}: {
  question: Question;
  answer: Parameters<typeof storedFeedbackView>[1];
  readingSlug: string;
  returnTo: string;
  /** An assigned quiz: the instructor's queue holds the answers the grader was unsure of. */
  instructorReviews: boolean;
}) {
  const view = storedFeedbackView(question, answer, { instructorReviews });
  return view ? <GradeFeedback result={view} readingSlug={readingSlug} returnTo={returnTo} /> : null;
}
