import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type Question, questionSchema } from './schema';

/** `content/<slug>/questions.json`: a reading's authored questions. */
export const bankFileSchema = z.object({
  readingSlug: z.string(),
  questions: z.array(questionSchema),
});

const defaultContentDir = () => path.join(process.cwd(), 'content');

/** The authored questions of one reading; an empty list when it has none. Throws on a malformed file. */
export function loadAuthoredBank(readingSlug: string, contentDir = defaultContentDir()): Question[] {
  const file = path.join(/*turbopackIgnore: true*/ contentDir, readingSlug, 'questions.json');
  if (!existsSync(/*turbopackIgnore: true*/ file)) return [];
  const bank = bankFileSchema.parse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8')));
  const stray = bank.questions.find((q) => q.readingSlug !== readingSlug);
  if (stray) throw new Error(`${file}: question ${stray.id} belongs to ${stray.readingSlug}`);
  return bank.questions;
}

/** Every authored question under content/, by id. */
export function loadAllAuthoredQuestions(contentDir = defaultContentDir()): Map<string, Question> {
  const byId = new Map<string, Question>();
  if (!existsSync(/*turbopackIgnore: true*/ contentDir)) return byId;
  for (const entry of readdirSync(/*turbopackIgnore: true*/ contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const question of loadAuthoredBank(entry.name, contentDir)) {
      if (byId.has(question.id)) throw new Error(`Question id ${question.id} is used twice`);
      byId.set(question.id, question);
    }
  }
  return byId;
}
