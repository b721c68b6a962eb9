import type { AssignmentStatus, Cell } from '@/lib/classes/gradebook';

/** A status as the data-status attribute that colours it (app/globals.css): "not started" → "not-started". */
export const statusAttribute = (status: AssignmentStatus) => status.replace(' ', '-');

/** One student's standing on one assignment: the score when there is one, and the status in words. */
export function ScoreCell({ cell }: { cell: Cell }) {
  return (
    <span className="whitespace-nowrap text-sm" data-status={statusAttribute(cell.status)}>
      {cell.score !== null ? `${Math.round(cell.score * 100)}%` : '—'}
      <span className="block text-xs">{cell.status}</span>
    </span>
  );
}

/**
 * A mastery value as a shaded cell: red to green, with the number in it for those who cannot tell
 * colours apart. Padding and type come from the heat map's table (student-table.tsx).
 */
export function HeatCell({ value }: { value: number | null }) {
  if (value === null) return <td className="text-slate-400">—</td>;
  const shade =
    value >= 0.8
      ? 'bg-emerald-200 dark:bg-emerald-800'
      : value >= 0.6
        ? 'bg-lime-100 dark:bg-lime-900'
        : value >= 0.4
          ? 'bg-amber-100 dark:bg-amber-900'
          : 'bg-red-200 dark:bg-red-900';
  return <td className={shade}>{Math.round(value * 100)}</td>;
}
