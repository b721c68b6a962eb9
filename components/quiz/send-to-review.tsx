'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { sendToReviewAction } from '@/lib/server/actions/quizzes';

/** Lets a student choose missed questions and send them to spaced review. */
export function SendToReview({
  attemptId,
  missed,
  alreadyQueued,
}: {
  attemptId: string;
  missed: { id: string; prompt: string }[];
  alreadyQueued: string[];
}) {
  const [chosen, setChosen] = useState(
    () => new Set(missed.map((m) => m.id).filter((id) => !alreadyQueued.includes(id))),
  );
  const [message, setMessage] = useState('');
  const [pending, start] = useTransition();
  if (missed.length === 0) return null;
  return (
    <section
      aria-labelledby="review-send-title"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="review-send-title" className="text-lg font-semibold">
        Practise what you missed
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Questions you send to review come back in your daily review queue.
      </p>
      <ul className="space-y-2">
        {missed.map((m) => (
          <li key={m.id}>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={chosen.has(m.id) || alreadyQueued.includes(m.id)}
                disabled={alreadyQueued.includes(m.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(m.id);
                  else next.delete(m.id);
                  setChosen(next);
                }}
              />
              <span>
                {m.prompt}
                {alreadyQueued.includes(m.id) && (
                  <span className="text-slate-600 dark:text-slate-400"> (in your review queue)</span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-3">
        <Button
          disabled={pending || chosen.size === 0}
          onClick={() =>
            start(async () => {
              const result = await sendToReviewAction({ attemptId, questionIds: [...chosen] });
              setMessage(
                result.status === 'ok'
                  ? `${result.data.added} question${result.data.added === 1 ? '' : 's'} added to your review queue.`
                  : result.message,
              );
            })
          }
        >
          Send to review
        </Button>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
    </section>
  );
}
