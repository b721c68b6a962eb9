'use client';

import { useActionState, useEffect, useRef, useTransition } from 'react';
import { type FormResult, IDLE } from '@/lib/server/result';
import { Button } from './button';
import { cn } from './cn';
import { FormMessage } from './form-message';

/** A refusal's message, with each field's problem spelled out; null for idle and ok. */
export function refusalText(state: FormResult<unknown>): string | null {
  if (state.status === 'idle' || state.status === 'ok') return null;
  const problems = Object.values(state.fieldErrors ?? {}).flatMap((errors) => errors ?? []);
  return problems.length ? problems.join(' ') : state.message;
}

/** The action's message, with each field's problem spelled out (the fields are server-rendered). */
function describe(state: FormResult<unknown>): string | null {
  return state.status === 'ok' ? (state.message ?? null) : refusalText(state);
}

/** A link a successful action offers to follow next (its data is `{ link: { href, text } }`). */
function followUpLink(state: FormResult<unknown>): { href: string; text: string } | null {
  if (state.status !== 'ok' || typeof state.data !== 'object' || state.data === null) return null;
  const link = (state.data as { link?: unknown }).link;
  return typeof link === 'object' && link !== null && 'href' in link && 'text' in link
    ? { href: String(link.href), text: String(link.text) }
    : null;
}

/**
 * A form bound to a server action (lib/server/endpoint.ts): shows pending and the action's
 * message (announced), and the link it offers next, if any.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = 'Saving…',
  children,
  className,
  variant = 'primary',
  encType,
  resetOnSuccess = false,
  pendingMessage,
}: {
  action: (previous: FormResult<unknown>, formData: FormData) => Promise<FormResult<unknown>>;
  submitLabel: string;
  pendingLabel?: string;
  children?: React.ReactNode;
  className?: string;
  variant?: 'primary' | 'secondary';
  encType?: 'multipart/form-data';
  /** Clear the fields after a successful save ("add" forms); edit forms keep what was typed. */
  resetOnSuccess?: boolean;
  /** Said while the action runs, for actions that can take a while (converting a long PDF). */
  pendingMessage?: string;
}) {
  const [state, formAction, pending] = useActionState<FormResult<unknown>, FormData>(action, IDLE);
  const [, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const link = followUpLink(state);
  useEffect(() => {
    if (resetOnSuccess && state.status === 'ok') form.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={form}
      action={formAction}
      // Submitting through a transition, not the form's own action, keeps what the user typed
      // when the server refuses it (React resets a form after its action runs).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={cn('space-y-3', className)}
      encType={encType}
      noValidate
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {pending && pendingMessage ? (
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700 dark:text-slate-300">
            {pendingMessage}
          </p>
        ) : (
          <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{describe(state)}</FormMessage>
        )}
      </div>
      {link && (
        <p>
          <a
            href={link.href}
            data-follow-up-link
            className="text-sm font-semibold text-indigo-700 underline dark:text-indigo-300"
          >
            {link.text}
          </a>
        </p>
      )}
    </form>
  );
}
