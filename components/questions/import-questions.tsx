'use client';

import Link from 'next/link';
import { useState } from 'react';
import { refusalText } from '@/components/ui/action-form';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FormMessage } from '@/components/ui/form-message';
import { type Progress, postWithProgress } from '@/components/ui/progress-request';
import { SubmitWithProgress } from '@/components/ui/work-progress';
import { TYPE_NAMES } from '@/lib/question-bank/question-form';
import type { ImportDone, ImportPreview } from '@/lib/question-bank/transfer';
import { type FormResult, IDLE } from '@/lib/server/result';
import { FORMAT_NAMES, isQtiFormat, type LineError } from '@/questions/formats/types';
import { DIFFICULTY_LABELS, SKILL_NAMES } from '@/questions/schema';
import { QuestionSummary } from './question-summary';

const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';
const panel = 'rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** Where a problem is: a line of a text file, or a file (and item) of a QTI package. */
const where = (e: LineError) => (e.file ? `${e.file}${e.line ? ` (item ${e.line})` : ''}` : `Line ${e.line}`);

/** Upload or paste → preview (nothing written) → confirm → drafts; both steps show their progress. */
export function ImportQuestions({ readingId, bankHref }: { readingId: string; bankHref: string }) {
  const [preview, setPreview] = useState<FormResult<ImportPreview>>(IDLE);
  const [confirmed, setConfirmed] = useState<FormResult<ImportDone>>(IDLE);
  const [working, setWorking] = useState<null | { step: 'preview' | 'confirm'; progress: Progress | null }>(
    null,
  );
  const previewing = working?.step === 'preview';
  const confirming = working?.step === 'confirm';
  const shown = preview.status === 'ok' ? preview.data : null;
  const done = confirmed.status === 'ok';
  const endpoint = `/api/readings/${readingId}/bank/import`;

  /** Runs one step against the import route, showing its progress as it streams in. */
  async function run<T>(step: 'preview' | 'confirm', query: Record<string, string>, body: BodyInit) {
    setWorking({ step, progress: null });
    try {
      return await postWithProgress<T>(
        `${endpoint}?${new URLSearchParams({ step, ...query })}`,
        body,
        (progress) => setWorking({ step, progress }),
      );
    } finally {
      setWorking(null);
    }
  }

  async function onPreview(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get('file');
    const upload = file instanceof File && file.size > 0 ? file : null;
    setConfirmed(IDLE);
    setPreview(
      await run<ImportPreview>(
        'preview',
        {
          format: String(data.get('format') ?? 'detect'),
          source: upload ? 'file' : 'paste',
          ...(upload ? { name: upload.name } : {}),
        },
        upload ?? String(data.get('text') ?? ''),
      ),
    );
  }

  async function onConfirm(form: HTMLFormElement, previewed: ImportPreview) {
    const data = new FormData(form);
    setConfirmed(
      await run<ImportDone>(
        'confirm',
        {
          format: previewed.format,
          digest: previewed.digest,
          asQuiz: data.get('asQuiz') === 'on' ? 'on' : '',
          quizTitle: String(data.get('quizTitle') ?? ''),
        },
        previewed.text,
      ),
    );
  }

  return (
    <div className="space-y-6">
      <form
        className={cn(panel, 'space-y-4')}
        onSubmit={(event) => {
          event.preventDefault();
          void onPreview(event.currentTarget);
        }}
        noValidate
      >
        <fieldset className="space-y-1">
          <legend className={labelClass}>Format</legend>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="detect" defaultChecked /> Tell from the content
          </label>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="gift" /> GIFT (.gift, .txt)
          </label>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="aiken" /> Aiken (.txt)
          </label>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="moodle-xml" /> Moodle XML (.xml)
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="qti3" /> QTI 2.1 or 3.0 package (.zip, upload only)
          </label>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="import-file" className={labelClass}>
            Upload a file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".txt,.gift,.xml,.zip,text/plain,application/xml,text/xml,application/zip"
            className="text-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="import-text" className={labelClass}>
            Or paste the questions
          </label>
          <textarea id="import-text" name="text" rows={10} className={inputClass} spellCheck={false} />
        </div>
        <SubmitWithProgress
          label="Preview"
          busyLabel="Reading the file…"
          variant="secondary"
          running={previewing}
          disabled={working !== null}
          progress={working?.progress ?? null}
          doing="Matching questions to the reading"
          waiting="Sending the file…"
          refusal={refusalText(preview)}
        />
      </form>

      {shown && (
        <section aria-labelledby="preview-heading" className="space-y-4" data-import-preview>
          <div className={cn(panel, 'space-y-3')}>
            <h2 id="preview-heading" className="text-xl font-semibold">
              Preview: nothing is added until you confirm
            </h2>
            <p data-preview-counts>
              <strong>{shown.drafts.length}</strong> question{shown.drafts.length === 1 ? '' : 's'} will be
              added as drafts
              {shown.errors.length > 0 && (
                <>
                  ; <strong>{shown.errors.length}</strong> could not be read (below)
                </>
              )}
              .{' '}
              {shown.drafts.filter((d) => !d.evidenceFound).length > 0 &&
                `${shown.drafts.filter((d) => !d.evidenceFound).length} rest on a sentence that is only the closest found: check their evidence before approving.`}
            </p>
            <p className="text-sm text-slate-700 dark:text-slate-300" data-preview-format>
              Read as {FORMAT_NAMES[shown.format]}
              {shown.detected ? ' (told from the content; choose the format above if that is wrong)' : ''}.
            </p>
            {shown.fileNote && <p className="text-sm text-amber-800 dark:text-amber-200">{shown.fileNote}</p>}
            {shown.errors.length > 0 && (
              <div>
                <h3 className="font-semibold text-red-800 dark:text-red-300">Lines that could not be read</h3>
                <ul className="list-disc space-y-1 pl-6 text-sm" data-import-errors>
                  {shown.errors.map((e) => (
                    <li key={`${e.file}:${e.line}:${e.message}`}>
                      <span className="font-mono">{where(e)}</span>: {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {shown.notes.length > 0 && (
              <div>
                <h3 className="font-semibold">Skipped</h3>
                <ul className="list-disc space-y-1 pl-6 text-sm">
                  {shown.notes.map((n) => (
                    <li key={`${n.file}:${n.line}:${n.message}`}>
                      <span className="font-mono">{where(n)}</span>: {n.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {done ? (
              <div className="flex flex-wrap items-center gap-3">
                <FormMessage tone="success">{confirmed.message}</FormMessage>
                <Link href={`${bankHref}?status=draft`} className={buttonClasses('primary')}>
                  Review the drafts
                </Link>
              </div>
            ) : (
              shown.drafts.length > 0 && (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    void onConfirm(event.currentTarget, shown);
                  }}
                  className="space-y-3"
                  // A new preview (another file) starts the quiz fields afresh.
                  key={shown.digest}
                >
                  <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
                    <legend className="px-1 text-sm font-medium">Quiz</legend>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="asQuiz" className="mt-1" />
                      <span>
                        Also make a quiz of these {shown.drafts.length} questions, in this order (for a quiz
                        exported from Canvas, Moodle or another course). Students see each question once you
                        approve it.
                      </span>
                    </label>
                    <label className="block space-y-1 text-sm">
                      <span className="font-medium">Quiz title</span>
                      <input
                        name="quizTitle"
                        defaultValue={shown.quizTitle}
                        maxLength={200}
                        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
                      />
                    </label>
                  </fieldset>
                  <SubmitWithProgress
                    label={`Import ${shown.drafts.length} question${shown.drafts.length === 1 ? '' : 's'} as drafts`}
                    busyLabel="Importing…"
                    running={confirming}
                    disabled={working !== null}
                    progress={working?.progress ?? null}
                    doing="Checking the file again"
                    waiting="Sending the file…"
                    refusal={refusalText(confirmed)}
                  />
                </form>
              )
            )}
          </div>
          <ol className="space-y-3">
            {shown.drafts.map((d) => (
              <li key={d.question.id} className={cn(panel, 'space-y-2')} data-import-draft>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <span className="font-mono">
                    {isQtiFormat(shown.format) ? 'Item' : 'Line'} {d.line}
                  </span>
                  {d.title && <> · “{d.title}”</>} · <strong>{TYPE_NAMES[d.question.type]}</strong> ·{' '}
                  {SKILL_NAMES[d.question.skill]} · {DIFFICULTY_LABELS[d.question.difficulty]} · draft
                </p>
                <p className="font-medium">{d.question.prompt}</p>
                <QuestionSummary question={d.question} />
                <div
                  className={cn(
                    'rounded-md border-l-4 px-3 py-1 text-sm',
                    d.evidenceFound
                      ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40'
                      : 'border-amber-500 bg-amber-50 dark:bg-amber-950/40',
                  )}
                >
                  <span className="font-semibold">
                    {d.evidenceFound
                      ? 'Evidence found in the reading'
                      : 'No sentence says this; closest, to check'}
                    :
                  </span>{' '}
                  {d.evidence.map((e) => (
                    <span key={e.id}>
                      <span className="font-mono text-xs">{e.id}</span> “{e.text}”{' '}
                    </span>
                  ))}
                </div>
                {d.notes.length > 0 && (
                  <ul className="list-disc pl-6 text-sm text-slate-700 dark:text-slate-300">
                    {d.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
