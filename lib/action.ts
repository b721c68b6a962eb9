import 'server-only';
import type { z } from 'zod';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { type FormState, invalidState } from '@/lib/form-state';

/** What every action may answer before its own work starts. */
export type Refusal = {
  status: 'invalid' | 'forbidden';
  message: string;
  fieldErrors?: FormState['fieldErrors'];
};

/**
 * The first steps of every server action in one place: a signed-in user, then input parsed
 * with zod. What the action may touch is still checked by the action itself (lib/…/access.ts).
 */
export function withUser<S extends z.ZodType, R>(
  schema: S,
  action: (input: z.infer<S>, user: SessionUser) => Promise<R>,
): (raw: z.input<S>) => Promise<R | Refusal> {
  return async (raw) => {
    const user = await currentUser();
    if (!user)
      return {
        status: 'forbidden',
        message: 'Your session has ended. Sign in again to continue.',
      } as Refusal;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return {
        status: 'invalid',
        message: first
          ? `${first.path.join('.') || 'input'}: ${first.message}`
          : 'The request was not valid.',
        fieldErrors: invalidState(parsed.error).fieldErrors,
      } as Refusal;
    }
    return action(parsed.data, user);
  };
}
