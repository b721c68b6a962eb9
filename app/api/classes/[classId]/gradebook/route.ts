import { z } from 'zod';
import { csvResponse } from '@/lib/classes/csv';
import { GRADEBOOK_LAYOUTS, type GradebookLayout, gradebookCsv } from '@/lib/classes/exports';
import { route } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { classToTeach } from '@/lib/server/policy';

/** The class gradebook as CSV, for the class's instructors only. */
export const GET = route({
  name: 'api.gradebook',
  input: z.object({
    classId: field.id('That class'),
    layout: z
      .enum(Object.keys(GRADEBOOK_LAYOUTS) as [GradebookLayout, ...GradebookLayout[]], {
        error: 'Choose the layout canvas, moodle or google.',
      })
      .default('canvas'),
  }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) =>
    csvResponse(
      await gradebookCsv(klass.id, klass.name, input.layout),
      `${klass.name}-gradebook-${GRADEBOOK_LAYOUTS[input.layout].file}.csv`,
    ),
});
