'use client';

import Link from 'next/link';
import { useActionState, useTransition } from 'react';
import { refusalText } from '@/components/ui/action-form';
import { Button, buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FormMessage } from '@/components/ui/form-message';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { RosterImported, RosterPreview, RosterPreviewRow } from '@/lib/classes/invitations';
import { importRosterAction, previewRosterAction } from '@/lib/server/actions/roster';
import { type FormResult, IDLE } from '@/lib/server/result';

const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';
const panel = 'rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** What each row becomes, as the preview says it. */
function outcome(row: RosterPreviewRow): string {
  switch (row.status) {
    case 'member':
      return 'Already in class';
    case 'invite':
      return 'Will be invited';
    case 'invited':
      return row.mails ? 'Invited again (new link)' : 'Already invited';
    case 'skipped':
      return `Skipped: ${row.note}`;
  }
}

const TONE: Record<RosterPreviewRow['status'], string> = {
  member: 'text-slate-600 dark:text-slate-400',
  invite: 'text-sky-800 dark:text-sky-300',
  invited: 'text-slate-600 dark:text-slate-400',
  skipped: 'text-red-800 dark:text-red-300',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Upload or paste → preview (nothing written) → confirm → members and invitations. */
export function RosterImport({ classId, classHref }: { classId: string; classHref: string }) {
  const [preview, previewAction, previewing] = useActionState<FormResult<RosterPreview>, FormData>(
    previewRosterAction,
    IDLE,
  );
  const [confirmed, confirmAction, confirming] = useActionState<FormResult<RosterImported>, FormData>(
    importRosterAction,
    IDLE,
  );
  const [, startTransition] = useTransition();
  // Through a transition rather than the form's own action: React would reset the form after it.
  const submitThrough = (act: (data: FormData) => void) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => act(data));
  };
  const shown = preview.status === 'ok' ? preview.data : null;
  const writes = shown ? shown.counts.mails : 0;

  return (
    <div className="space-y-6">
      <form className={cn(panel, 'space-y-4')} onSubmit={submitThrough(previewAction)} noValidate>
        <input type="hidden" name="classId" value={classId} />
        <div className="space-y-1">
          <label htmlFor="roster-file" className={labelClass}>
            Upload the roster (CSV)
          </label>
          <input id="roster-file" name="file" type="file" accept=".csv,.txt,text/csv" className="text-sm" />
        </div>
        <div className="space-y-1">
          <label htmlFor="roster-text" className={labelClass}>
            Or paste it
          </label>
          <textarea id="roster-text" name="text" rows={8} className={inputClass} spellCheck={false} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={previewing}>
            {previewing ? 'Reading the roster…' : 'Preview'}
          </Button>
          <FormMessage tone="error">{refusalText(preview)}</FormMessage>
        </div>
      </form>

      {shown && (
        <section
          aria-labelledby="roster-preview-heading"
          className={cn(panel, 'space-y-4')}
          data-roster-preview
        >
          <h2 id="roster-preview-heading" className="text-xl font-semibold">
            Preview: nothing changes until you confirm
          </h2>
          <p data-roster-counts>
            Read as {shown.layoutName}: {plural(shown.counts.invite, 'student')} will be invited,{' '}
            {shown.counts.member} already in the class, {shown.counts.invited} already invited,{' '}
            {shown.counts.skipped} skipped. Each invited student joins by the link we email them.
          </p>
          {shown.fileNote && <p className="text-sm text-amber-800 dark:text-amber-200">{shown.fileNote}</p>}
          {confirmed.status === 'ok' ? (
            <div className="flex flex-wrap items-center gap-3">
              <FormMessage tone="success">{confirmed.message}</FormMessage>
              <Link href={classHref} className={buttonClasses('primary')}>
                Back to the class
              </Link>
            </div>
          ) : writes > 0 ? (
            <form onSubmit={submitThrough(confirmAction)} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="classId" value={classId} />
              <input type="hidden" name="text" value={shown.text} />
              <input type="hidden" name="digest" value={shown.digest} />
              <Button type="submit" disabled={confirming}>
                {confirming ? 'Importing…' : `Send ${plural(shown.counts.mails, 'invitation')}`}
              </Button>
              <FormMessage tone="error">{refusalText(confirmed)}</FormMessage>
            </form>
          ) : (
            <p className="text-sm">Nothing to do: everyone listed is already in the class or invited.</p>
          )}
          <ScrollBox label="Students read from the file">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  <th scope="col" className="py-2 pr-3">
                    Line
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Email
                  </th>
                  <th scope="col" className="py-2">
                    What happens
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((row) => (
                  <tr
                    key={`${row.line}:${row.email}`}
                    className="border-b border-slate-100 dark:border-slate-800"
                    data-roster-row={row.status}
                  >
                    <td className="py-1 pr-3 font-mono">{row.line}</td>
                    <td className="py-1 pr-3">{row.name}</td>
                    <td className="py-1 pr-3 font-mono">{row.email}</td>
                    <td className={cn('py-1', TONE[row.status])}>
                      {outcome(row)}
                      {row.status !== 'skipped' && row.note && (
                        <span className="block text-xs text-slate-600 dark:text-slate-400">{row.note}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}
    </div>
  );
}
