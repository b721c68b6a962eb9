import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { teachesAnyClass } from '@/db/queries/classes';
import { listReadingsByCreator, listVisibleReadings } from '@/db/queries/readings';
import { requireUser } from '@/lib/server/session';
import { formatDate } from '@/lib/time';

export const metadata: Metadata = { title: 'Your readings' };

export default async function TeachReadingsPage() {
  const user = await requireUser('/teach/readings');
  const [readings, teaches, visible] = await Promise.all([
    listReadingsByCreator({ userId: user.id }),
    teachesAnyClass({ userId: user.id }),
    listVisibleReadings({ userId: user.id }),
  ]);
  const shipped = teaches ? visible.filter((r) => r.createdBy === null) : [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Your readings</h1>
        <Link href="/teach/readings/new" className={buttonClasses('primary')}>
          New reading
        </Link>
      </div>
      {readings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          You have not made a reading yet. Paste an essay or upload a PDF, Word, web page or text file to turn
          it into one, with sections, a glossary and context notes.
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <tr>
              <th className="py-2 font-medium">Title</th>
              <th className="py-2 font-medium">Status</th>
              <th className="py-2 font-medium">Words</th>
              <th className="py-2 font-medium">Updated</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-2">
                  <Link
                    href={`/teach/readings/${r.id}`}
                    className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                  >
                    {r.title}
                  </Link>
                </td>
                <td className="py-2">{r.status === 'published' ? 'Published' : 'Draft'}</td>
                <td className="py-2 tabular-nums">{r.wordCount.toLocaleString('en')}</td>
                <td className="py-2">{formatDate(r.updatedAt, user.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shipped.length > 0 && (
        <section aria-labelledby="shipped-title" className="space-y-2">
          <h2 id="shipped-title" className="text-lg font-semibold">
            Readings that ship with Statecraft
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            As an instructor you review their question banks.
          </p>
          <ul className="space-y-1">
            {shipped.map((r) => (
              <li key={r.id}>
                {r.title} ·{' '}
                <Link
                  href={`/teach/readings/${r.id}/questions`}
                  className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                >
                  Question bank
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
