import { z } from 'zod';
import { downloadResponse } from '@/lib/api-response';
import { BANK_FORMATS, exportQuiz } from '@/lib/question-bank/transfer';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { quizToManage } from '@/lib/server/policy';

/**
 * A quiz as a file to take to another platform: its questions in its order, as GIFT, Aiken, Moodle
 * XML or a QTI 3.0 / 2.1 package whose assessment test is the quiz. Only for its author (or, for a
 * reading's default quiz, the manager of the reading's own bank): the answer keys are in it.
 */
export const GET = route({
  name: 'api.quizExport',
  input: z.object({
    quizId: field.id('That quiz'),
    format: z.enum(BANK_FORMATS, { error: `Choose the format ${BANK_FORMATS.join(', ')}.` }),
  }),
  rule: 'manage-quiz',
  authorize: (user, input) => quizToManage(user, input.quizId),
  run: async (input, { quiz }) => {
    const file = await exportQuiz({ quiz, format: input.format });
    return downloadResponse(file.bytes ?? file.text, file.filename, file.contentType);
  },
});
