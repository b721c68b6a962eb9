import { ScrollBox } from '@/components/ui/scroll-box';
import type { ClassProgress } from '@/lib/classes/dashboard';
import { formatDue } from '@/lib/time';
import { type AssignmentRow, AssignmentTable } from './assignment-table';

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
          <AssignmentTable
            classId={classId}
            rows={progress.perAssignment.map(
              (a): AssignmentRow => ({
                id: a.assignment.id,
                title: a.assignment.title,
                readingTitle: a.readingTitle,
                due: formatDue(a.assignment.dueAt, timeZone),
                submitted: a.submitted,
                students: a.students,
                average: a.average === null ? null : Math.round(a.average * 100),
                distribution: a.distribution,
                counted: a.counted,
              }),
            )}
          />
        </ScrollBox>
      )}
    </>
  );
}
