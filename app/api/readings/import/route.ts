import { z } from 'zod';
import { progressResponse } from '@/lib/api-response';
import { createNewReading, prepareNewReading } from '@/lib/reading/create';
import { READING_FILE_LIMITS } from '@/lib/reading/limits';
import { route } from '@/lib/server/endpoint';
import { cleanText, field } from '@/lib/server/input';

/**
 * A new reading as the new-reading page sends it with scripts on: the body is the file uploaded
 * (`source=file`, its `name`) or the text pasted (`source=paste`, its `format`); title and author
 * in the query. What can be refused at once (too large, not a file it reads, nothing to read) is a
 * plain 4xx; then the conversion and the parse stream their progress as JSON lines, and the result
 * names the draft. The form's own action (readings.create) does the same without progress, for a
 * browser without scripts.
 */
export const POST = route({
  name: 'api.createReading',
  input: z.object({
    source: field.choice(['file', 'paste'], 'Say whether the body is a file or pasted text.'),
    name: field.optionalText(255),
    format: z.enum(['text', 'markdown', 'html']).catch('text'),
    title: z.string().trim().max(200, 'Title and author can be up to 200 characters.').default(''),
    author: z.string().trim().max(200, 'Title and author can be up to 200 characters.').default(''),
  }),
  rule: 'signed-in',
  body: 'bytes',
  maxBodyBytes: READING_FILE_LIMITS.fileBytes + 64 * 1024,
  run: async (input, { user, body }) => {
    const file = input.source === 'file' ? { bytes: body, name: input.name ?? '' } : null;
    const text = input.source === 'paste' ? cleanText(new TextDecoder('utf-8').decode(body)) : '';
    const prepared = prepareNewReading({
      title: input.title,
      author: input.author,
      text,
      format: input.format,
      file,
    });
    if (prepared.status !== 'ok') return prepared;
    return progressResponse((report) => createNewReading(prepared.data, user.id, report));
  },
});
