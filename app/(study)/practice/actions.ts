'use server';

import { z } from 'zod';
import { recordPracticeAnswer } from '@/db/queries/progress';
import { getQuestionRow } from '@/db/queries/questions';
import { getReadingById } from '@/db/queries/readings';
import { withUser } from '@/lib/action';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { canViewReading } from '@/lib/reading/access';
import { gradeResponse } from '@/questions/grade';
import { parseResponseFor } from '@/questions/schema';

/** Practice: immediate feedback, counted for mastery, never for a grade. */
export const practiceAnswerAction = withUser(
  z.object({ questionId: z.string().min(1).max(120), response: z.unknown() }),
  async (input, user) => {
    const row = await getQuestionRow({ id: input.questionId });
    const reading = row ? await getReadingById({ id: row.readingId }) : null;
    if (row?.status !== 'approved' || !reading || !canViewReading(reading, user.id)) {
      return { status: 'not-found' as const, message: 'That question is not available for practice.' };
    }
    const checked = parseResponseFor(row.data, input.response);
    if (!checked.ok) return { status: 'invalid' as const, message: checked.message };
    const result = gradeResponse(row.data, checked.response);
    await recordPracticeAnswer({ userId: user.id, questionId: row.id, score: result.score });
    return { status: 'ok' as const, feedback: toFeedbackView(row.data, result) };
  },
);
