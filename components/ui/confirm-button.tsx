'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from './button';
import { FormMessage } from './form-message';

/**
 * A button that asks first: a modal dialog (the native <dialog>: focus is trapped, Escape
 * closes) that says what will happen, with focus on the harmless choice. `run` does the thing
 * and answers an error message to show, or null when it is done (and the dialog closes). The
 * dialog's contents are rendered once it opens: a class table has one such button per student.
 */
export function ConfirmButton({
  children,
  title,
  body,
  confirmLabel,
  pendingLabel,
  cancelLabel = 'Cancel',
  run,
}: {
  /** The button's own label. */
  children: React.ReactNode;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  run: () => Promise<string | null>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  const confirm = () =>
    startTransition(async () => {
      const problem = await run();
      if (problem) setError(problem);
      else dialog.current?.close();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        aria-describedby={bodyId}
        onClose={() => {
          setError(null);
          setOpen(false);
        }}
        className="m-auto w-[min(32rem,95vw)] rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        {open && (
          <>
            <h2 id={headingId} className="text-lg font-semibold">
              {title}
            </h2>
            <div id={bodyId} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              {body}
            </div>
            <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
              <FormMessage tone="error">{error}</FormMessage>
              <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
                {cancelLabel}
              </Button>
              <Button onClick={confirm} disabled={pending}>
                {pending ? pendingLabel : confirmLabel}
              </Button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
