import { auth } from '@/auth';
import { apiError } from '@/lib/api-response';
import { asInstructor } from '@/lib/classes/access';
import { csvResponse } from '@/lib/classes/csv';
import { responsesCsv } from '@/lib/classes/exports';

/** Every response of every submitted attempt in the class, as CSV, for the class's instructors only. */
export async function GET(_request: Request, { params }: RouteContext<'/api/classes/[classId]/responses'>) {
  const session = await auth();
  if (!session?.user?.id) return apiError('unauthorized', 'Sign in first.');
  const klass = await asInstructor((await params).classId, session.user.id);
  if (!klass) return apiError('not_found', 'No class of yours has that id.');
  return csvResponse(await responsesCsv(klass.id), `${klass.name}-responses.csv`);
}
