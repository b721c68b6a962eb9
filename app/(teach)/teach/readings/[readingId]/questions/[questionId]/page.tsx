import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BankPageHeading } from '@/components/questions/bank-page-heading';
import { QuestionEditor } from '@/components/questions/editor/question-editor';
import { listReadingQuestions } from '@/db/queries/questions';
import { sortBankRows } from '@/lib/question-bank/bank-order';
import { editorSetting } from '@/lib/question-bank/editor-setting';
import { TYPE_NAMES } from '@/lib/question-bank/question-form';
import { bankQuestionsToWrite } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Edit question' };

const QUESTION_ID = /^[\w.:~-]{1,120}$/;

export default async function EditQuestionPage({
  params,
  searchParams,
}: PageProps<'/teach/readings/[readingId]/questions/[questionId]'>) {
  const { readingId, questionId: rawId } = await params;
  const { added } = await searchParams;
  const questionId = decodeURIComponent(rawId);
  const bankHref = `/teach/readings/${readingId}/questions`;
  const user = await requireUser(`${bankHref}/${rawId}`);
  if (!QUESTION_ID.test(questionId) || !/^[0-9a-f-]{36}$/i.test(readingId)) notFound();
  const { reading, bankOwnerId, rows } = await grantedOrNotFound(
    bankQuestionsToWrite(user, { readingId, questionIds: [questionId] }),
  );
  const row = rows[0]!;
  const bank = await listReadingQuestions({ readingId, ownerId: bankOwnerId });
  const { knownConcepts, paragraphs } = editorSetting(reading, bank);
  // The drafts in the order the bank lists them, to go on to the next one.
  const drafts = sortBankRows(
    bank.filter((r) => r.status === 'draft'),
    'quality',
  );
  const at = drafts.findIndex((r) => r.id === row.id);
  const nextDraft = at === -1 ? drafts[0] : drafts[at + 1];
  const q = row.data;

  return (
    <div className="space-y-6">
      <BankPageHeading reading={reading} title="Edit question">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {TYPE_NAMES[q.type]} · {row.status === 'retired' ? 'rejected' : row.status} ·{' '}
          {q.source === 'generated' ? 'generated' : 'written by hand'}
          {q.quality !== undefined && ` · estimated quality ${Math.round(q.quality * 100)}%`}
          {nextDraft && nextDraft.id !== row.id && (
            <>
              {' · '}
              <Link href={`${bankHref}/${encodeURIComponent(nextDraft.id)}`} className="underline">
                Next draft to review
              </Link>
            </>
          )}
        </p>
        {added === '1' && (
          <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">
            Question added as a draft. Approve it when it is ready.
          </p>
        )}
      </BankPageHeading>
      <QuestionEditor
        mode="edit"
        readingId={reading.id}
        initial={q}
        paragraphs={paragraphs}
        knownConcepts={knownConcepts}
        bankHref={bankHref}
      />
    </div>
  );
}
