import { z } from 'zod';
import { csvResponse } from '@/lib/classes/csv';
import { gradebookCsv } from '@/lib/classes/exports';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { classToTeach } from '@/lib/server/policy';

/** The class gradebook as CSV, for the class's instructors only. */
export const GET = route({
  name: 'api.gradebook',
  input: z.object({ classId: field.id('That class') }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (_input, { klass }) =>
    csvResponse(await gradebookCsv(klass.id, klass.name), `${klass.name}-gradebook.csv`),
});
