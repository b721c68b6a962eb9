'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { QuestionInput } from '@/components/questions/question-input';
import { Button } from '@/components/ui/button';
import type { FeedbackView } from '@/lib/quiz/feedback';
import { emptyResponse, isAnswered, type StudentQuestion } from '@/lib/quiz/question-view';
import { answerGuidedQuestionAction } from '@/lib/server/actions/study';
import type { Response } from '@/questions/schema';

/** A question beside the text: answered in place, with feedback, and as many tries as the student wants. */
export function GuidedQuestion({
  readingSlug,
  question,
  previous,
  unlocksMore,
}: {
  readingSlug: string;
  question: StudentQuestion;
  previous: { response: Response; attempts: number; bestScore: number } | null;
  /** In guided mode, the first answer opens the next section: refresh the page's data after it. */
  unlocksMore: boolean;
}) {
  const router = useRouter();
  const [response, setResponse] = useState<Response | null>(previous?.response ?? emptyResponse(question));
  const [feedback, setFeedback] = useState<FeedbackView | null>(null);
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  const check = () =>
    startTransition(async () => {
      setError('');
      const result = await answerGuidedQuestionAction({
        slug: readingSlug,
        questionId: question.id,
        response,
      });
      if (result.status !== 'ok') return setError(result.message);
      setFeedback(result.data);
      if (unlocksMore) router.refresh();
    });

  return (
    <div
      className="rounded-lg border border-indigo-200 bg-white p-4 dark:border-indigo-900 dark:bg-slate-900"
      data-guided-question={question.id}
    >
      <QuestionInput
        question={question}
        response={response}
        onChange={(next) => {
          setResponse(next);
          setFeedback(null);
        }}
        disabled={pending}
      />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button onClick={check} disabled={pending || !isAnswered(response)}>
          {pending ? 'Checking…' : feedback ? 'Check again' : 'Check answer'}
        </Button>
        {previous && !feedback && (
          <span className="text-sm text-slate-600 dark:text-slate-400">
            You answered this before ({previous.attempts} {previous.attempts === 1 ? 'try' : 'tries'}, best{' '}
            {Math.round(previous.bestScore * 100)}%).
          </span>
        )}
        <span role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </span>
      </div>
      {feedback && <GradeFeedback result={feedback} readingSlug={readingSlug} />}
    </div>
  );
}
