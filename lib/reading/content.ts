import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ShippedReading } from '@/db/queries/readings';
import type { QuizSettings } from '@/db/schema';
import { parseReading } from '@/questions/reading/parse';
import { validateSections } from './sections';

const readingFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  author: z.string().optional(),
  publishedOn: z.string().optional(),
  guidedMode: z.boolean().default(false),
  sections: z.array(z.object({ title: z.string(), paragraphIds: z.array(z.string()) })).optional(),
  glossary: z.array(
    z.object({
      term: z.string().min(1),
      definition: z.string().min(1),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  notes: z.array(z.object({ paragraphId: z.string(), title: z.string().min(1), body: z.string().min(1) })),
});

const CONTENT_DIR = path.join(process.cwd(), 'content');

/** A reading that ships in content/<slug>/: the essay as given, plus reading.json (sections, glossary, notes). */
export function loadShippedReading(slug: string, contentDir = CONTENT_DIR): ShippedReading {
  const folder = path.join(/*turbopackIgnore: true*/ contentDir, slug);
  const file = readingFileSchema.parse(
    JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ folder, 'reading.json'), 'utf8')),
  );
  const essayName = readdirSync(/*turbopackIgnore: true*/ folder).find((f) => /^essay\.(txt|md)$/.test(f));
  if (!essayName) throw new Error(`content/${slug} has no essay.txt or essay.md`);
  const reading = parseReading({
    text: readFileSync(path.join(/*turbopackIgnore: true*/ folder, essayName), 'utf8'),
    format: essayName.endsWith('.md') ? 'markdown' : 'text',
    title: file.title,
    author: file.author,
  });
  if (file.publishedOn) reading.publishedOn = file.publishedOn;
  if (file.sections) reading.sections = validateSections(reading.paragraphs, file.sections);
  const ids = new Set(reading.paragraphs.map((p) => p.id));
  for (const note of file.notes) {
    if (!ids.has(note.paragraphId))
      throw new Error(
        `content/${slug}: note "${note.title}" points at ${note.paragraphId}, which does not exist`,
      );
  }
  return {
    slug: file.slug,
    guidedMode: file.guidedMode,
    reading,
    glossary: file.glossary,
    notes: file.notes,
  };
}

export function shippedReadingSlugs(contentDir = CONTENT_DIR): string[] {
  return readdirSync(/*turbopackIgnore: true*/ contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const quizFileSchema = z.object({
  title: z.string().min(1).max(200),
  questionIds: z.array(z.string()).min(1),
  settings: z.object({
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    attemptsAllowed: z.number().int().positive().nullable(),
    timeLimitMinutes: z.number().int().positive().nullable(),
    passMark: z.number().min(0).max(100),
    feedback: z.enum(['each-question', 'after-submit', 'after-due']),
    confidence: z.boolean(),
  }),
});

/** content/<slug>/quiz.json: the reading's default quiz, naming questions of its authored bank. */
export function loadShippedQuiz(
  slug: string,
  bankIds: Set<string>,
  contentDir = CONTENT_DIR,
): { title: string; questionIds: string[]; settings: QuizSettings } | null {
  const file = path.join(/*turbopackIgnore: true*/ contentDir, slug, 'quiz.json');
  if (!existsSync(file)) return null;
  const quiz = quizFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const missing = quiz.questionIds.find((id) => !bankIds.has(id));
  if (missing) throw new Error(`content/${slug}/quiz.json names ${missing}, which is not in questions.json`);
  return quiz;
}
