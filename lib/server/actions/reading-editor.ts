'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { listQuestionEvidence } from '@/db/queries/questions';
import {
  changeReadingText,
  deleteContextNote,
  deleteGlossaryTerm,
  importGlossaryTerms,
  listGlossary,
  saveContextNote,
  saveGlossaryTerm,
  updateReadingDetails,
} from '@/db/queries/readings';
import type { Reading } from '@/db/schema';
import { createNewReading, prepareNewReading } from '@/lib/reading/create';
import { READING_LIMITS, readingTooLarge } from '@/lib/reading/limits';
import {
  type AppliedEdit,
  applyParagraphEdit,
  type ParagraphEdit,
  questionsOnText,
  ReadingEditError,
  textRevision,
} from '@/lib/reading/paragraph-edits';
import { SectionLayoutError, sectionsWithBreaks, validateSections } from '@/lib/reading/sections';
import { previewTermList, type TermListPreview, termsToWrite } from '@/lib/reading/term-list-import';
import { action } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { readingToEdit } from '@/lib/server/policy';
import { done, ok, type Result, refuse } from '@/lib/server/result';
import { GLOSSARY_MOST, TERM_LIST_LIMITS, TermListTooLargeError } from '@/questions/glossary/term-list';

const readingId = field.id('That reading');
const _megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function revalidateReading(reading: Reading) {
  revalidatePath(`/teach/readings/${reading.id}`);
  revalidatePath(`/readings/${reading.slug}`);
  revalidatePath('/readings');
}

/** A new reading from the form, without scripts (with them, the page uses POST /api/readings/import). */
export const createReadingAction = action({
  name: 'readings.create',
  input: z.object({
    title: z.string().trim().max(200, 'Title and author can be up to 200 characters.').default(''),
    author: z.string().trim().max(200, 'Title and author can be up to 200 characters.').default(''),
    text: z.string().default(''),
    format: z.enum(['text', 'markdown', 'html']).catch('text'),
    file: z.instanceof(File).optional().catch(undefined),
  }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    const file = input.file && input.file.size > 0 ? input.file : null;
    const prepared = prepareNewReading({
      ...input,
      file: file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : null,
    });
    if (prepared.status !== 'ok') return prepared;
    const created = await createNewReading(prepared.data, user.id);
    if (created.status !== 'ok') return created;
    revalidatePath('/teach/readings');
    redirect(`/teach/readings/${created.data.readingId}`);
  },
});

