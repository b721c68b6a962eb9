'use client';

import type { AssignmentStatus } from '@/lib/classes/gradebook';
import { RemoveStudentButton } from './remove-student';
import { statusAttribute } from './score-cell';

/** One cell, compact for the page's payload: the counted score in percent, the status, the attempt it links to. */
export type GridCell = [percent: number | null, status: AssignmentStatus, attemptId: string | null];
export type GridRow = {
  userId: string;
  name: string | null;
  email: string;
  /** Percent, or null before anything counts. */
  average: number | null;
  cells: GridCell[];
};

// Padding, rules and type set once on the table, and status colours once for the app
// (data-status, app/globals.css): a page holds 50 × (assignments + 3) cells, and a class list on
// every one was half of the page's HTML.
const TABLE_STYLE = [
  'w-full text-left text-sm',
  '[&_td]:py-2 [&_td]:pr-4 [&_th]:py-2 [&_th]:pr-4',
  '[&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 dark:[&_tbody_tr]:border-slate-800',
  '[&_small]:block [&_small]:text-xs [&_[data-status]]:whitespace-nowrap [&_td_a]:underline',
].join(' ');

/**
 * The class's student table: one row per student shown, one cell per assignment. A client
 * component so that the page sends its rows as data rather than as a tree of elements (a page of
 * 50 students × 30 assignments was 1.8 MB); the server still renders it to HTML.
 */
export function StudentGrid({
  classId,
  className,
  assignments,
  rows,
}: {
  classId: string;
  className: string;
  assignments: { id: string; title: string }[];
  rows: GridRow[];
}) {
  return (
    <table className={TABLE_STYLE} data-testid="student-table">
      <thead className="text-slate-600 dark:text-slate-400">
        <tr>
          <th className="font-medium">Student</th>
          <th className="font-medium">Average</th>
          {assignments.map((a) => (
            <th key={a.id} className="font-medium">
              {a.title}
            </th>
          ))}
          <th className="font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.userId} data-student={r.email} data-student-id={r.userId}>
            <td>
              {r.name}
              <small className="text-slate-600 dark:text-slate-400">{r.email}</small>
            </td>
            <td className="tabular-nums">{r.average === null ? '—' : `${r.average}%`}</td>
            {r.cells.map(([percent, status, attemptId], i) => {
              const shown = (
                <>
                  {percent === null ? '—' : `${percent}%`}
                  <small>{status}</small>
                </>
              );
              return (
                <td key={assignments[i]!.id} data-status={statusAttribute(status)}>
                  {/* Plain links: a large class has tens of thousands of cells, too many to prefetch. */}
                  {attemptId ? <a href={`/classes/${classId}/attempts/${attemptId}`}>{shown}</a> : shown}
                </td>
              );
            })}
            <td>
              <RemoveStudentButton
                classId={classId}
                userId={r.userId}
                name={r.name ?? r.email}
                className={className}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
