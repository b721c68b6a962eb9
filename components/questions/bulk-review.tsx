'use client';

import { type ReactNode, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DIFFICULTY_NAMES, LENS_NAMES, SKILL_NAMES } from '@/lib/question-bank/question-form';
import { retagQuestionsAction, setQuestionStatusAction } from '@/lib/server/actions/question-bank';
import type { Result } from '@/lib/server/result';
import { LENSES, type Lens, SKILLS, type Skill } from '@/questions/schema';

const selectClass =
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

type Selection = { ids: string[]; types: number };
type Retag = {
  skill: 'keep' | Skill;
  difficulty: 'keep' | '1' | '2' | '3';
  lens: 'keep' | 'none' | Lens;
  addConcept: string;
  removeConcept: string;
};
const NO_RETAG: Retag = {
  skill: 'keep',
  difficulty: 'keep',
  lens: 'keep',
  addConcept: '',
  removeConcept: '',
};

/**
 * Review many questions at once: each card of the list below has a checkbox (`data-bulk-select`,
 * server-rendered); this bar counts what is ticked and approves, rejects, sends back to draft or
 * retags all of it in one request.
 */
export function BulkReview({
  readingId,
  shown,
  children,
}: {
  readingId: string;
  /** How many questions the list shows (what "select all" ticks). */
  shown: number;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<Selection>({ ids: [], types: 0 });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [retag, setRetag] = useState<Retag>(NO_RETAG);

  const boxes = () => [
    ...(list.current?.querySelectorAll<HTMLInputElement>('input[data-bulk-select]') ?? []),
  ];
  const read = () => {
    const ticked = boxes().filter((b) => b.checked);
    setSelection({
      ids: ticked.map((b) => b.value),
      types: new Set(ticked.map((b) => b.dataset.type)).size,
    });
  };
  // The list changes when the page refreshes (a filter, a save): count again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the list given changes
  useEffect(read, [children]);
  useEffect(() => {
    if (!selectAll.current) return;
    selectAll.current.indeterminate = selection.ids.length > 0 && selection.ids.length < shown;
  }, [selection, shown]);

  const run = (work: () => Promise<Result>) => {
    if (selection.ids.length === 0) {
      setMessage({ tone: 'error', text: 'Tick at least one question first.' });
      return;
    }
    startTransition(async () => {
      const result = await work();
      const text = result.status === 'ok' ? (result.message ?? 'Done.') : result.message;
      setMessage({ tone: result.status === 'ok' ? 'success' : 'error', text });
      if (result.status === 'ok') {
        for (const box of boxes()) box.checked = false;
        read();
      }
    });
  };
  const setStatus = (status: 'approved' | 'retired' | 'draft') =>
    run(() => setQuestionStatusAction({ readingId, questionId: selection.ids, status }));

  const count = selection.ids.length;
  return (
    <div className="space-y-4">
      <section
        aria-label="Review the ticked questions"
        data-bulk-bar
        className="sticky top-0 z-20 space-y-3 rounded-xl border border-indigo-200 bg-indigo-50/95 p-4 shadow-sm backdrop-blur dark:border-indigo-800 dark:bg-indigo-950/95"
      >
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm font-semibold">
            <input
              ref={selectAll}
              type="checkbox"
              checked={shown > 0 && count === shown}
              onChange={(e) => {
                for (const box of boxes()) box.checked = e.target.checked;
                read();
              }}
              className="size-4"
            />
            Select all {shown} shown
          </label>
          <p className="text-sm" aria-live="polite" data-selected-count={count}>
            {count === 0
              ? 'None ticked'
              : `${count} ticked${selection.types > 1 ? `, of ${selection.types} types` : ''}`}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending} onClick={() => setStatus('approved')}>
              Approve ticked
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStatus('retired')}>
              Reject ticked
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStatus('draft')}>
              Back to draft
            </Button>
          </div>
          <p
            role="status"
            aria-live="polite"
            data-bulk-message={message?.tone ?? ''}
            className={cn(
              'text-sm font-medium',
              message?.tone === 'error'
                ? 'text-red-700 dark:text-red-300'
                : 'text-emerald-800 dark:text-emerald-200',
            )}
          >
            {pending ? 'Working…' : message?.text}
          </p>
        </div>
        <details className="group">
          <summary className="cursor-pointer text-sm font-semibold text-indigo-900 dark:text-indigo-100">
            Retag ticked…
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
            <label className="space-y-1 text-sm">
              <span className="font-medium">Skill</span>
              <select
                value={retag.skill}
                onChange={(e) => setRetag({ ...retag, skill: e.target.value as Retag['skill'] })}
                className={selectClass}
              >
                <option value="keep">Keep as is</option>
                {SKILLS.map((s) => (
                  <option key={s} value={s}>
                    {SKILL_NAMES[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-sm">
              <span className="font-medium">Difficulty</span>
              <select
                value={retag.difficulty}
                onChange={(e) => setRetag({ ...retag, difficulty: e.target.value as Retag['difficulty'] })}
                className={selectClass}
              >
                <option value="keep">Keep as is</option>
                {([1, 2, 3] as const).map((d) => (
                  <option key={d} value={String(d)}>
                    {DIFFICULTY_NAMES[d]}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-sm">
              <span className="font-medium">Theory lens</span>
              <select
                value={retag.lens}
                onChange={(e) => setRetag({ ...retag, lens: e.target.value as Retag['lens'] })}
                className={selectClass}
              >
                <option value="keep">Keep as is</option>
                <option value="none">None</option>
                {LENSES.map((l) => (
                  <option key={l} value={l}>
                    {LENS_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <label className="space-y-1 text-sm">
              <span className="font-medium">Add a concept</span>
              <input
                value={retag.addConcept}
                maxLength={60}
                list="bank-concepts"
                onChange={(e) => setRetag({ ...retag, addConcept: e.target.value })}
                className={selectClass}
              />
            </label>
            <label className="space-y-1 text-sm">
              <span className="font-medium">Remove a concept</span>
              <input
                value={retag.removeConcept}
                maxLength={60}
                list="bank-concepts"
                onChange={(e) => setRetag({ ...retag, removeConcept: e.target.value })}
                className={selectClass}
              />
            </label>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(async () => {
                  const result = await retagQuestionsAction({
                    readingId,
                    questionId: selection.ids,
                    ...retag,
                  });
                  if (result.status === 'ok') setRetag(NO_RETAG);
                  return result;
                })
              }
            >
              Apply to ticked
            </Button>
          </div>
        </details>
      </section>
      {/* Ticking a card's checkbox bubbles here. */}
      <div ref={list} onChange={read}>
        {children}
      </div>
    </div>
  );
}
