import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BankPageHeading } from '@/components/questions/bank-page-heading';
import { QuestionEditor } from '@/components/questions/editor/question-editor';
import { listReadingQuestions } from '@/db/queries/questions';
import { editorSetting } from '@/lib/question-bank/editor-setting';
import { newQuestion } from '@/lib/question-bank/question-form';
import { bankToWrite } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { QUESTION_TYPES, type QuestionType } from '@/questions/schema';

export const metadata: Metadata = { title: 'Write a question' };

export default async function NewQuestionPage({
  params,
  searchParams,
}: PageProps<'/teach/readings/[readingId]/questions/new'>) {
  const { readingId } = await params;
  const { type } = await searchParams;
  const bankHref = `/teach/readings/${readingId}/questions`;
  const user = await requireUser(`${bankHref}/new`);
  if (!/^[0-9a-f-]{36}$/i.test(readingId)) notFound();
  const { reading, bankOwnerId } = await grantedOrNotFound(bankToWrite(user, readingId));
  const bank = await listReadingQuestions({ readingId, ownerId: bankOwnerId });
  const { knownConcepts, paragraphs } = editorSetting(reading, bank);
  const startType = QUESTION_TYPES.includes(type as QuestionType)
    ? (type as QuestionType)
    : 'multiple-choice';

  return (
    <div className="space-y-6">
      <BankPageHeading reading={reading} title="Write a question">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          It joins the bank as a draft; students see it once you approve it.
        </p>
      </BankPageHeading>
      <QuestionEditor
        mode="new"
        readingId={reading.id}
        initial={newQuestion(reading.slug, startType)}
        paragraphs={paragraphs}
        knownConcepts={knownConcepts}
        bankHref={bankHref}
      />
    </div>
  );
}
