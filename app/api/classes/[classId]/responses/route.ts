import { z } from 'zod';
import { csvResponse } from '@/lib/classes/csv';
import { responsesCsv } from '@/lib/classes/exports';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { classToTeach } from '@/lib/server/policy';

/** Every response of every submitted attempt in the class, as CSV, for the class's instructors only. */
export const GET = route({
  name: 'api.responses',
  input: z.object({ classId: field.id('That class') }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (_input, { klass }) => csvResponse(await responsesCsv(klass.id), `${klass.name}-responses.csv`),
});
