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
