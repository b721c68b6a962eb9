import { ActionForm } from '@/components/ui/action-form';
import { cn } from '@/components/ui/cn';
import type { Reading } from '@/db/schema';
import {
  deleteParagraphAction,
  editParagraphAction,
  insertParagraphAction,
  mergeParagraphsAction,
  splitParagraphAction,
} from '@/lib/server/actions/reading-editor';
import type { ReadingParagraph } from '@/questions/reading/types';

const toolClass =
  'group rounded-md border border-slate-200 open:basis-full open:border-slate-300 open:p-3 dark:border-slate-700 dark:open:border-slate-600';
const summaryClass =
  'cursor-pointer list-none rounded-md px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 group-open:mb-2 group-open:px-0 group-open:hover:bg-transparent dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden';
const textareaClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-serif text-base dark:border-slate-600 dark:bg-slate-950';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The text of a draft reading, a page of paragraphs at a time, with a tool for each change the
 * engine can make while keeping sentence ids: edit the text, split before a sentence, merge with
 * the next paragraph, delete, and add a paragraph. Native forms and disclosures only.
 */
export function ReadingTextEditor({
  reading,
  from,
  to,
  revision,
  questionsByParagraph,
}: {
  reading: Reading;
  from: number;
  to: number;
  /** The fingerprint of the text shown; an edit on a text changed since is refused. */
  revision: string;
  questionsByParagraph: Map<string, number>;
}) {
  const hidden = (
    <>
      <input type="hidden" name="readingId" value={reading.id} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
  return (
    <div className="space-y-3">
      {from === 0 && (
        <details className={cn(toolClass, 'inline-block')}>
          <summary className={summaryClass}>Add a paragraph at the start</summary>
          <InsertForm hidden={hidden} afterParagraphId="" label="Text of the new first paragraph" />
        </details>
      )}
      <ol className="space-y-4" start={from + 1}>
        {reading.paragraphs.slice(from, to).map((paragraph, offset) => {
          const index = from + offset;
          return (
            <ParagraphRow
              key={paragraph.id}
              paragraph={paragraph}
              number={index + 1}
              next={reading.paragraphs[index + 1] ?? null}
              questions={questionsByParagraph.get(paragraph.id) ?? 0}
              hidden={hidden}
            />
          );
        })}
      </ol>
    </div>
  );
}

function ParagraphRow({
  paragraph,
  number,
  next,
  questions,
  hidden,
}: {
  paragraph: ReadingParagraph;
  number: number;
  next: ReadingParagraph | null;
  questions: number;
  hidden: React.ReactNode;
}) {
  const resting = questions ? `${plural(questions, 'question rests', 'questions rest')} on it` : null;
  return (
    <li
      data-edit-paragraph={paragraph.id}
      aria-labelledby={`para-${paragraph.id}-title`}
      className="space-y-2 border-b border-slate-100 pb-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
        <h3 id={`para-${paragraph.id}-title`} className="font-semibold">
          Paragraph {number}
        </h3>
        <span className="text-slate-600 dark:text-slate-400">
          {plural(paragraph.sentences.length, 'sentence', 'sentences')}
          {resting && ` · ${resting}`}
        </span>
      </div>
      <p className="font-serif text-slate-800 dark:text-slate-200">
        {paragraph.sentences.map((sentence, i) => (
          <span key={sentence.id} data-edit-sentence={sentence.id}>
            {i > 0 && ' '}
            <span aria-hidden="true" className="align-super font-sans text-[0.65rem] text-slate-500">
              {i + 1}
            </span>
            {sentence.text}
          </span>
        ))}
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <details className={toolClass}>
          <summary className={summaryClass}>Edit text</summary>
          <ActionForm action={editParagraphAction} submitLabel="Save paragraph">
            {hidden}
            <input type="hidden" name="paragraphId" value={paragraph.id} />
            <label htmlFor={`text-${paragraph.id}`} className="block text-sm font-medium">
              Text of paragraph {number}
            </label>
            <textarea
              id={`text-${paragraph.id}`}
              name="text"
              rows={Math.min(12, Math.max(3, Math.ceil(paragraph.text.length / 90)))}
              defaultValue={paragraph.text}
              maxLength={20_000}
              aria-describedby={`text-${paragraph.id}-hint`}
              className={textareaClass}
            />
            <p id={`text-${paragraph.id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
              A sentence you leave alone, or change by less than half its words, keeps its highlights and the
              questions resting on it; a sentence rewritten more than that counts as new.
            </p>
          </ActionForm>
        </details>
        {paragraph.sentences.length > 1 && (
          <details className={toolClass}>
            <summary className={summaryClass}>Split…</summary>
            <ActionForm action={splitParagraphAction} submitLabel={`Split paragraph ${number}`}>
              {hidden}
              <input type="hidden" name="paragraphId" value={paragraph.id} />
              <fieldset className="space-y-1">
                <legend className="mb-1 text-sm font-medium">Start the new paragraph at</legend>
                {paragraph.sentences.slice(1).map((sentence, i) => (
                  <label key={sentence.id} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name="beforeSentenceId"
                      value={sentence.id}
                      defaultChecked={i === 0}
                      className="mt-1"
                    />
                    <span>
                      <span className="font-medium">Sentence {i + 2}:</span>{' '}
                      <span className="font-serif">{sentence.text}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            </ActionForm>
          </details>
        )}
        {next && (
          <ActionForm
            action={mergeParagraphsAction}
            submitLabel={`Merge with paragraph ${number + 1}`}
            pendingLabel="Merging…"
            variant="secondary"
          >
            {hidden}
            <input type="hidden" name="firstId" value={paragraph.id} />
            <input type="hidden" name="secondId" value={next.id} />
          </ActionForm>
        )}
        <details className={toolClass}>
          <summary className={summaryClass}>Delete…</summary>
          <p className="mb-2 text-sm">
            Delete paragraph {number} and its {plural(paragraph.sentences.length, 'sentence', 'sentences')}?
            {resting
              ? ` ${resting}: after deleting, ${questions === 1 ? 'it shows its' : 'they show their'} evidence as missing in the question bank until you pick other sentences or reject ${questions === 1 ? 'it' : 'them'}.`
              : ' No question rests on it.'}{' '}
            Context notes beside it move beside a neighbouring paragraph.
          </p>
          <ActionForm
            action={deleteParagraphAction}
            submitLabel={`Delete paragraph ${number}`}
            pendingLabel="Deleting…"
            variant="secondary"
          >
            {hidden}
            <input type="hidden" name="paragraphId" value={paragraph.id} />
          </ActionForm>
        </details>
        <details className={toolClass}>
          <summary className={summaryClass}>Add a paragraph after</summary>
          <InsertForm
            hidden={hidden}
            afterParagraphId={paragraph.id}
            label={`Text of the new paragraph after paragraph ${number}`}
          />
        </details>
      </div>
    </li>
  );
}

function InsertForm({
  hidden,
  afterParagraphId,
  label,
}: {
  hidden: React.ReactNode;
  afterParagraphId: string;
  label: string;
}) {
  const id = `insert-after-${afterParagraphId || 'start'}`;
  return (
    <ActionForm action={insertParagraphAction} submitLabel="Add paragraph" resetOnSuccess>
      {hidden}
      <input type="hidden" name="afterParagraphId" value={afterParagraphId} />
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name="text" rows={3} maxLength={20_000} className={textareaClass} />
    </ActionForm>
  );
}
