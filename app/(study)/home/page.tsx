import type { Metadata } from 'next';
import Link from 'next/link';
import { listClassesForUser } from '@/db/queries/classes';
import { listReadingsInProgress } from '@/db/queries/readings';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  const [classes, inProgress] = await Promise.all([
    listClassesForUser({ userId: user.id }),
    listReadingsInProgress({ userId: user.id }),
  ]);
  const firstName = (user.name ?? '').split(' ')[0] || 'there';
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Welcome, {firstName}</h1>
      <section aria-labelledby="reading-heading" className="space-y-3">
        <h2 id="reading-heading" className="text-lg font-semibold">
          Keep reading
        </h2>
        {inProgress.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            Nothing in progress.{' '}
            <Link href="/readings" className="font-semibold text-indigo-700 underline dark:text-indigo-300">
              Choose a reading
            </Link>{' '}
            to start.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {inProgress.map((r) => (
              <li
                key={r.slug}
                className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <Link
                  href={`/readings/${r.slug}`}
                  className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                >
                  {r.title}
                </Link>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {Math.round((r.furthestParagraph / Math.max(1, r.paragraphCount)) * 100)}% read · continue
                  where you left off
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="classes-heading" className="space-y-3">
        <h2 id="classes-heading" className="text-lg font-semibold">
          Your classes
        </h2>
        {classes.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            You are not in any class yet. When your instructor gives you a join code, you will be able to join
            their class here; readings and quizzes you start on your own will also show up on this page.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
              >
                <p className="font-semibold">{c.name}</p>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {c.role === 'instructor' ? 'You teach this class' : 'You are a student'} · {c.students}{' '}
                  {c.students === 1 ? 'student' : 'students'}
                  {c.joinCode ? ` · join code ${c.joinCode}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
