import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BankPageHeading } from '@/components/questions/bank-page-heading';
import { ImportQuestions } from '@/components/questions/import-questions';
import { bankToManage } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { QTI_LIMITS } from '@/questions/formats/qti-package';
import { IMPORT_LIMITS } from '@/questions/formats/types';

export const metadata: Metadata = { title: 'Import questions' };

export default async function ImportQuestionsPage({
  params,
}: PageProps<'/teach/readings/[readingId]/questions/import'>) {
  const { readingId } = await params;
  const bankHref = `/teach/readings/${readingId}/questions`;
  const user = await requireUser(`${bankHref}/import`);
  if (!/^[0-9a-f-]{36}$/i.test(readingId)) notFound();
  const { reading } = await grantedOrNotFound(bankToManage(user, readingId));

  return (
    <div className="space-y-6">
      <BankPageHeading reading={reading} title="Import questions">
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          From Moodle or any tool that writes GIFT, Aiken or Moodle XML: upload the file or paste it (the
          format is told from the content unless you choose it); from Canvas, Blackboard or a QTI editor:
          upload the QTI 2.1 or 3.0 package (.zip, up to {QTI_LIMITS.zipBytes / 1024 / 1024} MB). You see
          every question read, what it becomes here, the sentence of the reading it rests on, and each line,
          item or file that could not be read, before anything is added. Imported questions join the bank as
          drafts. Up to {IMPORT_LIMITS.questions} questions and {IMPORT_LIMITS.bytes / 1024 / 1024} MB a file.
        </p>
      </BankPageHeading>
      <ImportQuestions readingId={reading.id} bankHref={bankHref} />
    </div>
  );
}
