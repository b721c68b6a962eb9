import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BulkReview } from '@/components/questions/bulk-review';
import { GenerationStatus } from '@/components/questions/generation-status';
import { PreviewDisclosure } from '@/components/questions/question-preview';
import { QuestionSummary } from '@/components/questions/question-summary';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Pager } from '@/components/ui/pager';
import { listGenerationJobs } from '@/db/queries/generation-jobs';
import { BANK_ORDERS, bankOverview, listBankPage } from '@/db/queries/questions';
import { getQuestionsByIds, listQuizzesForReading } from '@/db/queries/quizzes';
import { getSentenceOrder, getSentences, type ReadingSummary } from '@/db/queries/readings';
import type { QuestionRow } from '@/db/schema';
import { BANK_PAGE_SIZE, BANK_SORTS } from '@/lib/question-bank/bank-order';
import { DIFFICULTY_NAMES, LENS_NAMES, SKILL_NAMES, TYPE_NAMES } from '@/lib/question-bank/question-form';
import { BANK_FORMATS, FORMAT_NAMES } from '@/lib/question-bank/transfer';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import {
  buildQuizAction,
  copyBankAction,
  generateQuestionsAction,
  setQuestionStatusAction,
} from '@/lib/server/actions/question-bank';
import { bankToCopy, bankToManage } from '@/lib/server/policy';
import { requireUser } from '@/lib/server/session';
import { QUESTION_TYPES, SKILLS, skillName } from '@/questions/schema';

export const metadata: Metadata = { title: 'Question bank' };

