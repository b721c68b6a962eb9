import { z } from 'zod';
import { downloadResponse } from '@/lib/api-response';
import { cardReleasedFlags } from '@/lib/quiz/attempts';
import { route } from '@/lib/server/endpoint';
import { refuse } from '@/lib/server/result';
import { ANKI_FORMATS, exportForAnki } from '@/lib/srs/anki-export';

/**
 * The signed-in student's own review cards for Anki: `format=apkg` a deck package, `format=txt`
 * Anki's tab-separated text with its header lines. Both carry the same note guids, so importing a
 * later export updates the notes instead of adding them again.
 */
export const GET = route({
  name: 'api.ankiExport',
  input: z.object({
    format: z.enum(ANKI_FORMATS, { error: 'Choose the format apkg or txt.' }),
  }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    await cardReleasedFlags({ userId: user.id });
    const file = await exportForAnki({ userId: user.id, format: input.format });
    if (file.notes === 0)
      return refuse(
        'not-found',
        'You have no review cards yet: open a reading (its glossary becomes cards) or send missed questions to review.',
      );
    return downloadResponse(file.body, file.filename, file.contentType);
  },
});
