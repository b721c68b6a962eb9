import type { Metadata } from 'next';
import Link from 'next/link';
import { TermListImport } from '@/components/reading-editor/term-list-import';
import { ReadingTextEditor } from '@/components/reading-editor/text-editor';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { listQuestionEvidence } from '@/db/queries/questions';
import { listGlossary, listNotes } from '@/db/queries/readings';
import { questionsOnText, textRevision } from '@/lib/reading/paragraph-edits';
import {
  deleteGlossaryTermAction,
  deleteNoteAction,
  saveGlossaryTermAction,
  saveNoteAction,
  setPublishedAction,
  updateDetailsAction,
  updateSectionsAction,
} from '@/lib/server/actions/reading-editor';
import { readingToEdit } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { plural } from '@/lib/words';

export const metadata: Metadata = { title: 'Edit reading' };

const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-900';
const cardClass =
  'space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** Paragraphs shown at once in the sections editor: a long reading is edited a page at a time. */
const PARAGRAPHS_PER_PAGE = 100;

export default async function EditReadingPage({
  params,
  searchParams,
}: PageProps<'/teach/readings/[readingId]'>) {
  const { readingId } = await params;
  const { page } = await searchParams;
  const user = await requireUser(`/teach/readings/${readingId}`);
  const { reading } = await grantedOrNotFound(readingToEdit(user, readingId));
  const pageCount = Math.max(1, Math.ceil(reading.paragraphs.length / PARAGRAPHS_PER_PAGE));
  const pageNumber = Math.min(
    pageCount,
    Math.max(1, Number.parseInt(typeof page === 'string' ? page : '1', 10) || 1),
  );
  const from = (pageNumber - 1) * PARAGRAPHS_PER_PAGE;
  const to = Math.min(reading.paragraphs.length, from + PARAGRAPHS_PER_PAGE);
  const [glossary, notes, evidence] = await Promise.all([
    listGlossary({ readingId }),
    listNotes({ readingId }),
    listQuestionEvidence({ readingId }),
  ]);
  const sectionStart = new Map(reading.sections.map((s) => [s.paragraphIds[0], s.title]));
  const published = reading.status === 'published';
  const hidden = <input type="hidden" name="readingId" value={reading.id} />;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href="/teach/readings" className="underline">
              Your readings
            </Link>{' '}
            / {published ? 'Published' : 'Draft'}
          </p>
          <h1 className="font-serif text-3xl font-bold">{reading.title}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {plural(reading.paragraphs.length, 'paragraph')} · {plural(reading.sections.length, 'section')} ·{' '}
            {plural(reading.wordCount, 'word')} · {reading.readingMinutes} min read
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <Link
            href={`/teach/readings/${reading.id}/questions`}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600"
          >
            Question bank
          </Link>
          <Link
            href={`/readings/${reading.slug}`}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600"
          >
            Preview as a student
          </Link>
          <ActionForm
            action={setPublishedAction}
            submitLabel={published ? 'Unpublish' : 'Publish'}
            variant={published ? 'secondary' : 'primary'}
          >
            {hidden}
            <input type="hidden" name="publish" value={published ? 'false' : 'true'} />
          </ActionForm>
        </div>
      </div>

      <section aria-labelledby="details-title" className={cardClass}>
        <h2 id="details-title" className="text-lg font-semibold">
          Details
        </h2>
        <ActionForm action={updateDetailsAction} submitLabel="Save details">
          {hidden}
          <Field label="Title" name="title" defaultValue={reading.title} maxLength={200} required />
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Author" name="author" defaultValue={reading.author ?? ''} maxLength={200} />
            <Field label="Source" name="source" defaultValue={reading.source ?? ''} maxLength={200} />
            <Field label="Date" name="publishedOn" defaultValue={reading.publishedOn ?? ''} maxLength={50} />
          </div>
          <div className="space-y-1">
            <label htmlFor="author-note" className={labelClass}>
              About the author
            </label>
            <textarea
              id="author-note"
              name="authorNote"
              rows={2}
              maxLength={1000}
              defaultValue={reading.authorNote ?? ''}
              className={inputClass}
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="guidedMode" defaultChecked={reading.guidedMode} />
            Guided mode: each section opens once the guided question before it is answered
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="text-title" className={cardClass}>
        <h2 id="text-title" className="text-lg font-semibold">
          Text
        </h2>
        {published ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-text-locked>
            The text of a published reading is locked: students’ highlights and notes, and the questions of
            every question bank on it, point at its sentences. To change paragraphs, unpublish the reading
            first (students can no longer open it meanwhile). Sentences you keep keep their highlights and
            questions; a sentence you delete takes its highlights with it, and questions resting on it show
            their evidence as missing until you pick other sentences or reject them.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Fix what the import got wrong before you publish: edit a paragraph’s text, split one, merge it
              with the next, delete one, or add one. Questions and highlights keep pointing at the same
              sentences wherever a merge or a split moves them.
            </p>
            {pageCount > 1 && (
              <SectionsPager
                readingId={reading.id}
                pageNumber={pageNumber}
                pageCount={pageCount}
                from={from}
                to={to}
                total={reading.paragraphs.length}
                label="Paragraph pages (text)"
              />
            )}
            <ReadingTextEditor
              reading={reading}
              from={from}
              to={to}
              revision={textRevision(reading.paragraphs)}
              questionsByParagraph={questionsOnText(reading.paragraphs, evidence).byParagraph}
            />
          </>
        )}
      </section>

      <section aria-labelledby="sections-title" className={cardClass}>
        <h2 id="sections-title" className="text-lg font-semibold">
          Sections
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Tick the paragraphs that start a new section and give each section a title. The first paragraph
          always starts one.
        </p>
        {pageCount > 1 && (
          <SectionsPager
            readingId={reading.id}
            pageNumber={pageNumber}
            pageCount={pageCount}
            from={from}
            to={to}
            total={reading.paragraphs.length}
          />
        )}
        <ActionForm
          action={updateSectionsAction}
          submitLabel={pageCount > 1 ? 'Save sections on this page' : 'Save sections'}
        >
          {hidden}
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="to" value={to} />
          <ol className="space-y-2" start={from + 1}>
            {reading.paragraphs.slice(from, to).map((p, offset) => {
              const index = from + offset;
              const startTitle = sectionStart.get(p.id);
              return (
                <li
                  key={p.id}
                  className="grid gap-2 border-b border-slate-100 pb-2 sm:grid-cols-[11rem_1fr] dark:border-slate-800"
                >
                  <div className="space-y-1">
                    <label className="flex items-center gap-2 text-sm font-medium">
                      <input
                        type="checkbox"
                        name="break"
                        value={p.id}
                        defaultChecked={startTitle !== undefined || index === 0}
                        disabled={index === 0}
                      />
                      New section at ¶{index + 1}
                    </label>
                    {index === 0 && <input type="hidden" name="break" value={p.id} />}
                    <label className="sr-only" htmlFor={`title-${p.id}`}>
                      Title of the section starting at paragraph {index + 1}
                    </label>
                    <input
                      id={`title-${p.id}`}
                      name={`title:${p.id}`}
                      defaultValue={startTitle ?? ''}
                      placeholder="Section title"
                      maxLength={120}
                      className="block w-full rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
                    />
                  </div>
                  <p className="font-serif text-sm text-slate-700 dark:text-slate-300">
                    {p.text.length > 260 ? `${p.text.slice(0, 260)}…` : p.text}
                  </p>
                </li>
              );
            })}
          </ol>
        </ActionForm>
      </section>

      <section aria-labelledby="glossary-editor-title" className={cardClass}>
        <h2 id="glossary-editor-title" className="text-lg font-semibold">
          Glossary ({glossary.length})
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Terms are marked where they first appear in each section; students see the definition on hover,
          focus or tap.
        </p>
        {glossary.map((g) => (
          <div key={g.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <ActionForm action={saveGlossaryTermAction} submitLabel="Save term" variant="secondary">
              {hidden}
              <input type="hidden" name="id" value={g.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Term" name="term" id={`term-${g.id}`} defaultValue={g.term} maxLength={120} />
                <Field
                  label="Other forms, comma-separated"
                  name="aliases"
                  id={`aliases-${g.id}`}
                  defaultValue={g.aliases.join(', ')}
                />
              </div>
              <div className="space-y-1">
                <label htmlFor={`definition-${g.id}`} className={labelClass}>
                  Definition
                </label>
                <textarea
                  id={`definition-${g.id}`}
                  name="definition"
                  rows={2}
                  defaultValue={g.definition}
                  maxLength={1500}
                  className={inputClass}
                />
              </div>
            </ActionForm>
            <ActionForm
              action={deleteGlossaryTermAction}
              submitLabel={`Remove “${g.term}”`}
              variant="secondary"
              className="mt-2"
            >
              {hidden}
              <input type="hidden" name="id" value={g.id} />
            </ActionForm>
          </div>
        ))}
        <div className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-600">
          <h3 className="mb-2 font-medium">Add a term</h3>
          <ActionForm action={saveGlossaryTermAction} submitLabel="Add term" resetOnSuccess>
            {hidden}
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Term" name="term" id="new-term" maxLength={120} />
              <Field label="Other forms, comma-separated" name="aliases" id="new-aliases" />
            </div>
            <div className="space-y-1">
              <label htmlFor="new-definition" className={labelClass}>
                Definition
              </label>
              <textarea
                id="new-definition"
                name="definition"
                rows={2}
                maxLength={1500}
                className={inputClass}
              />
            </div>
          </ActionForm>
        </div>
        <TermListImport readingId={reading.id} />
      </section>

      <section aria-labelledby="notes-editor-title" className={cardClass}>
        <h2 id="notes-editor-title" className="text-lg font-semibold">
          Context notes ({notes.length})
        </h2>
        {/* One list of paragraphs for every note's field: a long reading stays one list, not one per note. */}
        <datalist id="reading-paragraphs">
          {reading.paragraphs.map((p, i) => (
            <option key={p.id} value={p.id}>
              ¶{i + 1}: {p.text.slice(0, 40)}…
            </option>
          ))}
        </datalist>
        <p id="paragraph-help" className="text-sm text-slate-600 dark:text-slate-400">
          Paragraphs are named p1, p2, …: type a number after the p, or pick from the list.
        </p>
        {[...notes, null].map((note) => {
          const key = note?.id ?? 'new';
          return (
            <div key={key} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              {!note && <h3 className="mb-2 font-medium">Add a note</h3>}
              <ActionForm
                action={saveNoteAction}
                submitLabel={note ? 'Save note' : 'Add note'}
                variant={note ? 'secondary' : 'primary'}
                resetOnSuccess={!note}
              >
                {hidden}
                {note && <input type="hidden" name="id" value={note.id} />}
                <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
                  <div className="space-y-1">
                    <label htmlFor={`paragraph-${key}`} className={labelClass}>
                      Beside paragraph
                    </label>
                    <input
                      id={`paragraph-${key}`}
                      name="paragraphId"
                      list="reading-paragraphs"
                      defaultValue={note?.paragraphId ?? 'p1'}
                      pattern="p[0-9]+"
                      aria-describedby="paragraph-help"
                      className={inputClass}
                    />
                  </div>
                  <Field
                    label="Title"
                    name="title"
                    id={`note-title-${key}`}
                    defaultValue={note?.title ?? ''}
                    maxLength={120}
                  />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`note-body-${key}`} className={labelClass}>
                    Note
                  </label>
                  <textarea
                    id={`note-body-${key}`}
                    name="body"
                    rows={3}
                    defaultValue={note?.body ?? ''}
                    maxLength={2000}
                    className={inputClass}
                  />
                </div>
              </ActionForm>
              {note && (
                <ActionForm
                  action={deleteNoteAction}
                  submitLabel={`Remove “${note.title}”`}
                  variant="secondary"
                  className="mt-2"
                >
                  {hidden}
                  <input type="hidden" name="id" value={note.id} />
                </ActionForm>
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}

function SectionsPager({
  readingId,
  pageNumber,
  pageCount,
  from,
  to,
  total,
  label = 'Paragraph pages',
}: {
  readingId: string;
  pageNumber: number;
  pageCount: number;
  from: number;
  to: number;
  total: number;
  label?: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      <span>
        Paragraphs {from + 1}–{to} of {total.toLocaleString('en')}
      </span>
      {pageNumber > 1 && (
        <Link href={`/teach/readings/${readingId}?page=${pageNumber - 1}`} className="underline">
          Previous
        </Link>
      )}
      {pageNumber < pageCount && (
        <Link href={`/teach/readings/${readingId}?page=${pageNumber + 1}`} className="underline">
          Next
        </Link>
      )}
    </nav>
  );
}
