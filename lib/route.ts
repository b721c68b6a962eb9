import 'server-only';
import type { z } from 'zod';
import { auth } from '@/auth';
import { apiError } from '@/lib/api-response';
import { isSameOrigin } from '@/lib/auth/origin';

type Ok<T> = { ok: true; userId: string; body: T };
type Refused = { ok: false; response: Response };

/**
 * The first steps of every JSON route that changes state: same origin, a session, and a body
 * parsed with zod. Bad input is a 400 with a message, never a 500.
 */
export async function authorizeJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<Ok<z.infer<S>> | Refused> {
  if (!isSameOrigin(request))
    return { ok: false, response: apiError('forbidden', 'Cross-site requests are not accepted.') };
  const session = await auth();
  if (!session?.user?.id) return { ok: false, response: apiError('unauthorized', 'Sign in first.') };
  let raw: unknown = {};
  const text = await request.text();
  if (text.length > 256 * 1024)
    return { ok: false, response: apiError('payload_too_large', 'The request is too large.') };
  if (text) {
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, response: apiError('bad_request', 'The body is not valid JSON.') };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      response: apiError(
        'bad_request',
        issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'Invalid body.',
      ),
    };
  }
  return { ok: true, userId: session.user.id, body: parsed.data };
}
