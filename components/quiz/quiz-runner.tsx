'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { QuestionInput } from '@/components/questions/question-input';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { FeedbackView } from '@/lib/quiz/feedback';
import { emptyResponse, isAnswered, type StudentQuestion } from '@/lib/quiz/question-view';
import { checkAnswerAction, submitAttemptAction } from '@/lib/server/actions/quizzes';
import type { Response } from '@/questions/schema';
import { type Draft, useAutosave } from './use-autosave';

type Saved = {
  questionId: string;
  response: Response | null;
  flagged: boolean;
  confidence: number | null;
  clientSeq: number;
  feedback: FeedbackView | null;
};

const CONFIDENCE = [
  { value: 1, label: 'Guessing' },
  { value: 2, label: 'Fairly sure' },
  { value: 3, label: 'Sure' },
];

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}

/** Takes a quiz: one question at a time, every answer saved as it is given, flags, a timer, and submit. */
export function QuizRunner({
  attempt,
  title,
  readingSlug,
  settings,
  questions,
  saved,
}: {
  attempt: { id: string; quizId: string; number: number; deadlineAt: string | null };
  title: string;
  readingSlug: string;
  settings: { confidence: boolean; checkEach: boolean };
  questions: StudentQuestion[];
  saved: Saved[];
}) {
  const router = useRouter();
  const resultsUrl = `/quizzes/${attempt.quizId}/attempts/${attempt.id}/results`;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      questions.map((q) => {
        const s = saved.find((x) => x.questionId === q.id);
        return [
          q.id,
          {
            response: s?.response ?? emptyResponse(q),
            flagged: s?.flagged ?? false,
            confidence: s?.confidence ?? null,
          },
        ];
      }),
    ),
  );
  const [feedback, setFeedback] = useState<Record<string, FeedbackView>>(() =>
    Object.fromEntries(saved.filter((s) => s.feedback).map((s) => [s.questionId, s.feedback!])),
  );
  const [index, setIndex] = useState(() => {
    const firstOpen = questions.findIndex((q) => !saved.some((s) => s.questionId === q.id && s.response));
    return firstOpen === -1 ? 0 : firstOpen;
  });
  const [reviewing, setReviewing] = useState(false);
  const [error, setError] = useState('');
  const [submitting, startSubmit] = useTransition();
  const [checking, startCheck] = useTransition();
  const autosave = useAutosave(attempt.id, (status) => {
    if (status === 'expired' || status === 'submitted') router.replace(resultsUrl);
  });

  const question = questions[index]!;
  const draft = drafts[question.id]!;
  // Ordering starts with every item placed: it counts as answered once the student moves one.
  const touched = useRef(new Set<string>());
  const answered = (id: string) => {
    const d = drafts[id];
    return Boolean(
      d &&
        isAnswered(d.response) &&
        (d.response?.type !== 'ordering' ||
          saved.some((s) => s.questionId === id) ||
          touched.current.has(id)),
    );
  };

  const update = (next: Partial<Draft>, delayMs = 0) => {
    touched.current.add(question.id);
    const merged = { ...draft, ...next };
    setDrafts((all) => ({ ...all, [question.id]: merged }));
    autosave.save(question.id, merged, delayMs);
  };

  const submit = () =>
    startSubmit(async () => {
      setError('');
      if (!(await autosave.flush())) {
        setError(
          'Some answers are not saved yet. Check your connection; they will be sent as soon as it is back.',
        );
        return;
      }
      const result = await submitAttemptAction({ attemptId: attempt.id });
      if (result.status !== 'ok') return setError(result.message);
      router.push(result.data.resultsUrl);
    });

  // The timer: the server enforces the limit; the page counts down and submits at zero.
  const [remaining, setRemaining] = useState<number | null>(() =>
    attempt.deadlineAt ? new Date(attempt.deadlineAt).getTime() - Date.now() : null,
  );
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    if (!attempt.deadlineAt) return;
    const deadline = new Date(attempt.deadlineAt).getTime();
    const timer = setInterval(() => {
      const left = deadline - Date.now();
      setRemaining(left);
      if (left <= 0) {
        clearInterval(timer);
        submitRef.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [attempt.deadlineAt]);

  const unanswered = questions.filter((q) => !answered(q.id));
  const flagged = questions.filter((q) => drafts[q.id]?.flagged);
  const locked = Boolean(feedback[question.id]);
  const statusText = {
    saved: 'All answers saved',
    saving: 'Saving…',
    retrying: 'Not saved, retrying…',
    refused: autosave.message,
  }[autosave.status];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4 dark:border-slate-700">
        <div>
          <h1 className="font-serif text-2xl font-bold">{title}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Attempt {attempt.number}</p>
        </div>
        <div className="flex items-center gap-4 text-sm">
          {remaining !== null && (
            <p
              // The server's clock and the browser's differ by the time the page took to arrive.
              suppressHydrationWarning
              data-timer
              className={cn(
                'font-semibold tabular-nums',
                remaining < 60_000 && 'text-red-700 dark:text-red-300',
              )}
            >
              <span className="sr-only">Time left: </span>
              <span aria-hidden="true">⏱ </span>
              {formatRemaining(remaining)}
            </p>
          )}
          <p
            role="status"
            data-save-status={autosave.status}
            className={cn(
              'rounded-full px-3 py-1',
              autosave.status === 'saved' &&
                'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
              autosave.status === 'saving' &&
                'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
              (autosave.status === 'retrying' || autosave.status === 'refused') &&
                'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200',
            )}
          >
            {statusText}
          </p>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
        <nav aria-label="Questions">
          <ol className="grid grid-cols-6 gap-2 lg:grid-cols-4">
            {questions.map((q, i) => (
              <li key={q.id}>
                <button
                  type="button"
                  onClick={() => {
                    setIndex(i);
                    setReviewing(false);
                  }}
                  aria-current={i === index && !reviewing ? 'step' : undefined}
                  aria-label={`Question ${i + 1}${answered(q.id) ? ', answered' : ', not answered'}${drafts[q.id]?.flagged ? ', flagged' : ''}`}
                  className={cn(
                    'relative h-10 w-10 rounded-md border text-sm font-semibold',
                    answered(q.id)
                      ? 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950'
                      : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900',
                    i === index && !reviewing && 'outline-2 outline-offset-2 outline-indigo-600',
                  )}
                >
                  {i + 1}
                  {drafts[q.id]?.flagged && (
                    <span aria-hidden="true" className="absolute -right-1 -top-2 text-xs">
                      🚩
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" className="mt-4 w-full" onClick={() => setReviewing(true)}>
            Review and submit
          </Button>
        </nav>

        {reviewing ? (
          <section
            aria-labelledby="review-title"
            className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2 id="review-title" className="text-xl font-semibold">
              Ready to submit?
            </h2>
            <p>
              You have answered {questions.length - unanswered.length} of {questions.length} questions.
              {unanswered.length > 0 &&
                ` Unanswered: ${unanswered.map((q) => questions.indexOf(q) + 1).join(', ')}.`}
              {flagged.length > 0 &&
                ` Flagged for review: ${flagged.length === 1 ? 'question' : 'questions'} ${flagged.map((q) => questions.indexOf(q) + 1).join(', ')}.`}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              After you submit, your answers can no longer change.
            </p>
            <div className="flex flex-wrap gap-3">
              <Button onClick={submit} disabled={submitting}>
                {submitting ? 'Submitting…' : 'Submit answers'}
              </Button>
              <Button variant="secondary" onClick={() => setReviewing(false)}>
                Back to the questions
              </Button>
            </div>
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
              {error}
            </p>
          </section>
        ) : (
          <section
            aria-labelledby={`q-title-${question.id}`}
            data-question-id={question.id}
            className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
          >
            <h2
              id={`q-title-${question.id}`}
              className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400"
            >
              Question {index + 1} of {questions.length}
            </h2>
            <QuestionInput
              question={question}
              response={draft.response}
              disabled={locked}
              // Typing is saved after a short pause; choices are saved at once.
              onChange={(response) =>
                update(
                  { response },
                  response.type === 'short-answer' ||
                    response.type === 'claim-evidence-reasoning' ||
                    response.type === 'cloze'
                    ? 600
                    : 0,
                )
              }
            />

            {settings.confidence && (
              <fieldset disabled={locked}>
                <legend className="mb-2 text-sm font-semibold">How sure are you?</legend>
                <div className="flex flex-wrap gap-2">
                  {CONFIDENCE.map((c) => (
                    <label
                      key={c.value}
                      className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-600 dark:has-[:checked]:bg-indigo-950"
                    >
                      <input
                        type="radio"
                        name={`confidence-${question.id}`}
                        checked={draft.confidence === c.value}
                        onChange={() => update({ confidence: c.value })}
                      />
                      {c.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}

            {/* A toggle with an icon and words, around a real checkbox. */}
            <label
              className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 dark:border-slate-600 dark:has-[:checked]:bg-amber-950"
              data-flag-toggle
            >
              <input
                type="checkbox"
                className="accent-amber-600"
                checked={draft.flagged}
                onChange={(e) => update({ flagged: e.target.checked })}
              />
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="h-4 w-4"
                fill={draft.flagged ? 'currentColor' : 'none'}
                stroke="currentColor"
                strokeWidth={1.6}
              >
                <path d="M4 18V3m0 0h10l-2 3.5L14 10H4" strokeLinejoin="round" />
              </svg>
              {draft.flagged ? 'Flagged to come back to' : 'Flag this question to come back to it'}
            </label>

            {settings.checkEach && !locked && (
              <Button
                variant="secondary"
                disabled={checking || !isAnswered(draft.response)}
                onClick={() =>
                  startCheck(async () => {
                    await autosave.flush();
                    const result = await checkAnswerAction({
                      attemptId: attempt.id,
                      questionId: question.id,
                    });
                    if (result.status === 'ok')
                      setFeedback((f) => ({ ...f, [question.id]: result.data.feedback }));
                    else setError(result.message);
                  })
                }
              >
                {checking ? 'Checking…' : 'Check answer'}
              </Button>
            )}
            {feedback[question.id] && (
              <GradeFeedback result={feedback[question.id]!} readingSlug={readingSlug} />
            )}
            {autosave.status !== 'refused' && autosave.message && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                {autosave.message}
              </p>
            )}

            <div className="flex justify-between gap-3 border-t border-slate-100 pt-4 dark:border-slate-800">
              <Button variant="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                Previous
              </Button>
              {index < questions.length - 1 ? (
                <Button onClick={() => setIndex(index + 1)}>Next</Button>
              ) : (
                <Button onClick={() => setReviewing(true)}>Review and submit</Button>
              )}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