const STATUSES = ['draft', 'approved', 'retired'] as const;
const STATUS_NAMES = { draft: 'Drafts', approved: 'Approved', retired: 'Rejected' } as const;
/** The page's address: filters, order and page; anything else, or anything malformed, is ignored. */
const bankQuery = z.object({
  type: z.enum(QUESTION_TYPES).optional().catch(undefined),
  skill: z.enum(SKILLS).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  sort: z.enum(BANK_ORDERS).catch('quality'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

const STATUS_STYLE = {
  draft: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  approved: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  retired: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
} as const;

export default async function QuestionBankPage({
  params,
  searchParams,
}: PageProps<'/teach/readings/[readingId]/questions'>) {
  const { readingId } = await params;
  const filters = await searchParams;
  const user = await requireUser(`/teach/readings/${readingId}/questions`);
  const managed = await bankToManage(user, readingId);
  if ('status' in managed) {
    // Not this user's bank: they may make their own copy (without seeing this one's keys), or nothing.
    const copyable = managed.reason === 'copy-needed' ? await bankToCopy(user, readingId) : managed;
    if ('status' in copyable) notFound();
    return <CopyBank reading={copyable.reading} why={managed.message} />;
  }
  const { reading, bankOwnerId } = managed;
  const query = bankQuery.parse(filters);
  const { type, skill, status, sort } = query;
  // The reading's text stays in the database: only the shown questions' evidence is quoted.
  const sentenceOrder = sort === 'text' ? await getSentenceOrder({ readingId: reading.id }) : [];
  const [listed, overview, allQuizzes, jobs] = await Promise.all([
    listBankPage({
      readingId,
      ownerId: bankOwnerId,
      filter: { type, skill, status },
      order: sort,
      sentenceOrder,
      page: query.page,
      pageSize: BANK_PAGE_SIZE,
    }),
    bankOverview({ readingId, ownerId: bankOwnerId }),
    listQuizzesForReading({ readingId }),
    listGenerationJobs({ readingId, bankOwnerId, limit: 1 }),
  ]);
  // A reading's default quiz and this user's own; other instructors' quizzes are theirs.
  const quizzes = allQuizzes.filter((q) => q.isDefault || q.createdBy === user.id);
  const quizQuestions = await getQuestionsByIds({ ids: [...new Set(quizzes.flatMap((q) => q.questionIds))] });
  /** How many of a quiz's questions wait for approval (students see only approved ones). */
  const draftsIn = (questionIds: string[]) =>
    questionIds.filter((id) => quizQuestions.get(id)?.status === 'draft').length;
  const latestJob = jobs[0] ?? null;
  const { rows: shown, total: matching, page, pageCount } = listed;
  const sentences = await getSentences({
    readingId: reading.id,
    ids: shown.flatMap((row) => row.data.evidence),
  });
  const bankHref = `/teach/readings/${reading.id}/questions`;
  /** This view's address on another page: the filters and order are kept, defaults left out. */
  const pageHref = (n: number) => {
    const search = new URLSearchParams();
    if (type) search.set('type', type);
    if (skill) search.set('skill', skill);
    if (status) search.set('status', status);
    if (sort !== 'quality') search.set('sort', sort);
    if (n > 1) search.set('page', String(n));
    const text = search.toString();
    return text ? `${bankHref}?${text}` : bankHref;
  };
  const count = (s: (typeof STATUSES)[number]) => overview.byStatus[s] ?? 0;
  const from = (page - 1) * BANK_PAGE_SIZE;
  const hidden = <input type="hidden" name="readingId" value={reading.id} />;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/readings/${reading.slug}`} className="underline">
            {reading.title}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">
          {bankOwnerId ? 'Your copy of the question bank' : 'Question bank'}
        </h1>
        {bankOwnerId && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Changes here affect only the quizzes you build for your classes.
          </p>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {count('draft') + count('approved') + count('retired')} questions: {count('approved')} approved
          (students see these), {count('draft')} drafts to review, {count('retired')} rejected.
        </p>
        <Link href={`${bankHref}/new`} className={buttonClasses('secondary', 'mt-3')}>
          Write a question
        </Link>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 className="mb-2 text-lg font-semibold">Generate questions</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Writes comprehension questions of every type from the text, checks each answer key against the
          sentence it rests on, and adds the ones that pass as drafts for you to approve, edit or reject.
        </p>
        <ActionForm
          action={generateQuestionsAction}
          submitLabel="Generate questions"
          pendingLabel="Generating…"
        >
          {hidden}
        </ActionForm>
        <GenerationStatus
          readingId={reading.id}
          job={
            latestJob && {
              id: latestJob.id,
              status: latestJob.status,
              message: latestJob.message,
              createdAt: latestJob.createdAt.toISOString(),
              startedAt: latestJob.startedAt?.toISOString() ?? null,
            }
          }
          estimateSeconds={Math.max(3, Math.round(reading.wordCount / 1000) + 2)}
        />
      </section>

      <section
        aria-labelledby="transfer-heading"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="transfer-heading" className="text-lg font-semibold">
          Import and export (GIFT, Aiken, Moodle XML, QTI)
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Moodle's text formats and its XML format, and QTI packages for Canvas and Blackboard. Imported
          questions arrive as drafts after a preview; an export holds the answer keys, so keep it among
          instructors.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href={`${bankHref}/import`} className={buttonClasses('secondary')}>
            Import questions (GIFT, Aiken, Moodle XML, QTI)
          </Link>
          <Link href={`${bankHref}/export`} className={buttonClasses('secondary')}>
            Export questions
          </Link>
        </div>
      </section>

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 className="text-lg font-semibold">Quizzes on this reading</h2>
        <ul className="text-sm">
          {quizzes.map((q) => (
            <li key={q.id} className="py-1" data-quiz={q.title}>
              <span className="font-medium">{q.title}</span> · {q.questionIds.length} questions
              {q.isDefault ? ' · default' : ''}
              {draftsIn(q.questionIds) > 0 && (
                <span className="text-amber-800 dark:text-amber-200">
                  {' '}
                  · {draftsIn(q.questionIds)} still drafts: students see them once approved
                </span>
              )}
              {(q.createdBy === user.id || (q.isDefault && bankOwnerId === null)) && (
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  Export the quiz:{' '}
                  {BANK_FORMATS.map((format, i) => (
                    <span key={format}>
                      {i > 0 && ' · '}
                      <a href={`/api/quizzes/${q.id}/export?format=${format}`} download className="underline">
                        {FORMAT_NAMES[format]}
                      </a>
                    </span>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
        <details>
          <summary className="cursor-pointer font-semibold">Build a quiz by rule</summary>
          <ActionForm action={buildQuizAction} submitLabel="Save quiz" className="mt-2">
            {hidden}
            <input type="hidden" name="mode" value="rule" />
            <label className="block space-y-1 text-sm">
              <span className="font-medium">Quiz title</span>
              <input
                name="title"
                maxLength={200}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <fieldset className="grid gap-2 sm:grid-cols-4">
              <legend className="mb-1 text-sm font-medium">Approved questions per skill</legend>
              {SKILLS.map((skill) => (
                <label key={skill} className="text-sm">
                  {SKILL_NAMES[skill]} ({overview.approvedBySkill[skill] ?? 0} approved)
                  <input
                    name={`perSkill:${skill}`}
                    inputMode="numeric"
                    defaultValue="0"
                    className="block w-20 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                  />
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </details>
        <details>
          <summary className="cursor-pointer font-semibold">Build a quiz by picking questions</summary>
          <ActionForm action={buildQuizAction} submitLabel="Save quiz" className="mt-2">
            {hidden}
            <input type="hidden" name="mode" value="pick" />
            <label className="block space-y-1 text-sm">
              <span className="font-medium">Quiz title</span>
              <input
                name="title"
                maxLength={200}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <fieldset className="max-h-72 space-y-1 overflow-y-auto text-sm">
              <legend className="mb-1 font-medium">Approved questions</legend>
              {overview.approved.map((r) => (
                <label key={r.id} className="flex items-start gap-2">
                  <input type="checkbox" name="questionId" value={r.id} className="mt-1" />
                  <span>
                    {r.prompt}{' '}
                    <span className="text-slate-600 dark:text-slate-400">
                      ({TYPE_NAMES[r.type as keyof typeof TYPE_NAMES] ?? r.type}, {skillName(r.skill)})
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </details>
      </section>

      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        {(
          [
            ['type', 'Type', QUESTION_TYPES],
            ['skill', 'Skill', SKILLS],
            ['status', 'Status', STATUSES],
          ] as const
        ).map(([name, label, values]) => (
          <label key={name} className="space-y-1">
            <span className="block font-medium">{label}</span>
            <select
              name={name}
              defaultValue={query[name] ?? ''}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">All</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {name === 'type'
                    ? TYPE_NAMES[v as keyof typeof TYPE_NAMES]
                    : name === 'skill'
                      ? SKILL_NAMES[v as keyof typeof SKILL_NAMES]
                      : STATUS_NAMES[v as keyof typeof STATUS_NAMES]}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="space-y-1">
          <span className="block font-medium">Sort</span>
          <select
            name="sort"
            defaultValue={sort}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
          >
            {Object.entries(BANK_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600"
        >
          Filter
        </button>
        <span className="text-slate-600 dark:text-slate-400" data-bank-shown={shown.length}>
          {matching === 0 ? 'None match' : `${from + 1}–${from + shown.length} of ${matching} shown`}
        </span>
      </form>

      <datalist id="bank-concepts">
        {overview.concepts.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <BulkReview readingId={reading.id} shown={shown.length}>
        <ol className="space-y-4" aria-label="Questions">
          {shown.map((row) => (
            <QuestionCard
              key={row.id}
              row={row}
              sentences={sentences}
              editHref={`${bankHref}/${encodeURIComponent(row.id)}`}
              hidden={hidden}
            />
          ))}
        </ol>
      </BulkReview>
      {pageCount > 1 && <Pager page={page} pageCount={pageCount} href={pageHref} label="Question pages" />}
    </div>
  );
}

function qualityTone(quality: number) {
  if (quality >= 0.8) return 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100';
  if (quality >= 0.65) return 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100';
  return 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100';
}

const badge = 'rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800';

/** One question of the bank as a reviewer needs it: what it asks, its key, its evidence, and what to do with it. */
function QuestionCard({
  row,
  sentences,
  editHref,
  hidden,
}: {
  row: QuestionRow;
  sentences: Map<string, { text: string; paragraph: number }>;
  editHref: string;
  hidden: React.ReactNode;
}) {
  const q = row.data;
  const promptId = `prompt-${row.id}`;
  const missing = q.evidence.filter((id) => !sentences.has(id)).length;
  return (
    <li
      id={`q-${row.id}`}
      data-bank-question={row.id}
      data-type={q.type}
      data-status={row.status}
      data-quality={q.quality ?? ''}
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-start gap-4">
        <input
          type="checkbox"
          data-bulk-select
          data-type={q.type}
          value={row.id}
          aria-labelledby={`tick-${row.id} ${promptId}`}
          className="mt-1 size-5 shrink-0"
        />
        <span id={`tick-${row.id}`} className="sr-only">
          Tick
        </span>
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className={cn('rounded px-2 py-0.5 font-semibold uppercase', STATUS_STYLE[row.status])}>
              {row.status}
            </span>
            <span className={badge}>{TYPE_NAMES[q.type]}</span>
            <span className={badge}>{SKILL_NAMES[q.skill]}</span>
            <span className={badge}>{DIFFICULTY_NAMES[q.difficulty]}</span>
            {q.lens && <span className={badge}>{LENS_NAMES[q.lens]} lens</span>}
            {q.quality !== undefined ? (
              <span className={cn('rounded px-2 py-0.5 font-semibold', qualityTone(q.quality))}>
                Est. quality {Math.round(q.quality * 100)}%
              </span>
            ) : (
              <span className={badge}>{q.source === 'authored' ? 'Written by hand' : 'Generated'}</span>
            )}
            {q.concepts.map((c) => (
              <span
                key={c}
                className="rounded bg-indigo-50 px-2 py-0.5 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
              >
                {c}
              </span>
            ))}
          </div>
          <p id={promptId} className="font-semibold">
            {q.prompt}
          </p>
          <QuestionSummary question={q} />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <span className="font-medium">Explanation: </span>
            {q.explanation}
          </p>
          <ul className="space-y-1 border-l-4 border-sky-300 pl-3 font-serif text-sm dark:border-sky-700">
            {q.evidence.map((id) => {
              const sentence = sentences.get(id);
              return (
                <li key={id} data-evidence={id} className={cn(!sentence && 'text-red-700 dark:text-red-300')}>
                  <span className="font-sans text-xs text-slate-600 dark:text-slate-400">
                    {sentence ? `¶${sentence.paragraph} ` : ''}
                  </span>
                  {sentence?.text ??
                    'A sentence no longer in the reading: edit the question to pick another.'}
                </li>
              );
            })}
          </ul>
          {missing > 0 && (
            <p className="text-sm font-medium text-red-700 dark:text-red-300">
              {missing === 1 ? 'One evidence sentence is' : `${missing} evidence sentences are`} no longer in
              the reading.
            </p>
          )}
          <div className="flex flex-wrap items-start gap-2">
            {STATUSES.filter((s) => s !== row.status).map((s) => (
              <ActionForm
                key={s}
                action={setQuestionStatusAction}
                submitLabel={s === 'approved' ? 'Approve' : s === 'retired' ? 'Reject' : 'Back to draft'}
                variant={s === 'approved' ? 'primary' : 'secondary'}
              >
                {hidden}
                <input type="hidden" name="questionId" value={row.id} />
                <input type="hidden" name="status" value={s} />
              </ActionForm>
            ))}
            <Link href={editHref} className={buttonClasses('secondary')}>
              Edit<span className="sr-only"> this question</span>
            </Link>
          </div>
          <PreviewDisclosure question={toStudentQuestion(q, row.id)} />
        </div>
      </div>
    </li>
  );
}

/** For an instructor who does not manage this bank: what a copy is, and the button to make one. */
function CopyBank({ reading, why }: { reading: ReadingSummary; why: string }) {
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/readings/${reading.slug}`} className="underline">
          {reading.title}
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">Question bank</h1>
      <p>{why}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your copy starts with every question of this bank that is not rejected, keeps their review status, and
        is yours alone: generate more, edit, approve and build quizzes for your classes.
      </p>
      <ActionForm action={copyBankAction} submitLabel="Make my own copy" pendingLabel="Copying…">
        <input type="hidden" name="readingId" value={reading.id} />
      </ActionForm>
    </div>
  );
}
