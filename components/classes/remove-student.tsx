'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { removeStudentAction } from '@/lib/server/actions/classes';

/**
 * "Remove" for one student, behind a confirmation that says what removal does. After it, the
 * class page offers Undo (the receipt travels in the address, so a reload keeps the offer).
 */
export function RemoveStudentButton({
  classId,
  userId,
  name,
  className,
}: {
  classId: string;
  userId: string;
  name: string;
  className: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const confirm = () =>
    startTransition(async () => {
      const result = await removeStudentAction({ classId, userId });
      if (result.status !== 'ok') {
        setError(result.message);
        return;
      }
      dialog.current?.close();
      router.replace(`/classes/${classId}?removed=${encodeURIComponent(result.data.undo)}`, {
        scroll: false,
      });
    });

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Remove<span className="sr-only"> {name}</span>
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        aria-describedby={bodyId}
        onClose={() => setError(null)}
        className="m-auto w-[min(32rem,95vw)] rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={headingId} className="text-lg font-semibold">
          Remove {name} from {className}?
        </h2>
        <p id={bodyId} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          They will no longer see the class or its assignments. Their submitted work is kept: it stays in your
          records and comes back if you undo the removal or they rejoin.
        </p>
        <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
          <FormMessage tone="error">{error}</FormMessage>
          {/* Focus starts on the harmless choice. */}
          <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={pending}>
            {pending ? 'Removing…' : 'Remove student'}
          </Button>
        </div>
      </dialog>
    </>
  );
}
