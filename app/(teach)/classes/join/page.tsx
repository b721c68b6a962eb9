import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { joinClassAction } from '@/lib/server/actions/classes';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Join a class' };

/** A join link lands here: the code is filled in, and joining takes one press (a link alone never changes anything). */
export default async function JoinPage({ searchParams }: PageProps<'/classes/join'>) {
  const { code } = await searchParams;
  const value = typeof code === 'string' ? code.slice(0, 20) : '';
  await requireUser(`/classes/join?code=${encodeURIComponent(value)}`);
  return (
    <div className="max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-bold">Join a class</h1>
      <ActionForm action={joinClassAction} submitLabel="Join this class" pendingLabel="Joining…">
        <Field label="Join code" name="code" defaultValue={value} autoComplete="off" maxLength={20} />
      </ActionForm>
    </div>
  );
}
