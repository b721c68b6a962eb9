import type { z } from 'zod';

/** What every form action returns: expected failures as data, with a message a person can act on. */
export type FormState = {
  status: 'idle' | 'ok' | 'invalid' | 'forbidden' | 'rate-limited' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Field values to put back in the form (never passwords). */
  values?: Record<string, string>;
};

export const idleState: FormState = { status: 'idle' };

export function invalidState(error: z.ZodError, values?: Record<string, string>): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors, values };
}

/** Text fields of a submitted form; a file or a missing field becomes ''. */
export function formText(formData: FormData, ...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    out[name] = typeof value === 'string' ? value : '';
  }
  return out;
}
