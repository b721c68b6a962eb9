'use client';

import Link from 'next/link';

/** One assignment's line: its due date as the class reads it, completion, average (percent) and score fifths. */
export type AssignmentRow = {
  id: string;
  title: string;
  readingTitle: string;
  due: string;
  submitted: number;
  students: number;
  average: number | null;
  /** Students per fifth of the score range, 0–20 % first. */
  distribution: number[];
  /** How many scores the distribution holds. */
  counted: number;
};

/**
 * The class page's assignment table. A client component, like the student table, so that the
 * page sends its rows as data rather than as a tree of elements; the server still renders it.
 */
export function AssignmentTable({ classId, rows }: { classId: string; rows: AssignmentRow[] }) {
  // Cell padding, row rules and bar colour set once on the table (one row per assignment).
  return (
    <table className="w-full text-left text-sm [&_td]:py-2 [&_td]:pr-4 [&_th]:py-2 [&_th]:pr-4 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 dark:[&_tbody_tr]:border-slate-800 [&_[role=img]>span]:w-5 [&_[role=img]>span]:bg-indigo-500 dark:[&_[role=img]>span]:bg-indigo-400">
      <thead className="text-slate-600 dark:text-slate-400">
        <tr>
          <th className="font-medium">Assignment</th>
          <th className="font-medium">Due</th>
          <th className="font-medium">Submitted</th>
          <th className="font-medium">Average</th>
          <th className="font-medium">Scores (0–20–40–60–80–100%)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link
                href={`/classes/${classId}/assignments/${a.id}`}
                className="font-semibold text-indigo-800 underline dark:text-indigo-200"
              >
                {a.title}
              </Link>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{a.readingTitle}</span>
            </td>
            <td>{a.due}</td>
            <td className="tabular-nums" data-testid={`completion-${a.id}`}>
              {a.submitted} / {a.students}
            </td>
            <td className="tabular-nums">{a.average === null ? '—' : `${a.average}%`}</td>
            <td>
              <span
                className="flex h-8 items-end gap-0.5"
                role="img"
                aria-label={`Score distribution: ${a.distribution.join(', ')} students per fifth`}
              >
                {a.distribution.map((n, i) => (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: the five buckets are fixed positions
                    key={i}
                    style={{
                      height: `${a.counted ? Math.max(2, Math.round((n / a.counted) * 32)) : 2}px`,
                    }}
                  />
                ))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
