'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  createReadingDraft,
  deleteContextNote,
  deleteGlossaryTerm,
  getReadingById,
  saveContextNote,
  saveGlossaryTerm,
  updateReadingDetails,
} from '@/db/queries/readings';
import type { Reading } from '@/db/schema';
import { currentUser } from '@/lib/auth/session';
import { type FormState, invalidState } from '@/lib/form-state';
import { canEditReading } from '@/lib/reading/access';
import { SectionLayoutError, sectionsFromBreaks, validateSections } from '@/lib/reading/sections';
import { MAX_READING_BYTES, parseReading, ReadingParseError } from '@/questions/reading/parse';

const ended: FormState = {
  status: 'forbidden',
  message: 'Your session has ended. Sign in again to continue.',
};
const notYours: FormState = {
  status: 'forbidden',
  message: 'Only the person who created this reading can change it.',
};

/** The reading named in the form, if the signed-in user may edit it. */
async function editableReading(formData: FormData): Promise<{ reading: Reading } | { refusal: FormState }> {
  const user = await currentUser();
  if (!user) return { refusal: ended };
  const id = z.string().uuid().safeParse(formData.get('readingId'));
  if (!id.success) return { refusal: { status: 'invalid', message: 'No reading was named.' } };
  const reading = await getReadingById({ id: id.data });
  if (!reading || !canEditReading(reading, user.id)) return { refusal: notYours };
  return { reading };
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

const ACCEPTED_FILE = /\.(txt|md|markdown)$/i;

export async function createReadingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return ended;
  const file = formData.get('file');
  let body = text(formData, 'text');
  let format: 'text' | 'markdown' = text(formData, 'format') === 'markdown' ? 'markdown' : 'text';
  if (file instanceof File && file.size > 0) {
    if (!ACCEPTED_FILE.test(file.name)) {
      return {
        status: 'invalid',
        message: 'Upload a .txt or .md file.',
        fieldErrors: { file: ['Upload a .txt or .md file.'] },
      };
    }
    if (file.size > MAX_READING_BYTES) {
      return {
        status: 'invalid',
        message: 'The file is larger than 2 MB.',
        fieldErrors: { file: ['The file is larger than 2 MB.'] },
      };
    }
    body = await file.text();
    format = /\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'text';
  }
  const values = { title: text(formData, 'title'), author: text(formData, 'author') };
  if (!body.trim()) {
    return {
      status: 'invalid',
      message: 'Paste the essay or upload a file.',
      fieldErrors: { text: ['Paste the essay or upload a file.'] },
      values,
    };
  }
  if (values.title.length > 200 || values.author.length > 200) {
    return { status: 'invalid', message: 'Title and author can be up to 200 characters.', values };
  }
  let reading: Reading;
  try {
    const parsed = parseReading({ text: body, format, title: values.title, author: values.author });
    reading = await createReadingDraft({ createdBy: user.id, parsed });
  } catch (error) {
    if (error instanceof ReadingParseError)
      return { status: 'invalid', message: error.message, fieldErrors: { text: [error.message] }, values };
    throw error;
  }
  revalidatePath('/teach/readings');
  redirect(`/teach/readings/${reading.id}`);
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => v.trim() || null);

const detailsSchema = z.object({
  title: z.string().trim().min(1, 'Give the reading a title.').max(200, 'Use at most 200 characters.'),
  author: optionalText(200),
  authorNote: optionalText(1000),
  source: optionalText(200),
  publishedOn: optionalText(50),
  guidedMode: z.boolean(),
});

export async function updateDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const parsed = detailsSchema.safeParse({
    title: text(formData, 'title'),
    author: text(formData, 'author'),
    authorNote: text(formData, 'authorNote'),
    source: text(formData, 'source'),
    publishedOn: text(formData, 'publishedOn'),
    guidedMode: formData.get('guidedMode') === 'on',
  });
  if (!parsed.success) return invalidState(parsed.error);
  await updateReadingDetails({ readingId: found.reading.id, details: parsed.data });
  revalidateReading(found.reading);
  return { status: 'ok', message: 'Details saved.' };
}

