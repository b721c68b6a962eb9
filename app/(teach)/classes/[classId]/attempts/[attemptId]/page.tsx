import type { Metadata } from 'next';
import Link from 'next/link';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { getQuestionsByIds, getQuiz, listResponses } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { getUserById } from '@/db/queries/users';
import { effectiveScore } from '@/db/schema';
import { describeResponse } from '@/lib/quiz/describe';
import { storedFeedbackView } from '@/lib/quiz/feedback';
import { attemptGrade } from '@/lib/quiz/rules';
import { regradeAction } from '@/lib/server/actions/classes';
import { attemptToReview } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Student attempt' };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** An instructor's view of one student's attempt, with a regrade form for free-text answers. */
export default async function AttemptReviewPage({
  params,
}: PageProps<'/classes/[classId]/attempts/[attemptId]'>) {
  const { classId, attemptId } = await params;
  const user = await requireUser(`/classes/${classId}/attempts/${attemptId}`);
  const { attempt, assignment } = await grantedOrNotFound(attemptToReview(user, { classId, attemptId }));
  const [student, quiz, rows, responses] = await Promise.all([
    getUserById({ id: attempt.userId }),
    getQuiz({ quizId: attempt.quizId }),
    getQuestionsByIds({ ids: attempt.questionIds }),
    listResponses({ attemptId }),
  ]);
  const reading = quiz ? await getReadingById({ id: quiz.readingId }) : null;
  const byQuestion = new Map(responses.map((r) => [r.questionId, r]));
  const grade = attemptGrade(attempt, assignment);
  const hidden = (
    <>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="attemptId" value={attemptId} />
    </>
  );
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/classes/${classId}/assignments/${assignment.id}`} className="underline">
            {assignment.title}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">
          {student?.name ?? student?.email}: attempt {attempt.number}
        </h1>
        <p className="text-sm">
          {attempt.status === 'submitted'
            ? `Score ${pct(grade.counted)}${attempt.late ? ' · late' : ''}${grade.penaltyPercent === null ? '' : ` (${pct(grade.earned)} earned, less the ${grade.penaltyPercent}% late penalty)`}`
            : 'In progress'}
        </p>
      </div>
      <ol className="space-y-4">
        {attempt.questionIds.map((id, i) => {
          const row = rows.get(id);
          const response = byQuestion.get(id);
          if (!row) return null;
          const freeText = row.data.type === 'short-answer' || row.data.type === 'claim-evidence-reasoning';
          return (
            <li
              key={id}
              data-review-question={id}
              className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
            >
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Question {i + 1} · {row.data.type} · {pct(effectiveScore(response))}
                {response?.gradedBy === 'instructor' && ' · regraded by an instructor'}
              </p>
              <p className="font-semibold">{row.data.prompt}</p>
              <p className="text-sm">
                <span className="font-medium">Answer: </span>
                {describeResponse(row.data, response?.response ?? null)}
              </p>
              {response?.grade && (
                <GradeFeedback
                  result={storedFeedbackView(row.data, response, { instructorReviews: true })!}
                  readingSlug={reading?.slug ?? ''}
                />
              )}
              {response?.overrideComment && (
                <p className="text-sm">Your comment: “{response.overrideComment}”</p>
              )}
              {freeText && attempt.status === 'submitted' && (
                <details>
                  <summary className="cursor-pointer text-sm font-semibold text-indigo-800 dark:text-indigo-200">
                    Regrade
                  </summary>
                  <ActionForm action={regradeAction} submitLabel="Save grade" className="mt-2">
                    {hidden}
                    <input type="hidden" name="questionId" value={id} />
                    <Field
                      label="Score (0–100)"
                      name="score"
                      id={`score-${id}`}
                      inputMode="numeric"
                      defaultValue={String(Math.round(effectiveScore(response) * 100))}
                    />
                    <div className="space-y-1">
                      <label htmlFor={`comment-${id}`} className="block text-sm font-medium">
                        Comment for the student
                      </label>
                      <textarea
                        id={`comment-${id}`}
                        name="comment"
                        rows={2}
                        maxLength={2000}
                        defaultValue={response?.overrideComment ?? ''}
                        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
                      />
                    </div>
                  </ActionForm>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
