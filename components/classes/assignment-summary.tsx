import Link from 'next/link';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { ClassProgress } from '@/lib/classes/dashboard';
import { formatDue } from '@/lib/time';

/** Each assignment's completion, average and score distribution, linking to its report. */
export function AssignmentSummary({
  classId,
  progress,
  timeZone,
}: {
  classId: string;
  progress: ClassProgress;
  /** The class's: instructors see due dates as they typed them. */
  timeZone: string;
}) {
  return (
    <>
      {progress.perAssignment.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">Nothing assigned yet.</p>
      ) : (
        <ScrollBox label="Results by student">
          {/* Cell padding, row rules and bar colour set once on the table (one row per assignment). */}
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
              {progress.perAssignment.map((a) => (
                <tr key={a.assignment.id}>
                  <td>
                    <Link
                      href={`/classes/${classId}/assignments/${a.assignment.id}`}
                      className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                    >
                      {a.assignment.title}
                    </Link>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{a.readingTitle}</span>
                  </td>
                  <td>{formatDue(a.assignment.dueAt, timeZone)}</td>
                  <td className="tabular-nums" data-testid={`completion-${a.assignment.id}`}>
                    {a.submitted} / {a.students}
                  </td>
                  <td className="tabular-nums">
                    {a.average === null ? '—' : `${Math.round(a.average * 100)}%`}
                  </td>
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
        </ScrollBox>
      )}
    </>
  );
}
