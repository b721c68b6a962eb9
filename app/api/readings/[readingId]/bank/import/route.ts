import { z } from 'zod';
import { progressResponse } from '@/lib/api-response';
import {
  BANK_FORMATS,
  confirmRead,
  IMPORT_FORMATS,
  importedMessage,
  planPreview,
  readImportUpload,
} from '@/lib/question-bank/transfer';
import { route } from '@/lib/server/endpoint';
import { MAX_BODY_BYTES } from '@/lib/server/http-gate.mjs';
import { field } from '@/lib/server/input';
import { bankToWrite } from '@/lib/server/policy';
import { ok, refuse } from '@/lib/server/result';

const formats = 'Choose GIFT, Aiken, Moodle XML, a QTI package, or to detect the format.';

/**
 * A question file into a reading's bank, in two steps that each stream their progress (matching
 * a thousand questions to the reading takes seconds): `step=preview` reads the body (the file
 * uploaded, or the text pasted) into the drafts it would make, writing nothing; `step=confirm`
 * sends back the preview's text and digest and writes the drafts, and when asked a quiz of them.
 * A file refused as a whole (too large, hostile XML, not a zip) is a plain 4xx before any stream.
 */
export const POST = route({
  name: 'api.bankImport',
  input: z.discriminatedUnion(
    'step',
    [
      z.object({
        step: z.literal('preview'),
        readingId: field.id('That reading'),
        format: field.choice(IMPORT_FORMATS, formats),
        source: field.choice(['file', 'paste'], 'Say whether the body is a file or pasted text.'),
        name: field.optionalText(255),
      }),
      z.object({
        step: z.literal('confirm'),
        readingId: field.id('That reading'),
        format: field.choice(BANK_FORMATS, formats),
        digest: z.string().regex(/^[0-9a-f]{32}$/, 'Preview the file again before importing.'),
        asQuiz: field.checkbox(),
        quizTitle: field.optionalText(200),
      }),
    ],
    { error: 'Say which step this is: preview or confirm.' },
  ),
  rule: 'manage-bank',
  body: 'bytes',
  maxBodyBytes: MAX_BODY_BYTES,
  authorize: (user, input) => bankToWrite(user, input.readingId),
  run: async (input, { reading, bankOwnerId, user, body }) => {
    if (input.step === 'preview') {
      const file = await readImportUpload({
        reading,
        format: input.format,
        bytes: body,
        source: input.source,
        fileName: input.name,
      });
      if (file.status !== 'ok') return file;
      return progressResponse(async (report) => ok(await planPreview(reading, file.data, report)));
    }
    if (input.asQuiz && !input.quizTitle) {
      const message = 'Give the quiz a title, or untick “Also make a quiz”.';
      return refuse('invalid', message, { fieldErrors: { quizTitle: [message] } });
    }
    // The text the preview read (for a package, the zip in base64), sent back as it was.
    const file = await readImportUpload({ reading, format: input.format, bytes: body, source: 'paste' });
    if (file.status !== 'ok') return file;
    const quiz = input.asQuiz && input.quizTitle ? { title: input.quizTitle, createdBy: user.id } : null;
    return progressResponse(async (report) => {
      const done = await confirmRead({
        reading,
        bankOwnerId,
        file: file.data,
        digest: input.digest,
        quiz,
        onProgress: report,
      });
      return done.status === 'ok' ? ok(done.data, importedMessage(done.data, quiz?.title ?? null)) : done;
    });
  },
});
