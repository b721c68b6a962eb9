'use client';

import { useRouter } from 'next/navigation';
import { ConfirmButton } from '@/components/ui/confirm-button';
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
  const router = useRouter();
  const consequence =
    work.attempts === 0
      ? 'No student has started it yet, so no work is lost.'
      : `${work.submitted} submitted attempt${work.submitted === 1 ? '' : 's'} (and ${work.attempts - work.submitted} in progress) by ${work.students} student${work.students === 1 ? '' : 's'} will be deleted with it, and leave the gradebook. Export the gradebook first if you need those grades.`;
  return (
    <ConfirmButton
      title={`Delete “${title}”?`}
      body={<p data-delete-consequence>{consequence}</p>}
      confirmLabel="Delete assignment and its work"
      pendingLabel="Deleting…"
      cancelLabel="Keep it"
      run={async () => {
        const result = await deleteAssignmentAction({ classId, assignmentId });
        if (result.status !== 'ok') return result.message;
        router.push(result.data.href);
        return null;
      }}
    >
      Delete assignment
    </ConfirmButton>
  );
}
