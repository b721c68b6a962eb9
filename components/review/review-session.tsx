'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { GradeFeedback } from '@/components/questions/grade-feedback';
import { QuestionInput } from '@/components/questions/question-input';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { FeedbackView } from '@/lib/quiz/feedback';
import { emptyResponse, isAnswered, type StudentQuestion } from '@/lib/quiz/question-view';
import { checkReviewAnswerAction, previewCardAction, rateCardAction } from '@/lib/server/actions/study';
import type { Response } from '@/questions/schema';

type Base = { id: string; readingSlug: string; readingTitle: string };
export type SessionCard =
  | (Base & { kind: 'question'; question: StudentQuestion; freeText: boolean })
  | (Base & { kind: 'glossary'; term: string; definition: string; sentence: string | null });

const RATING_LABELS = [
  ['again', 'Again'],
  ['hard', 'Hard'],
  ['good', 'Good'],
  ['easy', 'Easy'],
] as const;
type RatingName = (typeof RATING_LABELS)[number][0];

function inWords(due: string | Date): string {
  const minutes = Math.round((new Date(due).getTime() - Date.now()) / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days < 31 ? `${days} day${days === 1 ? '' : 's'}` : `${Math.round(days / 30)} mo`;
}

/** A review session: each card answered or recalled, then rated Again, Hard, Good or Easy. */
export function ReviewSession({ cards }: { cards: SessionCard[] }) {
  // The session's queue: a card rated Again goes to the back and comes round once more.
  const [queue, setQueue] = useState(cards);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState(0);
  const card = queue[index];
  if (!card) {
    return (
      <div
        role="status"
        className="rounded-xl border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950"
      >
        <p className="font-semibold">
          Session complete: {done} card{done === 1 ? '' : 's'} reviewed.
        </p>
        <p className="mt-1">
          <Link href="/progress" className="underline">
            See your progress
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Card {index + 1} of {queue.length} · from{' '}
        <Link href={`/readings/${card.readingSlug}`} className="underline">
          {card.readingTitle}
        </Link>
      </p>
      <ReviewCardView
        key={`${card.id}:${index}`}
        card={card}
        onRated={(rating) => {
          setDone((d) => d + 1);
          if (rating === 'again') setQueue((q) => [...q, card]);
          setIndex((i) => i + 1);
        }}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Keys: <kbd className="font-mono">Space</kbd> shows the answer of a flashcard (or checks an answer
        outside a text box); <kbd className="font-mono">1</kbd>–<kbd className="font-mono">4</kbd> rate Again,
        Hard, Good, Easy.
      </p>
    </div>
  );
}

function ReviewCardView({ card, onRated }: { card: SessionCard; onRated: (rating: RatingName) => void }) {
  const started = useRef(Date.now());
  const [response, setResponse] = useState<Response | null>(
    card.kind === 'question' ? emptyResponse(card.question) : null,
  );
  const [feedback, setFeedback] = useState<FeedbackView | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [suggested, setSuggested] = useState<RatingName>('good');
  const [intervals, setIntervals] = useState<Record<RatingName, string | Date> | null>(null);
  const [error, setError] = useState('');
  const [pending, start] = useTransition();
  const suggestedButton = useRef<HTMLButtonElement>(null);

  // Once the answer is shown, focus the suggested rating: Enter accepts it, Tab moves to the others.
  useEffect(() => {
    if (revealed && intervals && !pending) suggestedButton.current?.focus();
  }, [revealed, intervals, pending]);

  const reveal = () =>
    start(async () => {
      setError('');
      const durationMs = Date.now() - started.current;
      if (card.kind === 'question') {
        const result = await checkReviewAnswerAction({ cardId: card.id, response, durationMs });
        if (result.status !== 'ok') return setError(result.message);
        setFeedback(result.data.feedback);
        setSuggested(result.data.suggested);
        setIntervals(result.data.intervals);
      } else {
        const result = await previewCardAction({ cardId: card.id });
        if (result.status !== 'ok') return setError(result.message);
        setIntervals(result.data.intervals);
      }
      setRevealed(true);
    });

  const rate = (rating: RatingName) =>
    start(async () => {
      const result = await rateCardAction({
        cardId: card.id,
        rating,
        response: card.kind === 'question' ? response : undefined,
        durationMs: Date.now() - started.current,
      });
      if (result.status !== 'ok') return setError(result.message);
      onRated(rating);
    });

  // Space reveals, 1–4 rate, as in Anki; never while the student is typing an answer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || pending) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // Space on a focused button is that button's own click.
      if (!revealed && event.key === ' ' && !target?.closest('button, a')) {
        if (card.kind === 'question' && !isAnswered(response)) return;
        event.preventDefault();
        reveal();
      } else if (revealed && intervals && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        rate(RATING_LABELS[Number(event.key) - 1]![0]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section
      aria-label="Review card"
      data-review-card={card.id}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      {card.kind === 'question' ? (
        <QuestionInput
          question={card.question}
          response={response}
          onChange={setResponse}
          disabled={revealed || pending}
        />
      ) : (
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            What does this term mean in the reading?
          </p>
          <p className="mt-2 font-serif text-2xl font-semibold">{card.term}</p>
          {revealed && (
            <div className="mt-4 space-y-2">
              <p>{card.definition}</p>
              {card.sentence && (
                <blockquote className="border-l-4 border-amber-400 pl-3 font-serif text-slate-700 dark:text-slate-300">
                  {card.sentence}
                </blockquote>
              )}
            </div>
          )}
        </div>
      )}
      {!revealed && (
        <Button onClick={reveal} disabled={pending || (card.kind === 'question' && !isAnswered(response))}>
          {card.kind === 'question' ? (pending ? 'Checking…' : 'Check answer') : 'Show definition'}
        </Button>
      )}
      {feedback && <GradeFeedback result={feedback} readingSlug={card.readingSlug} />}
      {revealed && intervals && (
        <div>
          <p className="mb-2 text-sm font-semibold">How well did you know it?</p>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {RATING_LABELS.map(([name, label]) => (
              <button
                key={name}
                ref={name === suggested ? suggestedButton : undefined}
                type="button"
                disabled={pending}
                onClick={() => rate(name)}
                aria-describedby={name === suggested ? `suggested-${card.id}` : undefined}
                className={cn(
                  'rounded-lg border px-3 py-2 text-sm font-semibold',
                  name === suggested
                    ? 'border-indigo-700 bg-indigo-700 text-white dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950'
                    : 'border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800',
                )}
              >
                <span className="mr-1 font-mono text-xs opacity-75" aria-hidden="true">
                  {RATING_LABELS.findIndex(([n]) => n === name) + 1}
                </span>
                {label}
                <span className="block text-xs font-normal">{inWords(intervals[name])}</span>
              </button>
            ))}
          </div>
          <p id={`suggested-${card.id}`} className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            Suggested from your answer: {RATING_LABELS.find(([n]) => n === suggested)?.[1]}.
          </p>
        </div>
      )}
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
    </section>
  );
}
