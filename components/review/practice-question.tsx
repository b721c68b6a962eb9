'use client';

import { useState, useTransition } from 'react';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { QuestionInput } from '@/components/questions/question-input';
import { Button } from '@/components/ui/button';
import type { FeedbackView } from '@/lib/quiz/feedback';
import { emptyResponse, isAnswered, type StudentQuestion } from '@/lib/quiz/question-view';
import { practiceAnswerAction } from '@/lib/server/actions/study';
import type { Response } from '@/questions/schema';

/** One practice question with immediate feedback; "Next question" loads another. */
export function PracticeQuestion({
  question,
  readingSlug,
  nextHref,
}: {
  question: StudentQuestion;
  readingSlug: string;
  nextHref: string;
}) {
  const [response, setResponse] = useState<Response | null>(emptyResponse(question));
  const [feedback, setFeedback] = useState<FeedbackView | null>(null);
  const [error, setError] = useState('');
  const [pending, start] = useTransition();
  return (
    <section
      aria-label="Practice question"
      data-practice-question={question.id}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <QuestionInput
        question={question}
        response={response}
        onChange={(r) => {
          setResponse(r);
          setFeedback(null);
        }}
        disabled={pending}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          disabled={pending || !isAnswered(response)}
          onClick={() =>
            start(async () => {
              setError('');
              const result = await practiceAnswerAction({ questionId: question.id, response });
              if (result.status !== 'ok') return setError(result.message);
              setFeedback(result.data.feedback);
            })
          }
        >
          {pending ? 'Checking…' : 'Check answer'}
        </Button>
        <a href={nextHref} className="text-sm font-semibold text-indigo-800 underline dark:text-indigo-200">
          {feedback ? 'Next question' : 'Skip'}
        </a>
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </span>
      </div>
      {feedback && <GradeFeedback result={feedback} readingSlug={readingSlug} />}
    </section>
  );
}
