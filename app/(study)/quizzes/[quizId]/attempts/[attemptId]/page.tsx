import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { QuizRunner } from '@/components/quiz/quiz-runner';
import { getQuestionsByIds, getQuiz, listResponses } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { attemptForUser } from '@/lib/quiz/attempts';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Quiz attempt' };

export default async function AttemptPage({ params }: PageProps<'/quizzes/[quizId]/attempts/[attemptId]'>) {
  const { quizId, attemptId } = await params;
  const user = await requireUser(`/quizzes/${quizId}/attempts/${attemptId}`);
  const attempt = /^[0-9a-f-]{36}$/.test(attemptId) ? await attemptForUser(attemptId, user.id) : null;
  if (!attempt || attempt.quizId !== quizId) notFound();
  if (attempt.status === 'submitted') redirect(`/quizzes/${quizId}/attempts/${attemptId}/results`);
  const quiz = (await getQuiz({ quizId }))!;
  const [reading, rows, responses] = await Promise.all([
    getReadingById({ id: quiz.readingId }),
    getQuestionsByIds({ ids: attempt.questionIds }),
    listResponses({ attemptId }),
  ]);
  const questions = attempt.questionIds.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toStudentQuestion(row.data, attempt.id, quiz.settings.shuffleOptions)] : [];
  });
  return (
    <QuizRunner
      attempt={{
        id: attempt.id,
        quizId,
        number: attempt.number,
        deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
      }}
      title={quiz.title}
      readingSlug={reading?.slug ?? ''}
      settings={{
        confidence: quiz.settings.confidence,
        checkEach: quiz.settings.feedback === 'each-question',
      }}
      questions={questions}
      saved={responses.map((r) => {
        const row = rows.get(r.questionId);
        return {
          questionId: r.questionId,
          response: r.response,
          flagged: r.flagged,
          confidence: r.confidence,
          clientSeq: r.clientSeq,
          feedback:
            r.locked && r.grade && row
              ? toFeedbackView(row.data, r.grade, { instructorReviews: Boolean(attempt.assignmentId) })
              : null,
        };
      })}
    />
  );
}
