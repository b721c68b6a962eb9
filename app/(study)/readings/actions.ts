'use server';

import { z } from 'zod';
import { getQuestionRow, recordGuidedAnswer } from '@/db/queries/questions';
import { deleteHighlight, getReadingBySlug, saveHighlight, saveReadingProgress } from '@/db/queries/readings';
import { ensureGlossaryCards } from '@/db/queries/review';
import { withUser } from '@/lib/action';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { canViewReading } from '@/lib/reading/access';
import { gradeResponse } from '@/questions/grade';
import { parseResponseFor } from '@/questions/schema';

const slug = z.string().min(1).max(200);
const notFound = {
  status: 'not-found' as const,
  message: 'That reading does not exist or is not open to you.',
};

const progressInput = z.object({
  slug,
  paragraphId: z.string().regex(/^p\d+$/),
  furthestParagraph: z.number().int().min(0).max(100_000),
  sectionsRead: z.array(z.string().regex(/^sec\d+$/)).max(1000),
});

/** Saves where the student is in a reading (called as they scroll, debounced). */
export const saveProgressAction = withUser(progressInput, async (input, user) => {
  const reading = await getReadingBySlug({ slug: input.slug });
  if (!reading || !canViewReading(reading, user.id)) return notFound;
  const paragraphIds = reading.paragraphs.map((p) => p.id);
  const sectionIds = new Set(reading.sections.map((s) => s.id));
  if (!paragraphIds.includes(input.paragraphId) || input.sectionsRead.some((id) => !sectionIds.has(id))) {
    return { status: 'invalid' as const, message: 'That place is not in this reading.' };
  }
  const furthest = Math.min(input.furthestParagraph, paragraphIds.length);
  const saved = await saveReadingProgress({
    userId: user.id,
    readingId: reading.id,
    lastParagraphId: input.paragraphId,
    furthestParagraph: furthest,
    sectionsRead: input.sectionsRead,
    completed: furthest >= paragraphIds.length,
  });
  // The first save on a reading makes its glossary terms into the student's flashcards.
  if (saved.firstSave) await ensureGlossaryCards({ userId: user.id, readingId: reading.id });
  return {
    status: 'ok' as const,
    data: { sectionsRead: saved.sectionsRead, furthestParagraph: saved.furthestParagraph },
  };
});

const highlightInput = z.object({
  slug,
  sentenceId: z.string().regex(/^p\d+\.s\d+$/),
  note: z
    .string()
    .max(2000, 'Notes can be up to 2,000 characters.')
    .transform((n) => n.trim() || null)
    .nullable(),
});

export const saveHighlightAction = withUser(highlightInput, async (input, user) => {
  const reading = await getReadingBySlug({ slug: input.slug });
  if (!reading || !canViewReading(reading, user.id)) return notFound;
  const exists = reading.paragraphs.some((p) => p.sentences.some((s) => s.id === input.sentenceId));
  if (!exists) return { status: 'invalid' as const, message: 'That sentence is not in this reading.' };
  const highlight = await saveHighlight({
    userId: user.id,
    readingId: reading.id,
    sentenceId: input.sentenceId,
    note: input.note,
  });
  return {
    status: 'ok' as const,
    data: { id: highlight.id, sentenceId: highlight.sentenceId, note: highlight.note },
  };
});

export const removeHighlightAction = withUser(
  z.object({ highlightId: z.string().uuid() }),
  async (input, user) => {
    const removed = await deleteHighlight({ userId: user.id, highlightId: input.highlightId });
    return removed
      ? { status: 'ok' as const }
      : { status: 'not-found' as const, message: 'That highlight is already gone.' };
  },
);

const guidedInput = z.object({ slug, questionId: z.string().min(1).max(120), response: z.unknown() });

/** Grades a guided question answered beside the text; students may try again as often as they like. */
export const answerGuidedQuestionAction = withUser(guidedInput, async (input, user) => {
  const reading = await getReadingBySlug({ slug: input.slug });
  if (!reading || !canViewReading(reading, user.id)) return notFound;
  const row = await getQuestionRow({ id: input.questionId });
  if (!row || row.readingId !== reading.id || row.status !== 'approved') {
    return { status: 'not-found' as const, message: 'That question is not part of this reading.' };
  }
  const checked = parseResponseFor(row.data, input.response);
  if (!checked.ok) return { status: 'invalid' as const, message: checked.message };
  const result = gradeResponse(row.data, checked.response);
  await recordGuidedAnswer({
    userId: user.id,
    questionId: row.id,
    readingId: reading.id,
    response: checked.response,
    score: result.score,
  });
  return { status: 'ok' as const, data: toFeedbackView(row.data, result) };
});
