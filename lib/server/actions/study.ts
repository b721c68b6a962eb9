'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordPracticeAnswer } from '@/db/queries/progress';
import { getQuestionRow, recordGuidedAnswer } from '@/db/queries/questions';
import { deleteHighlight, saveHighlight, saveReadingProgress } from '@/db/queries/readings';
import { ensureGlossaryCards, recordReview } from '@/db/queries/review';
import { setNewGlossaryCardsPerDay } from '@/db/queries/users';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { action } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { cardToOwn, highlightToOwn, questionReachesStudents, readingToView } from '@/lib/server/policy';
import { keptReadingToView } from '@/lib/server/reading-page';
import { done, ok, refuse } from '@/lib/server/result';
import { NEW_GLOSSARY_CARDS_PER_DAY } from '@/lib/srs/daily-limit';
import {
  applyRating,
  newCardFields,
  previewIntervals,
  RATINGS,
  type RatingName,
  suggestedRating,
} from '@/lib/srs/schedule';
import { gradeResponse } from '@/questions/grade';
import type { Question } from '@/questions/schema';
import { parseResponseFor } from '@/questions/schema';

// A student's own study: their place in a reading, highlights, guided questions, practice and review.

const slug = z.string().min(1, 'That reading does not exist.').max(200, 'That reading does not exist.');
const questionId = field.key(120, 'That question');

/**
 * Grades a response to a question that students may see; null when it is not one. `siblings` are
 * the questions answered beside it, so that an answer meant for another of them is noticed.
 */
function gradeOpenQuestion(question: Question, response: unknown, siblings: readonly Question[] = []) {
  const checked = parseResponseFor(question, response);
  if (!checked.ok) return refuse('invalid', checked.message);
  return { response: checked.response, result: gradeResponse(question, checked.response, { siblings }) };
}

/** Saves where the student is in a reading (called as they scroll, debounced). */
export const saveProgressAction = action({
  name: 'study.saveProgress',
  input: z.object({
    slug,
    paragraphId: z.string().regex(/^p\d+$/, 'That place is not in this reading.'),
    furthestParagraph: z.number().int().min(0).max(100_000),
    sectionsRead: z.array(z.string().regex(/^sec\d+$/)).max(1000),
  }),
  rule: 'view-reading',
  authorize: (user, input) => keptReadingToView(user, input.slug),
  run: async (input, { user, reading }) => {
    const paragraphIds = reading.paragraphs.map((p) => p.id);
    const sectionIds = new Set(reading.sections.map((s) => s.id));
    if (!paragraphIds.includes(input.paragraphId) || input.sectionsRead.some((id) => !sectionIds.has(id)))
      return refuse('invalid', 'That place is not in this reading.');
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
    if (saved.firstSave)
      await ensureGlossaryCards({
        userId: user.id,
        readingId: reading.id,
        fields: newCardFields(new Date()),
      });
    return ok({ sectionsRead: saved.sectionsRead, furthestParagraph: saved.furthestParagraph });
  },
});

export const saveHighlightAction = action({
  name: 'study.saveHighlight',
  input: z.object({
    slug,
    sentenceId: z.string().regex(/^p\d+\.s\d+$/, 'That sentence is not in this reading.'),
    note: field.optionalText(2000),
  }),
  rule: 'view-reading',
  authorize: (user, input) => keptReadingToView(user, input.slug),
  run: async (input, { user, reading }) => {
    const exists = reading.paragraphs.some((p) => p.sentences.some((s) => s.id === input.sentenceId));
    if (!exists) return refuse('invalid', 'That sentence is not in this reading.');
    const highlight = await saveHighlight({
      userId: user.id,
      readingId: reading.id,
      sentenceId: input.sentenceId,
      note: input.note,
    });
    return ok({ id: highlight.id, sentenceId: highlight.sentenceId, note: highlight.note });
  },
});

/** Removes one of the student's own highlights. */
export const removeHighlightAction = action({
  name: 'study.removeHighlight',
  input: z.object({ highlightId: field.id('That highlight') }),
  rule: 'own-highlight',
  authorize: (user, input) => highlightToOwn(user, input.highlightId),
  run: async (_input, { user, highlight }) => {
    const removed = await deleteHighlight({ userId: user.id, highlightId: highlight.id });
    return removed ? ok() : refuse('not-found', 'That highlight is already gone.');
  },
});

/** Grades a guided question answered beside the text; students may try again as often as they like. */
export const answerGuidedQuestionAction = action({
  name: 'study.answerGuidedQuestion',
  input: z.object({ slug, questionId, response: z.unknown() }),
  rule: 'view-reading',
  authorize: (user, input) => keptReadingToView(user, input.slug),
  run: async (input, { user, reading, guided }) => {
    const row = await getQuestionRow({ id: input.questionId });
    if (!row || row.readingId !== reading.id || row.ownerId !== null || !questionReachesStudents(row))
      return refuse('not-found', 'That question is not part of this reading.');
    // The reading's guided questions are answered side by side, as a quiz's are.
    const graded = gradeOpenQuestion(row.data, input.response, [...guided.values()].flat());
    if ('status' in graded) return graded;
    await recordGuidedAnswer({
      userId: user.id,
      questionId: row.id,
      readingId: reading.id,
      response: graded.response,
      score: graded.result.score,
    });
    return ok(toFeedbackView(row.data, graded.result));
  },
});

