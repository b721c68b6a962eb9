import Link from 'next/link';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { ClassProgress } from '@/lib/classes/dashboard';
import { skillName } from '@/questions/schema';
import { MasteryGrid, type MasteryRow } from './mastery-grid';
import { type GridRow, StudentGrid } from './student-grid';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** The most urgent students named by the needs-attention list; a lecture class can have hundreds. */
const ATTENTION_SHOWN = 20;

/** Needs-attention list, the sortable and paged student table, and the mastery heat map. */
export function StudentProgress({
  classId,
  className,
  progress,
}: {
  classId: string;
  className: string;
  progress: ClassProgress;
}) {
  const { sort, shown, pageNumber, pageCount, perPage } = progress.page;
  const pageHref = (n: number) => `/classes/${classId}?sort=${sort}&page=${n}`;
  return (
    <>
      {progress.attention.length > 0 && (
        <section aria-labelledby="attention-title" className={card}>
          <h2 id="attention-title" className="text-lg font-semibold">
            Students who need attention
          </h2>
          <ul className="space-y-1 text-sm">
            {progress.attention.slice(0, ATTENTION_SHOWN).map((a) => (
              <li key={a.student.userId}>
                <strong>{a.student.name ?? a.student.email}</strong>: {a.reasons.join(', ')}
              </li>
            ))}
          </ul>
          {progress.attention.length > ATTENTION_SHOWN && (
            <p className="text-sm">
              And {progress.attention.length - ATTENTION_SHOWN} more:{' '}
              <Link href={`/classes/${classId}?sort=late`} className="underline">
                the table sorted by late and missing work
              </Link>{' '}
              lists them all.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="students-title" className="space-y-3">
        <h2 id="students-title" className="text-lg font-semibold">
          Students
        </h2>
        <p className="text-sm">
          Sort by:{' '}
          {[
            ['name', 'name'],
            ['average', 'average (lowest first)'],
            ['late', 'late and missing'],
          ].map(([key, label], i) => (
            <span key={key}>
              {i > 0 && ' · '}
              <Link
                href={`/classes/${classId}?sort=${key}`}
                aria-current={sort === key ? 'true' : undefined}
                className="underline"
              >
                {label}
              </Link>
            </span>
          ))}
        </p>
        <ScrollBox label="Students">
          <StudentGrid
            classId={classId}
            className={className}
            assignments={progress.assigned.map(({ assignment }) => ({
              id: assignment.id,
              title: assignment.title,
            }))}
            rows={shown.map(
              (r): GridRow => ({
                userId: r.student.userId,
                name: r.student.name,
                email: r.student.email,
                average: r.average === null ? null : Math.round(r.average * 100),
                cells: r.cells.map((c) => [
                  c.score === null ? null : Math.round(c.score * 100),
                  c.status,
                  c.attemptId,
                ]),
              }),
            )}
          />
        </ScrollBox>
        {pageCount > 1 && (
          <nav aria-label="Student pages" className="flex flex-wrap items-center gap-3 text-sm">
            <span>{`Students ${(pageNumber - 1) * perPage + 1}–${Math.min(progress.rows.length, pageNumber * perPage)} of ${progress.rows.length.toLocaleString('en')}`}</span>
            {pageNumber > 1 && (
              <Link href={pageHref(pageNumber - 1)} className="underline">
                Previous
              </Link>
            )}
            {pageNumber < pageCount && (
              <Link href={pageHref(pageNumber + 1)} className="underline">
                Next
              </Link>
            )}
          </nav>
        )}
      </section>

      {progress.skills.length > 0 && (
        <section aria-labelledby="heatmap-title" className="space-y-3">
          <h2 id="heatmap-title" className="text-lg font-semibold">
            Mastery by skill (percent)
          </h2>
          <ScrollBox label="Mastery by skill, per student">
            <MasteryGrid
              skills={progress.skills.map(skillName)}
              rows={progress.heatmap.map(
                (h): MasteryRow => ({
                  userId: h.student.userId,
                  name: h.student.name ?? h.student.email,
                  percents: h.bySkill.map((v) => (v === null ? null : Math.round(v * 100))),
                }),
              )}
            />
          </ScrollBox>
          {progress.concepts.length > 0 && (
            <p className="text-sm">
              Weakest concepts across the class:{' '}
              {progress.concepts
                .slice(0, 5)
                .map((c) => `${c.concept} (${Math.round(c.mastery * 100)}%)`)
                .join(', ')}
              .
            </p>
          )}
        </section>
      )}
    </>
  );
}
