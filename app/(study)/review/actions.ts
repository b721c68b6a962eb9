'use server';

import { z } from 'zod';
import { getQuestionRow } from '@/db/queries/questions';
import { getCard, recordReview } from '@/db/queries/review';
import { withUser } from '@/lib/action';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { applyRating, previewIntervals, RATINGS, type RatingName, suggestedRating } from '@/lib/srs/schedule';
import { gradeResponse } from '@/questions/grade';
import { parseResponseFor } from '@/questions/schema';

const notYours = {
  status: 'not-found' as const,
  message: 'That review card does not exist or is not yours.',
};

async function gradeCardAnswer(cardQuestionId: string, response: unknown) {
  const row = await getQuestionRow({ id: cardQuestionId });
  if (!row) return null;
  const checked = parseResponseFor(row.data, response);
  if (!checked.ok) return { error: checked.message } as const;
  return { row, result: gradeResponse(row.data, checked.response) } as const;
}

/** Grades the answer to a question card and suggests a rating, with when each rating brings it back. */
export const checkReviewAnswerAction = withUser(
  z.object({
    cardId: z.string().uuid(),
    response: z.unknown(),
    durationMs: z.number().int().min(0).max(86_400_000),
  }),
  async (input, user) => {
    const card = await getCard({ cardId: input.cardId });
    if (!card || card.userId !== user.id || !card.questionId) return notYours;
    const graded = await gradeCardAnswer(card.questionId, input.response);
    if (!graded) return notYours;
    if ('error' in graded) return { status: 'invalid' as const, message: graded.error ?? 'Invalid answer.' };
    const freeText =
      graded.row.data.type === 'short-answer' || graded.row.data.type === 'claim-evidence-reasoning';
    return {
      status: 'ok' as const,
      feedback: toFeedbackView(graded.row.data, graded.result),
      suggested: suggestedRating(graded.result.score, input.durationMs, freeText),
      intervals: previewIntervals(card, new Date()),
    };
  },
);

/** When each rating would bring a flashcard back (shown once the definition is revealed). */
export const previewCardAction = withUser(z.object({ cardId: z.string().uuid() }), async (input, user) => {
  const card = await getCard({ cardId: input.cardId });
  if (!card || card.userId !== user.id) return notYours;
  return { status: 'ok' as const, intervals: previewIntervals(card, new Date()) };
});

/** Rates a review and reschedules the card with FSRS. */
export const rateCardAction = withUser(
  z.object({
    cardId: z.string().uuid(),
    rating: z.enum(Object.keys(RATINGS) as [RatingName, ...RatingName[]]),
    response: z.unknown().optional(),
    durationMs: z.number().int().min(0).max(86_400_000),
  }),
  async (input, user) => {
    const card = await getCard({ cardId: input.cardId });
    if (!card || card.userId !== user.id) return notYours;
    let score: number | null = null;
    if (card.questionId && input.response !== undefined) {
      const graded = await gradeCardAnswer(card.questionId, input.response);
      if (graded && !('error' in graded)) score = graded.result.score;
    }
    const now = new Date();
    const { fields, log } = applyRating(card, input.rating, now);
    await recordReview({
      card,
      fields,
      log: { ...log, score, durationMs: input.durationMs, reviewedAt: now },
    });
    return { status: 'ok' as const, due: fields.due.toISOString() };
  },
);