/** Practice: immediate feedback, counted for mastery, never for a grade. */
export const practiceAnswerAction = action({
  name: 'study.practiceAnswer',
  input: z.object({ questionId, response: z.unknown() }),
  rule: 'view-reading',
  authorize: async (user, input) => {
    const row = await getQuestionRow({ id: input.questionId });
    if (!row || row.ownerId !== null || !questionReachesStudents(row))
      return refuse('not-found', 'That question is not available for practice.');
    const granted = await readingToView(user, { id: row.readingId });
    return 'status' in granted
      ? refuse('not-found', 'That question is not available for practice.')
      : { row };
  },
  run: async (input, { user, row }) => {
    const graded = gradeOpenQuestion(row.data, input.response);
    if ('status' in graded) return graded;
    await recordPracticeAnswer({ userId: user.id, questionId: row.id, score: graded.result.score });
    return ok({ feedback: toFeedbackView(row.data, graded.result) });
  },
});

// ---- Spaced review ----

const cardId = field.id('That review card');
const durationMs = z.number().int().min(0).max(86_400_000);

/** The question behind a card, if it still reaches students (a retired question stops coming back). */
async function cardQuestion(questionId: string | null) {
  if (!questionId) return null;
  const row = await getQuestionRow({ id: questionId });
  return row && questionReachesStudents(row) ? row : null;
}

/** Grades the answer to a question card and suggests a rating, with when each rating brings it back. */
export const checkReviewAnswerAction = action({
  name: 'study.checkReviewAnswer',
  input: z.object({ cardId, response: z.unknown(), durationMs }),
  rule: 'own-card',
  authorize: (user, input) => cardToOwn(user, input.cardId),
  run: async (input, { card }) => {
    const row = await cardQuestion(card.questionId);
    if (!row) return refuse('not-found', 'That question is no longer in review.');
    const graded = gradeOpenQuestion(row.data, input.response);
    if ('status' in graded) return graded;
    const freeText = row.data.type === 'short-answer' || row.data.type === 'claim-evidence-reasoning';
    return ok({
      feedback: toFeedbackView(row.data, graded.result),
      suggested: suggestedRating(graded.result.score, input.durationMs, freeText),
      intervals: previewIntervals(card, new Date()),
    });
  },
});

/** When each rating would bring a flashcard back (shown once the definition is revealed). */
export const previewCardAction = action({
  name: 'study.previewCard',
  input: z.object({ cardId }),
  rule: 'own-card',
  authorize: (user, input) => cardToOwn(user, input.cardId),
  run: async (_input, { card }) => ok({ intervals: previewIntervals(card, new Date()) }),
});

/** Rates a review and reschedules the card with FSRS. */
export const rateCardAction = action({
  name: 'study.rateCard',
  input: z.object({
    cardId,
    rating: z.enum(Object.keys(RATINGS) as [RatingName, ...RatingName[]], {
      error: 'Choose Again, Hard, Good or Easy.',
    }),
    response: z.unknown().optional(),
    durationMs,
  }),
  rule: 'own-card',
  authorize: (user, input) => cardToOwn(user, input.cardId),
  run: async (input, { card }) => {
    let score: number | null = null;
    if (card.questionId && input.response !== undefined) {
      const row = await cardQuestion(card.questionId);
      const graded = row ? gradeOpenQuestion(row.data, input.response) : null;
      if (graded && !('status' in graded)) score = graded.result.score;
    }
    const now = new Date();
    const { fields, log } = applyRating(card, input.rating, now);
    await recordReview({
      card,
      fields,
      log: { ...log, score, durationMs: input.durationMs, reviewedAt: now },
    });
    return ok({ due: fields.due.toISOString() });
  },
});

/** The student's limit on new glossary cards a day (review page), applied when the day's cards are picked. */
export const setNewGlossaryLimitAction = action({
  name: 'study.setNewGlossaryLimit',
  input: z.object({
    perDay: field.integer(
      NEW_GLOSSARY_CARDS_PER_DAY.min,
      NEW_GLOSSARY_CARDS_PER_DAY.max,
      'Enter a whole number of new cards a day',
    ),
  }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    await setNewGlossaryCardsPerDay({ userId: user.id, perDay: input.perDay });
    revalidatePath('/review');
    return done(
      input.perDay === 0
        ? 'No new glossary cards from now on; the ones you have begun still come back.'
        : `Up to ${input.perDay} new glossary ${input.perDay === 1 ? 'card' : 'cards'} a day.`,
    );
  },
});
