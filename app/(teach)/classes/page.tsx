import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { listClassesForUser } from '@/db/queries/classes';
import { createClassAction, joinClassAction } from '@/lib/server/actions/classes';
import { requireUser } from '@/lib/server/session';
import { plural } from '@/lib/words';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await requireUser('/classes');
  const mine = await listClassesForUser({ userId: user.id });
  const active = mine.filter((c) => !c.archivedAt);
  const archived = mine.filter((c) => c.archivedAt);
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Classes</h1>
      {mine.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">You are not in any class yet.</p>
      ) : (
        <ClassList classes={active} />
      )}
      {archived.length > 0 && (
        <details className="space-y-3">
          <summary className="cursor-pointer font-semibold">Archived classes ({archived.length})</summary>
          <ClassList classes={archived} />
        </details>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <section
          aria-labelledby="join-title"
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 id="join-title" className="text-lg font-semibold">
            Join a class
          </h2>
          <ActionForm action={joinClassAction} submitLabel="Join" pendingLabel="Joining…">
            <Field
              label="Join code from your instructor"
              name="code"
              placeholder="K7QM-3XPD"
              autoComplete="off"
              maxLength={20}
            />
          </ActionForm>
        </section>
        <section
          aria-labelledby="create-title"
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
        >
          <h2 id="create-title" className="text-lg font-semibold">
            Start a class
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            You will be its instructor; students join with a code you share.
          </p>
          <ActionForm action={createClassAction} submitLabel="Create class" pendingLabel="Creating…">
            <Field
              label="Class name"
              name="name"
              placeholder="IR 101: Introduction to International Relations"
              maxLength={120}
            />
          </ActionForm>
        </section>
      </div>
    </div>
  );
}

function ClassList({ classes }: { classes: Awaited<ReturnType<typeof listClassesForUser>> }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {classes.map((c) => (
        <li
          key={c.id}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <Link
            href={`/classes/${c.id}`}
            className="font-semibold text-indigo-800 underline dark:text-indigo-200"
          >
            {c.name}
          </Link>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {c.role === 'instructor' ? 'You teach this class' : 'You are a student'} ·{' '}
            {plural(c.students, 'student')}
            {c.archivedAt ? ' · archived' : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
