'use client';

import { useActionState, useState, useTransition } from 'react';
import { refusalText } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { TermListPreview, TermListRow } from '@/lib/reading/term-list-import';
import { importTermListAction, previewTermListAction } from '@/lib/server/actions/reading-editor';
import { type FormResult, IDLE } from '@/lib/server/result';

const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';

const SEPARATORS = [
  ['auto', 'Detect (tab, “ - ”, then comma)'],
  ['tab', 'Tab'],
  ['comma', 'Comma'],
  ['custom', 'Custom'],
] as const;

/** The sentence with the words found in it in bold. */
function FoundIn({ row }: { row: TermListRow }) {
  const place = row.place;
  if (!place) return null;
  const { at, sentenceText: text } = place;
  return (
    <span className="text-slate-700 dark:text-slate-300">
      {at < 0 ? (
        text
      ) : (
        <>
          {text.slice(0, at)}
          <strong>{text.slice(at, at + place.written.length)}</strong>
          {text.slice(at + place.written.length)}
        </>
      )}
    </span>
  );
}

/** Paste a term list → preview (nothing written) → confirm → glossary. */
export function TermListImport({ readingId }: { readingId: string }) {
  const [preview, previewAction, previewing] = useActionState<FormResult<TermListPreview>, FormData>(
    previewTermListAction,
    IDLE,
  );
  const [confirmed, confirmAction, confirming] = useActionState<
    FormResult<{ added: number; replaced: number; skipped: number }>,
    FormData
  >(importTermListAction, IDLE);
  const [, startTransition] = useTransition();
  const shown = preview.status === 'ok' ? preview.data : null;
  const found = shown?.rows.filter((r) => r.place) ?? [];
  const missing = shown?.rows.filter((r) => !r.place) ?? [];
  const duplicates = shown?.rows.filter((r) => r.existing) ?? [];
  // The digest of the preview last confirmed: a new preview can be confirmed in its turn.
  const [confirmedDigest, setConfirmedDigest] = useState<string | null>(null);
  const done = confirmed.status === 'ok' && confirmedDigest === shown?.digest;

  return (
    <div className="space-y-4 rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-600">
      <h3 className="font-medium">Add terms from a list</h3>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => previewAction(data));
        }}
      >
        <input type="hidden" name="readingId" value={readingId} />
        <div className="space-y-1">
          <label htmlFor="term-list" className={labelClass}>
            Term list: one term a line, then its definition (Quizlet’s export)
          </label>
          <textarea id="term-list" name="text" rows={6} className={inputClass} spellCheck={false} />
        </div>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <legend className={labelClass}>Between term and definition</legend>
          {SEPARATORS.map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="separator" value={value} defaultChecked={value === 'auto'} /> {label}
            </label>
          ))}
          <label className="inline-flex items-center gap-2">
            <span className="sr-only">Custom separator</span>
            <input
              name="custom"
              maxLength={10}
              className="w-20 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={previewing}>
            {previewing ? 'Reading the list…' : 'Preview terms'}
          </Button>
          <FormMessage tone="error">{refusalText(preview)}</FormMessage>
        </div>
      </form>

      {shown && (
        <section aria-labelledby="term-preview-heading" className="space-y-3" data-term-preview>
          <h4 id="term-preview-heading" className="font-semibold">
            Preview: nothing is added until you confirm
          </h4>
          <p data-term-counts>
            <strong>{found.length}</strong> found in the text · <strong>{missing.length}</strong> not in the
            text · <strong>{duplicates.length}</strong> already in the glossary ·{' '}
            <strong>{shown.problems.length}</strong> line{shown.problems.length === 1 ? '' : 's'} could not be
            read
          </p>
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              setConfirmedDigest(shown.digest);
              startTransition(() => confirmAction(data));
            }}
          >
            <input type="hidden" name="readingId" value={readingId} />
            <input type="hidden" name="text" value={shown.read.text} />
            <input type="hidden" name="separator" value={shown.read.separator} />
            <input type="hidden" name="custom" value={shown.read.custom} />
            <input type="hidden" name="digest" value={shown.digest} />
            <ScrollBox label="Terms read from the list">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-700">
                    <th className="py-1 pr-2">Line</th>
                    <th className="py-1 pr-2">Term</th>
                    <th className="py-1 pr-2">Definition</th>
                    <th className="py-1">In the text</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.rows.map((row) => (
                    <tr
                      key={row.line}
                      className="border-b border-slate-100 align-top dark:border-slate-800"
                      data-term-row={row.term}
                    >
                      <td className="py-1 pr-2 font-mono">{row.line}</td>
                      <td className="py-1 pr-2 font-medium">
                        {row.term}
                        {row.existing && (
                          <span className="block text-xs font-normal text-amber-800 dark:text-amber-200">
                            Already in the glossary: “{row.existing.definition}”
                          </span>
                        )}
                      </td>
                      <td className="py-1 pr-2">{row.definition}</td>
                      <td className="py-1">
                        {row.place ? (
                          <>
                            <span className="font-semibold text-emerald-800 dark:text-emerald-300">
                              Paragraph {row.place.paragraph}, sentence {row.place.sentence}:
                            </span>{' '}
                            <FoundIn row={row} />
                          </>
                        ) : (
                          <span className="text-amber-800 dark:text-amber-200">
                            Not in the text.{' '}
                            <label className="inline-flex items-center gap-1">
                              <input type="checkbox" name="addAnyway" value={row.line} /> Add anyway
                            </label>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            {shown.problems.length > 0 && (
              <div>
                <h5 className="font-semibold text-red-800 dark:text-red-300">Lines that could not be read</h5>
                <ul className="list-disc space-y-1 pl-6 text-sm" data-term-problems>
                  {shown.problems.map((p) => (
                    <li key={p.line}>
                      <span className="font-mono">Line {p.line}</span>: {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {duplicates.length > 0 && (
              <fieldset className="space-y-1 text-sm">
                <legend className={labelClass}>Terms already in the glossary</legend>
                <label className="mr-4 inline-flex items-center gap-2">
                  <input type="radio" name="duplicates" value="skip" defaultChecked /> Skip them
                </label>
                <label className="inline-flex items-center gap-2">
                  <input type="radio" name="duplicates" value="replace" /> Replace their definitions
                </label>
              </fieldset>
            )}
            {duplicates.length === 0 && <input type="hidden" name="duplicates" value="skip" />}
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={confirming || done || shown.rows.length === 0}>
                {confirming ? 'Adding…' : 'Add the terms found'}
              </Button>
              {done ? (
                <FormMessage tone="success">{confirmed.message}</FormMessage>
              ) : (
                <FormMessage tone="error">
                  {confirmedDigest === shown.digest ? refusalText(confirmed) : null}
                </FormMessage>
              )}
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
