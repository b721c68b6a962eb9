import { z } from 'zod';
import { downloadResponse } from '@/lib/api-response';
import { BANK_FORMATS, EXPORT_SCOPES, exportBank } from '@/lib/question-bank/transfer';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { bankToManage } from '@/lib/server/policy';

/**
 * A reading's question bank as a GIFT, Aiken or Moodle XML file or a QTI 3.0 / 2.1 package (zip),
 * for those who manage it (the keys are in it). What the format could not hold is said in the file
 * (GIFT and Moodle XML comments) and, for all, on the bank page beside the link.
 */
export const GET = route({
  name: 'api.bankExport',
  input: z.object({
    readingId: field.id('That reading'),
    format: z.enum(BANK_FORMATS, { error: `Choose the format ${BANK_FORMATS.join(', ')}.` }),
    scope: z.enum(EXPORT_SCOPES, { error: 'Choose the scope approved or all.' }).default('approved'),
  }),
  rule: 'manage-bank',
  authorize: (user, input) => bankToManage(user, input.readingId),
  run: async (input, { reading, bankOwnerId }) => {
    const file = await exportBank({ reading, bankOwnerId, format: input.format, scope: input.scope });
    return downloadResponse(file.bytes ?? file.text, file.filename, file.contentType);
  },
});
