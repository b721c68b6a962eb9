import type { Metadata } from 'next';
import { NewReadingForm } from '@/components/reading-editor/new-reading-form';
import { ReadingFileInput } from '@/components/reading-editor/reading-file-input';
import { Field } from '@/components/ui/field';
import { READING_FILE_LIMITS } from '@/lib/reading/limits';
import { createReadingAction } from '@/lib/server/actions/reading-editor';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'New reading' };

const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-900';

export default async function NewReadingPage() {
  await requireUser('/teach/readings/new');
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">New reading</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Paste an essay or op-ed, or upload it as a PDF, a Word file, a saved web page or a .txt or .md file.
        Statecraft cleans away web-page leftovers (bylines, "More" links, "originally published in" lines),
        running heads, page numbers and footnotes, turns headings into sections, splits the text into
        paragraphs and sentences, and saves a draft only you can see. You can then adjust the sections, add a
        glossary and notes, and publish.
      </p>
      <NewReadingForm action={createReadingAction}>
        <Field label="Title (optional: found in the text when left empty)" name="title" maxLength={200} />
        <Field label="Author (optional)" name="author" maxLength={200} />
        <div className="space-y-1">
          <label htmlFor="reading-text" className={labelClass}>
            Essay text
          </label>
          <textarea id="reading-text" name="text" rows={14} className={inputClass} />
        </div>
        <fieldset className="space-y-1">
          <legend className={labelClass}>The pasted text is</legend>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="text" defaultChecked /> plain text
          </label>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="markdown" /> Markdown
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="html" /> a web page’s HTML
          </label>
        </fieldset>
        <ReadingFileInput maxBytes={READING_FILE_LIMITS.fileBytes} className="text-sm" />
      </NewReadingForm>
    </div>
  );
}
