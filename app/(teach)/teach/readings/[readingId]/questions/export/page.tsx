import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BankPageHeading } from '@/components/questions/bank-page-heading';
import { TYPE_NAMES } from '@/lib/question-bank/question-form';
import { exportChoices, FORMAT_NAMES } from '@/lib/question-bank/transfer';
import { bankToManage } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Export questions' };

/** Notes listed per download; a bank of hundreds says the rest as a count. */
const EXPORT_NOTES_SHOWN = 60;

/**
 * Each download of a bank with what it keeps and changes, question by question. Its own page, not
 * the bank's: writing the bank in five formats to tell this takes a second for hundreds of
 * questions, which the bank page (polled while questions are generated) must not pay each time.
 */
export default async function ExportQuestionsPage({
  params,
}: PageProps<'/teach/readings/[readingId]/questions/export'>) {
  const { readingId } = await params;
  const bankHref = `/teach/readings/${readingId}/questions`;
  const user = await requireUser(`${bankHref}/export`);
  if (!/^[0-9a-f-]{36}$/i.test(readingId)) notFound();
  const { reading, bankOwnerId } = await grantedOrNotFound(bankToManage(user, readingId));
  const exports = await exportChoices({ reading, bankOwnerId });

  return (
    <div className="space-y-6">
      <BankPageHeading reading={reading} title="Export questions">
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Moodle's text formats (GIFT, Aiken), its XML format (every type Moodle has, with categories by
          skill), and QTI packages for Canvas, Blackboard and QTI players. An export holds the answer keys, so
          keep it among instructors. Rejected questions are never exported. Each quiz exports on its own from
          the bank page.
        </p>
      </BankPageHeading>
      <section
        aria-labelledby="transfer-heading"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="transfer-heading" className="text-lg font-semibold">
          Downloads, and what each keeps
        </h2>
        <ul className="space-y-2 text-sm" data-export-choices>
          {exports.map((e) => (
            <li key={`${e.format}-${e.scope}`}>
              <a
                href={`/api/readings/${reading.id}/bank/export?format=${e.format}&scope=${e.scope}`}
                download
                className="font-medium underline"
              >
                {FORMAT_NAMES[e.format]},{' '}
                {e.scope === 'approved' ? 'approved questions' : 'drafts and approved'}
              </a>{' '}
              <span className="text-slate-600 dark:text-slate-400">{e.summary}</span>
              {e.notes.length > 0 && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
                    What changes, question by question ({e.notes.length})
                  </summary>
                  <ul className="mt-1 list-disc space-y-0.5 pl-6 text-xs" data-export-notes>
                    {e.notes.slice(0, EXPORT_NOTES_SHOWN).map((n) => (
                      <li key={`${n.questionId}:${n.message}`}>
                        “{n.prompt.length > 90 ? `${n.prompt.slice(0, 89)}…` : n.prompt}” (
                        {TYPE_NAMES[n.type]}): {n.message}
                      </li>
                    ))}
                    {e.notes.length > EXPORT_NOTES_SHOWN && (
                      <li>and {e.notes.length - EXPORT_NOTES_SHOWN} more of the same kinds.</li>
                    )}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
