'use client';

import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { hintClass, inputClass, smallButtonClass } from './fields';

export type PickerParagraph = { id: string; number: number; sentences: { id: string; text: string }[] };

/**
 * Picks sentences from the reading: a button opens a modal dialog (the native <dialog>: focus is
 * kept inside, Escape closes it, focus returns to the button) with the reading paragraph by
 * paragraph, one checkbox per sentence, and a search box that narrows the list. What is ticked
 * applies at once; "Done" closes.
 */
export function SentencePicker({
  id,
  title,
  hint,
  paragraphs,
  selected,
  onChange,
  max,
  openLabel,
  describedBy,
}: {
  /** The id of the button that opens the picker (the field's id, for the error summary). */
  id: string;
  title: string;
  hint: string;
  paragraphs: PickerParagraph[];
  selected: string[];
  onChange: (ids: string[]) => void;
  max?: number;
  openLabel: string;
  describedBy?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const headingId = useId();
  const hintId = useId();
  const chosen = new Set(selected);
  const full = max !== undefined && selected.length >= max;

  useEffect(() => {
    if (!open) return;
    // The first ticked sentence in view, so the instructor sees where the evidence is.
    dialog.current?.querySelector('input[type="checkbox"]:checked')?.scrollIntoView({ block: 'center' });
  }, [open]);

  const words = deferred.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const shown = paragraphs
    .map((p) => ({
      ...p,
      sentences: words.length ? p.sentences.filter((s) => matches(s.text)) : p.sentences,
    }))
    .filter((p) => p.sentences.length > 0);

  const toggle = (sentenceId: string, on: boolean) => {
    if (on) {
      // Kept in the reading's order among the new ones, after those already chosen.
      onChange([...selected.filter((s) => s !== sentenceId), sentenceId]);
    } else onChange(selected.filter((s) => s !== sentenceId));
  };

  return (
    <>
      <button
        id={id}
        type="button"
        aria-haspopup="dialog"
        aria-describedby={describedBy}
        className={smallButtonClass}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {openLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        aria-describedby={hintId}
        onClose={() => {
          setOpen(false);
          setQuery('');
        }}
        className="m-auto max-h-[90vh] w-[min(46rem,95vw)] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        {open && (
          <div className="flex max-h-[90vh] flex-col">
            <div className="space-y-2 border-b border-slate-200 p-4 dark:border-slate-700">
              <h2 id={headingId} className="text-lg font-semibold">
                {title}
              </h2>
              <p id={hintId} className={hintClass}>
                {hint}
              </p>
              <label className="block space-y-1 text-sm font-medium">
                <span>Find words in the reading</span>
                <input
                  type="search"
                  // The dialog puts focus here when it opens: the first thing to do in the picker is to search.
                  autoFocus
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  className={inputClass}
                />
              </label>
            </div>
            <div className="flex-1 space-y-4 overflow-y-auto p-4" data-sentence-picker>
              {shown.length === 0 && <p className={hintClass}>No sentence has all these words.</p>}
              {shown.map((paragraph) => (
                <fieldset key={paragraph.id} className="space-y-1">
                  <legend className="text-sm font-semibold text-slate-600 dark:text-slate-300">
                    Paragraph {paragraph.number}
                  </legend>
                  {paragraph.sentences.map((sentence) => {
                    const on = chosen.has(sentence.id);
                    return (
                      <label
                        key={sentence.id}
                        className={cn(
                          'flex cursor-pointer items-start gap-3 rounded-md p-2 font-serif hover:bg-slate-50 dark:hover:bg-slate-800',
                          on && 'bg-indigo-50 dark:bg-indigo-950',
                          full && !on && 'cursor-not-allowed opacity-60',
                        )}
                      >
                        <input
                          type="checkbox"
                          checked={on}
                          disabled={full && !on}
                          data-sentence-option={sentence.id}
                          onChange={(e) => toggle(sentence.id, e.target.checked)}
                          className="mt-1.5"
                        />
                        <span>{sentence.text}</span>
                      </label>
                    );
                  })}
                </fieldset>
              ))}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 p-4 dark:border-slate-700">
              <p role="status" className="text-sm">
                {selected.length} picked{max !== undefined ? ` (up to ${max})` : ''}
              </p>
              <Button onClick={() => dialog.current?.close()}>Done</Button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