export const updateDetailsAction = action({
  name: 'readings.updateDetails',
  input: z.object({
    readingId,
    title: field.text(200, 'The title'),
    author: field.optionalText(200),
    authorNote: field.optionalText(1000),
    source: field.optionalText(200),
    publishedOn: field.optionalText(50),
    guidedMode: field.checkbox(),
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async ({ readingId: _id, ...details }, { reading }) => {
    await updateReadingDetails({ readingId: reading.id, details });
    revalidateReading(reading);
    return done('Details saved.');
  },
});

/**
 * Saves the section breaks and titles of one page of paragraphs (`from` to `to`): paragraphs on
 * other pages keep theirs, so a long reading is edited a page at a time.
 */
export const updateSectionsAction = action({
  name: 'readings.updateSections',
  input: z
    .object({
      readingId,
      from: field.integer(0, READING_LIMITS.paragraphs),
      to: field.integer(1, READING_LIMITS.paragraphs),
      break: field.list(z.string().regex(/^p\d+$/), READING_LIMITS.paragraphs),
    })
    .catchall(z.unknown()),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    const { paragraphs } = reading;
    const onPage = paragraphs.slice(input.from, input.to).map((p) => p.id);
    if (onPage.length === 0) return refuse('invalid', 'Those paragraphs are not in this reading.');
    const titles = new Map<string, string>();
    for (const id of onPage) {
      const title = input[`title:${id}`];
      if (typeof title === 'string') titles.set(id, title);
    }
    try {
      const sections = validateSections(
        paragraphs,
        sectionsWithBreaks(reading, { paragraphIds: onPage, breaks: new Set(input.break), titles }),
      );
      await updateReadingDetails({ readingId: reading.id, details: { sections } });
    } catch (error) {
      if (error instanceof SectionLayoutError) return refuse('invalid', error.message);
      throw error;
    }
    revalidateReading(reading);
    return done('Sections saved.');
  },
});

export const saveGlossaryTermAction = action({
  name: 'readings.saveGlossaryTerm',
  input: z.object({
    readingId,
    id: field
      .id('That term')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    term: field.text(120, 'The term'),
    definition: field.text(1500, 'The definition'),
    aliases: z
      .string()
      .max(500, 'Use at most 500 characters for other forms.')
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .refine(
        (forms) => forms.length <= GLOSSARY_MOST.aliases,
        `List at most ${GLOSSARY_MOST.aliases} other forms.`,
      ),
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    const saved = await saveGlossaryTerm({
      readingId: reading.id,
      id: input.id,
      term: input.term,
      definition: input.definition,
      aliases: input.aliases,
      mostTerms: GLOSSARY_MOST.terms,
    });
    if (saved === 'full')
      return refuse(
        'conflict',
        `The glossary holds ${GLOSSARY_MOST.terms} terms already: remove one to add another.`,
      );
    if (saved === 'duplicate')
      return refuse('conflict', `“${input.term}” is already in the glossary: edit that entry instead.`, {
        fieldErrors: { term: ['This term is already in the glossary.'] },
      });
    if (saved === 'not-found') return refuse('not-found', 'That term is no longer in the glossary.');
    revalidateReading(reading);
    return done(input.id ? 'Term saved.' : 'Term added.');
  },
});

export const deleteGlossaryTermAction = action({
  name: 'readings.deleteGlossaryTerm',
  input: z.object({ readingId, id: field.id('That term') }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    await deleteGlossaryTerm({ readingId: reading.id, id: input.id });
    revalidateReading(reading);
    return done('Term removed.');
  },
});

const termList = {
  readingId,
  // Bounded here a little above the list's own limit, so that the list's limit gives the message.
  text: z
    .string()
    .max(TERM_LIST_LIMITS.bytes * 2, `Paste at most ${TERM_LIST_LIMITS.bytes / 1000} kB at a time.`)
    .default(''),
  separator: z.enum(['auto', 'tab', 'comma', 'custom']).catch('auto'),
  custom: z.string().max(10, 'A custom separator can be up to 10 characters.').default(''),
};

async function readTermList(
  reading: Reading,
  input: { text: string; separator: 'auto' | 'tab' | 'comma' | 'custom'; custom: string },
): Promise<Result<TermListPreview>> {
  if (input.text.trim() === '')
    return refuse('invalid', 'Paste a term list: one term a line, then a tab and its definition.', {
      fieldErrors: { text: ['Paste at least one line.'] },
    });
  if (input.separator === 'custom' && input.custom === '')
    return refuse('invalid', 'Type the custom separator, or choose another.', {
      fieldErrors: { custom: ['Type the separator your list uses.'] },
    });
  try {
    const preview = previewTermList({
      text: input.text,
      separator: input.separator,
      custom: input.custom,
      paragraphs: reading.paragraphs,
      glossary: await listGlossary({ readingId: reading.id }),
    });
    return ok(preview);
  } catch (error) {
    if (error instanceof TermListTooLargeError)
      return refuse('too-large', error.message, { fieldErrors: { text: [error.message] } });
    throw error;
  }
}

/** Reads a pasted term list against the reading and its glossary; writes nothing. */
export const previewTermListAction = action({
  name: 'readings.previewTermList',
  input: z.object(termList),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => readTermList(reading, input),
});

/**
 * Adds the previewed terms. The list is read again here, so what is written is what the preview
 * showed (its digest must match) and the choices are all the client decides.
 */
export const importTermListAction = action({
  name: 'readings.importTermList',
  input: z.object({
    ...termList,
    digest: z.string().regex(/^[0-9a-f]{32}$/, 'Preview the list again before adding it.'),
    duplicates: z.enum(['skip', 'replace'], { error: 'Choose to skip or replace the terms already there.' }),
    addAnyway: field.list(field.integer(1, TERM_LIST_LIMITS.lines, 'A line number'), TERM_LIST_LIMITS.lines),
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    const read = await readTermList(reading, input);
    if (read.status !== 'ok') return read;
    if (read.data.digest !== input.digest)
      return refuse(
        'conflict',
        'The reading or its glossary changed since the preview: preview the list again.',
      );
    const terms = termsToWrite(read.data, input);
    if (terms.length === 0) return refuse('invalid', 'No term to add: none was found in the text or ticked.');
    const counts = await importGlossaryTerms({
      readingId: reading.id,
      terms,
      duplicates: input.duplicates,
      most: GLOSSARY_MOST,
    });
    if (counts === 'full')
      return refuse(
        'conflict',
        `A glossary holds at most ${GLOSSARY_MOST.terms} terms; this list would pass that. Add fewer, or remove some first.`,
      );
    revalidateReading(reading);
    const left = read.data.rows.length - terms.length;
    const parts = [
      `${counts.added} term${counts.added === 1 ? '' : 's'} added`,
      counts.replaced > 0 && `${counts.replaced} definition${counts.replaced === 1 ? '' : 's'} replaced`,
      counts.skipped > 0 && `${counts.skipped} already in the glossary skipped`,
      left > 0 && `${left} not in the text left out`,
    ].filter(Boolean);
    return ok(counts, `${parts.join('; ')}.`);
  },
});

export const saveNoteAction = action({
  name: 'readings.saveNote',
  input: z.object({
    readingId,
    id: field
      .id('That note')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    paragraphId: z.string().regex(/^p\d+$/, 'Choose a paragraph of this reading.'),
    title: field.text(120, 'The note’s title'),
    body: field.text(2000, 'The note'),
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    if (!reading.paragraphs.some((p) => p.id === input.paragraphId))
      return refuse('invalid', 'Choose a paragraph of this reading.', {
        fieldErrors: { paragraphId: ['Choose a paragraph of this reading.'] },
      });
    const saved = await saveContextNote({
      readingId: reading.id,
      id: input.id,
      paragraphId: input.paragraphId,
      title: input.title,
      body: input.body,
    });
    if (!saved) return refuse('not-found', 'That note is no longer in this reading.');
    revalidateReading(reading);
    return done(input.id ? 'Note saved.' : 'Note added.');
  },
});

export const deleteNoteAction = action({
  name: 'readings.deleteNote',
  input: z.object({ readingId, id: field.id('That note') }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    await deleteContextNote({ readingId: reading.id, id: input.id });
    revalidateReading(reading);
    return done('Note removed.');
  },
});

export const setPublishedAction = action({
  name: 'readings.setPublished',
  input: z.object({ readingId, publish: z.enum(['true', 'false']) }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    const publish = input.publish === 'true';
    await updateReadingDetails({
      readingId: reading.id,
      details: { status: publish ? 'published' : 'draft' },
    });
    revalidateReading(reading);
    return done(
      publish ? 'Published: every student can now open it.' : 'Back to draft: only you can see it.',
    );
  },
});

// ---- Paragraphs: edit, merge, split, delete, insert (draft readings only) ----

const paragraphId = z.string().regex(/^p\d+$/, 'That paragraph is not in this reading.');
const sentenceId = z.string().regex(/^p\d+\.s\d+$/, 'That sentence is not in this reading.');
/** The fingerprint of the text the form was shown with (lib/reading/paragraph-edits.ts). */
const revision = z
  .string()
  .regex(/^[0-9a-f]{16}$/)
  .optional()
  .catch(undefined);
const paragraphText = z
  .string({ error: 'Write the paragraph’s text.' })
  .max(20_000, 'A paragraph can have up to 20,000 characters; split it into several.')
  .refine((v) => v.trim().length > 0, 'Write the paragraph’s text, or delete the paragraph instead.');

const PUBLISHED_TEXT_LOCKED =
  'Unpublish the reading to change its paragraphs. Students’ highlights and the questions of every bank point at its sentences, and students should not see the text change under them.';

class StaleTextError extends Error {}
class PublishedError extends Error {}
class TooLargeError extends Error {}

/**
 * Applies one paragraph edit under a lock on the reading: only a draft, only on the text the
 * form was shown with. Answers what changed, and which questions lost a sentence they rest on.
 */
async function editText(
  reading: Reading,
  edit: ParagraphEdit,
  shownRevision: string | undefined,
  said: (applied: AppliedEdit) => string,
): Promise<Result> {
  if (reading.status === 'published') return refuse('conflict', PUBLISHED_TEXT_LOCKED);
  let applied: AppliedEdit | undefined;
  try {
    await changeReadingText({
      readingId: reading.id,
      change: (current) => {
        if (current.status === 'published') throw new PublishedError();
        if (shownRevision && textRevision(current.paragraphs) !== shownRevision) throw new StaleTextError();
        applied = applyParagraphEdit(current, edit);
        const tooLarge = readingTooLarge(applied.reading);
        if (tooLarge) throw new TooLargeError(tooLarge);
        const { paragraphs, sections, wordCount, readingMinutes, issuedIds } = applied.reading;
        return {
          paragraphs,
          sections,
          wordCount,
          readingMinutes,
          issuedIds: issuedIds ?? null,
          moveNotes: applied.moveNotes,
        };
      },
    });
  } catch (error) {
    if (error instanceof ReadingEditError) return refuse('invalid', error.message);
    if (error instanceof TooLargeError) return refuse('too-large', error.message);
    if (error instanceof PublishedError) return refuse('conflict', PUBLISHED_TEXT_LOCKED);
    if (error instanceof StaleTextError)
      return refuse(
        'conflict',
        'The text has changed since this page was loaded (in another tab?). Reload the page and try again.',
      );
    throw error;
  }
  if (!applied) return refuse('not-found', 'That reading does not exist.');
  revalidateReading(reading);
  revalidatePath(`/teach/readings/${reading.id}/questions`);
  const orphaned = applied.retired.length
    ? questionsOnText(
        applied.reading.paragraphs,
        await listQuestionEvidence({ readingId: reading.id }),
      ).restingOn(applied.retired).length
    : 0;
  const warning =
    orphaned === 0
      ? ''
      : ` ${orphaned === 1 ? '1 question rested' : `${orphaned} questions rested`} on a sentence that is gone: pick ${orphaned === 1 ? 'its' : 'their'} evidence again in the question bank.`;
  return done(`${said(applied)}${warning}`);
}

export const editParagraphAction = action({
  name: 'readings.editParagraph',
  input: z.object({ readingId, paragraphId, text: paragraphText, revision }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) =>
    editText(
      reading,
      { kind: 'edit', paragraphId: input.paragraphId, text: input.text },
      input.revision,
      () => 'Paragraph saved.',
    ),
});

export const mergeParagraphsAction = action({
  name: 'readings.mergeParagraphs',
  input: z.object({ readingId, firstId: paragraphId, secondId: paragraphId, revision }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) =>
    editText(
      reading,
      { kind: 'merge', firstId: input.firstId, secondId: input.secondId },
      input.revision,
      () => 'Paragraphs merged.',
    ),
});

export const splitParagraphAction = action({
  name: 'readings.splitParagraph',
  input: z.object({
    readingId,
    paragraphId,
    beforeSentenceId: sentenceId.or(z.literal('').transform(() => null)).nullable(),
    revision,
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) => {
    if (!input.beforeSentenceId)
      return refuse('invalid', 'Choose the sentence the new paragraph starts with.', {
        fieldErrors: { beforeSentenceId: ['Choose the sentence the new paragraph starts with.'] },
      });
    return editText(
      reading,
      { kind: 'split', paragraphId: input.paragraphId, beforeSentenceId: input.beforeSentenceId },
      input.revision,
      () => 'Paragraph split in two.',
    );
  },
});

export const deleteParagraphAction = action({
  name: 'readings.deleteParagraph',
  input: z.object({ readingId, paragraphId, revision }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) =>
    editText(reading, { kind: 'delete', paragraphId: input.paragraphId }, input.revision, (applied) =>
      applied.moveNotes.length
        ? 'Paragraph deleted; its context notes, if any, moved beside its neighbour.'
        : 'Paragraph deleted.',
    ),
});

export const insertParagraphAction = action({
  name: 'readings.insertParagraph',
  input: z.object({
    readingId,
    afterParagraphId: paragraphId.or(z.literal('').transform(() => null)).nullable(),
    text: paragraphText,
    revision,
  }),
  rule: 'edit-reading',
  authorize: (user, input) => readingToEdit(user, input.readingId),
  run: async (input, { reading }) =>
    editText(
      reading,
      { kind: 'insert', afterParagraphId: input.afterParagraphId, text: input.text },
      input.revision,
      () => 'Paragraph added.',
    ),
});
