'use client';

import { useRouter } from 'next/navigation';
import { ConfirmButton } from '@/components/ui/confirm-button';
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
  const router = useRouter();
  return (
    <ConfirmButton
      title={`Remove ${name} from ${className}?`}
      body="They will no longer see the class or its assignments. Their submitted work is kept: it stays in your records and comes back if you undo the removal or they rejoin."
      confirmLabel="Remove student"
      pendingLabel="Removing…"
      run={async () => {
        const result = await removeStudentAction({ classId, userId });
        if (result.status !== 'ok') return result.message;
        router.replace(`/classes/${classId}?removed=${encodeURIComponent(result.data.undo)}`, {
          scroll: false,
        });
        return null;
      }}
    >
      Remove<span className="sr-only"> {name}</span>
    </ConfirmButton>
  );
}
