import type { Metadata } from 'next';
import Link from 'next/link';
import { listVisibleReadings } from '@/db/queries/readings';
import { requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Readings' };

export default async function ReadingsPage() {
  const user = await requireUser('/readings');
  const readings = await listVisibleReadings({ userId: user.id });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Readings</h1>
        <Link
          href="/teach/readings/new"
          className="text-sm font-semibold text-indigo-700 underline dark:text-indigo-300"
        >
          Create a reading from an essay
        </Link>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {readings.map((r) => {
          const percent = r.paragraphCount
            ? Math.round(((r.furthestParagraph ?? 0) / r.paragraphCount) * 100)
            : 0;
          return (
            <li
              key={r.id}
              className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
            >
              <Link
                href={`/readings/${r.slug}`}
                className="font-serif text-lg font-semibold text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-200"
              >
                {r.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {[r.author, `${r.readingMinutes} min read`, r.status === 'draft' ? 'draft' : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                {r.completedAt ? 'Finished' : percent > 0 ? `${percent}% read` : 'Not started'}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
