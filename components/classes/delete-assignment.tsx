'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { deleteAssignmentAction } from '@/lib/server/actions/classes';

/** "Delete" behind a confirmation that says what goes with the assignment. */
export function DeleteAssignmentButton({
  classId,
  assignmentId,
  title,
  work,
}: {
  classId: string;
  assignmentId: string;
  title: string;
  /** What deleting takes with it, to say so before it happens. */
  work: { attempts: number; submitted: number; students: number };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const consequence =
    work.attempts === 0
      ? 'No student has started it yet, so no work is lost.'
      : `${work.submitted} submitted attempt${work.submitted === 1 ? '' : 's'} (and ${work.attempts - work.submitted} in progress) by ${work.students} student${work.students === 1 ? '' : 's'} will be deleted with it, and leave the gradebook. Export the gradebook first if you need those grades.`;

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteAssignmentAction({ classId, assignmentId });
      if (result.status !== 'ok') {
        setError(result.message);
        return;
      }
      dialog.current?.close();
      router.push(result.data.href);
    });

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Delete assignment
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        aria-describedby={bodyId}
        onClose={() => setError(null)}
        className="m-auto w-[min(32rem,95vw)] rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={headingId} className="text-lg font-semibold">
          Delete “{title}”?
        </h2>
        <p id={bodyId} className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-delete-consequence>
          {consequence}
        </p>
        <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
          <FormMessage tone="error">{error}</FormMessage>
          <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Keep it
          </Button>
          <Button onClick={confirm} disabled={pending}>
            {pending ? 'Deleting…' : 'Delete assignment and its work'}
          </Button>
        </div>
      </dialog>
    </>
  );
}
