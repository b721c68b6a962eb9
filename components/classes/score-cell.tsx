import { cn } from '@/components/ui/cn';
import type { Cell } from '@/lib/classes/gradebook';

// The class's student table colours the same statuses once for the whole table (student-grid.tsx).
const STATUS_STYLE: Record<Cell['status'], string> = {
  'not started': 'text-slate-500 dark:text-slate-400',
  'in progress': 'text-sky-800 dark:text-sky-200',
  submitted: 'text-slate-800 dark:text-slate-200',
  late: 'text-amber-800 dark:text-amber-200',
  missing: 'text-red-800 dark:text-red-200',
  excused: 'text-slate-600 dark:text-slate-400',
  graded: 'text-emerald-800 dark:text-emerald-200',
};

/** One student's standing on one assignment: the score when there is one, and the status in words. */
export function ScoreCell({ cell }: { cell: Cell }) {
  return (
    <span className={cn('whitespace-nowrap text-sm', STATUS_STYLE[cell.status])}>
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
