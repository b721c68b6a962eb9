import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnswerQueue } from '@/components/classes/answer-queue';
import { getQuestionsByIds, getQuiz } from '@/db/queries/quizzes';
import { answerQueue, isFreeText } from '@/lib/classes/answer-queue';
import { classGradebook } from '@/lib/classes/dashboard';
import { assignmentToTeach } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Grade answers' };

/** Every student's answer to one free-text question of an assignment, grouped for grading. */
export default async function AnswerQueuePage({
  params,
}: PageProps<'/classes/[classId]/assignments/[assignmentId]/answers/[questionId]'>) {
  const { classId, assignmentId, questionId } = await params;
  const user = await requireUser(`/classes/${classId}/assignments/${assignmentId}/answers/${questionId}`);
  const { klass, assignment } = await grantedOrNotFound(assignmentToTeach(user, { classId, assignmentId }));
  const quiz = await getQuiz({ quizId: assignment.quizId });
  const rows = quiz?.questionIds.includes(questionId)
    ? await getQuestionsByIds({ ids: quiz.questionIds })
    : new Map<string, never>();
  const row = rows.get(questionId);
  if (!row || !isFreeText(row.data)) notFound();
  const question = row.data;
  const queue = await answerQueue({
    classId,
    assignmentId,
    question,
    quizQuestions: [...rows.values()].map((r) => r.data),
    book: await classGradebook(classId),
  });

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/classes/${classId}`} className="underline">
            {klass.name}
          </Link>{' '}
          ·{' '}
          <Link href={`/classes/${classId}/assignments/${assignmentId}`} className="underline">
            {assignment.title}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">Grade answers</h1>
        <p className="mt-1 font-semibold">{question.prompt}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {queue.answered} answered · {queue.graded} graded by an instructor · the grader learns from{' '}
          {queue.examples} of this class's graded answers
        </p>
      </div>
      <AnswerQueue
        classId={classId}
        assignmentId={assignmentId}
        questionId={questionId}
        points={question.rubric.keyPoints.map(({ id, text, weight }) => ({ id, text, weight }))}
        pointsForFullCredit={question.rubric.pointsForFullCredit ?? null}
        claimEvidence={question.type === 'claim-evidence-reasoning'}
        groups={queue.groups}
      />
    </div>
  );
}