export async function updateSectionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const { paragraphs } = found.reading;
  const breaks = new Set(formData.getAll('break').filter((v): v is string => typeof v === 'string'));
  const titles = new Map(paragraphs.map((p) => [p.id, text(formData, `title:${p.id}`)]));
  try {
    const sections = validateSections(paragraphs, sectionsFromBreaks(paragraphs, breaks, titles));
    await updateReadingDetails({ readingId: found.reading.id, details: { sections } });
  } catch (error) {
    if (error instanceof SectionLayoutError) return { status: 'invalid', message: error.message };
    throw error;
  }
  revalidateReading(found.reading);
  return { status: 'ok', message: 'Sections saved.' };
}

const glossarySchema = z.object({
  id: z.string().uuid().optional(),
  term: z.string().trim().min(1, 'Enter the term.').max(120, 'Use at most 120 characters.'),
  definition: z.string().trim().min(1, 'Write a definition.').max(1500, 'Use at most 1,500 characters.'),
  aliases: z
    .string()
    .max(500)
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
});

export async function saveGlossaryTermAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const parsed = glossarySchema.safeParse({
    id: text(formData, 'id') || undefined,
    term: text(formData, 'term'),
    definition: text(formData, 'definition'),
    aliases: text(formData, 'aliases'),
  });
  if (!parsed.success) return invalidState(parsed.error);
  await saveGlossaryTerm({ readingId: found.reading.id, ...parsed.data });
  revalidateReading(found.reading);
  return { status: 'ok', message: parsed.data.id ? 'Term saved.' : 'Term added.' };
}

export async function deleteGlossaryTermAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const id = z.string().uuid().safeParse(formData.get('id'));
  if (!id.success) return { status: 'invalid', message: 'No term was named.' };
  await deleteGlossaryTerm({ readingId: found.reading.id, id: id.data });
  revalidateReading(found.reading);
  return { status: 'ok', message: 'Term removed.' };
}

export async function saveNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const paragraphIds = found.reading.paragraphs.map((p) => p.id);
  const parsed = z
    .object({
      id: z.string().uuid().optional(),
      paragraphId: z
        .string()
        .refine((id) => paragraphIds.includes(id), 'Choose a paragraph of this reading.'),
      title: z.string().trim().min(1, 'Give the note a title.').max(120, 'Use at most 120 characters.'),
      body: z.string().trim().min(1, 'Write the note.').max(2000, 'Use at most 2,000 characters.'),
    })
    .safeParse({
      id: text(formData, 'id') || undefined,
      paragraphId: text(formData, 'paragraphId'),
      title: text(formData, 'title'),
      body: text(formData, 'body'),
    });
  if (!parsed.success) return invalidState(parsed.error);
  await saveContextNote({ readingId: found.reading.id, ...parsed.data });
  revalidateReading(found.reading);
  return { status: 'ok', message: parsed.data.id ? 'Note saved.' : 'Note added.' };
}

export async function deleteNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const id = z.string().uuid().safeParse(formData.get('id'));
  if (!id.success) return { status: 'invalid', message: 'No note was named.' };
  await deleteContextNote({ readingId: found.reading.id, id: id.data });
  revalidateReading(found.reading);
  return { status: 'ok', message: 'Note removed.' };
}

export async function setPublishedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await editableReading(formData);
  if ('refusal' in found) return found.refusal;
  const publish = formData.get('publish') === 'true';
  await updateReadingDetails({
    readingId: found.reading.id,
    details: { status: publish ? 'published' : 'draft' },
  });
  revalidateReading(found.reading);
  return {
    status: 'ok',
    message: publish ? 'Published: every student can now open it.' : 'Back to draft: only you can see it.',
  };
}

function revalidateReading(reading: Reading) {
  revalidatePath(`/teach/readings/${reading.id}`);
  revalidatePath(`/readings/${reading.slug}`);
  revalidatePath('/readings');
}
