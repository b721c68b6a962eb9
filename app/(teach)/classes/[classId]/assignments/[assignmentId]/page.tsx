import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AssignmentFields } from '@/components/classes/assign-quiz-form';
import { DeleteAssignmentButton } from '@/components/classes/delete-assignment';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { assignmentWork, listAccommodations } from '@/db/queries/assignments';
import { listGradedResponses } from '@/db/queries/class-progress';
import { getQuestionsByIds, getQuiz } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { isFreeText } from '@/lib/classes/answer-queue';
import { classGradebook } from '@/lib/classes/dashboard';
import { itemAnalysis, paragraphMissRates } from '@/lib/classes/item-analysis';
import { TYPE_NAMES } from '@/lib/question-bank/question-form';
import {
  duplicateAssignmentAction,
  excuseStudentAction,
  saveAccommodationAction,
  updateAssignmentAction,
} from '@/lib/server/actions/classes';
import { assignmentToTeach, classToAttend } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';
import { formatDateTime, zoneLabel } from '@/lib/time';
import { plural } from '@/lib/words';
import { skillName } from '@/questions/schema';

export const metadata: Metadata = { title: 'Assignment report' };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

export default async function AssignmentReportPage({
  params,
  searchParams,
}: PageProps<'/classes/[classId]/assignments/[assignmentId]'>) {
  const { classId, assignmentId } = await params;
  const { notice } = await searchParams;
  const user = await requireUser(`/classes/${classId}/assignments/${assignmentId}`);
  const access = await grantedOrNotFound(classToAttend(user, classId));
  // Students of the class have their own view of it.
  if (access.role === 'student') redirect(`/classes/${classId}`);
  const { assignment } = await grantedOrNotFound(assignmentToTeach(user, { classId, assignmentId }));

  const quiz = (await getQuiz({ quizId: assignment.quizId }))!;
  const [reading, book, rows, accommodations, work] = await Promise.all([
    getReadingById({ id: quiz.readingId }),
    classGradebook(classId),
    getQuestionsByIds({ ids: quiz.questionIds }),
    listAccommodations({ assignmentId }),
    assignmentWork({ assignmentId }),
  ]);
  const cells = book.students.map((s) => ({ student: s, cell: book.cell(assignmentId, s.userId) }));
  const counted = cells.flatMap((c) =>
    c.cell.attemptId && c.cell.score !== null ? [[c.cell.attemptId, c.cell.score] as const] : [],
  );
  const responses = await listGradedResponses({ attemptIds: counted.map(([id]) => id) });
  const questions = quiz.questionIds.flatMap((id) => (rows.get(id) ? [rows.get(id)!.data] : []));
  const items = itemAnalysis(questions, responses, new Map(counted));
  const misses = paragraphMissRates(questions, responses, { paragraphs: reading?.paragraphs ?? [] });
  // Free-text answers the grader was unsure of and no instructor has graded yet.
  const unsure = new Map<string, number>();
  for (const r of responses) {
    if (r.grade?.needsReview && r.overrideScore === null)
      unsure.set(r.questionId, (unsure.get(r.questionId) ?? 0) + 1);
  }
  const hidden = <input type="hidden" name="classId" value={classId} />;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/classes/${classId}`} className="underline">
            {access.klass.name}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">{assignment.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {reading?.title} · {counted.length} of {book.students.length} submitted
        </p>
      </div>

      {notice === 'duplicated' && (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm dark:bg-emerald-950">
          This is a copy, with the same quiz and settings. Change its dates below.
        </p>
      )}
      <details className={card} data-assignment-settings>
        <summary className="cursor-pointer font-semibold">Edit, duplicate or delete</summary>
        <ActionForm action={updateAssignmentAction} submitLabel="Save changes">
          {hidden}
          <input type="hidden" name="assignmentId" value={assignment.id} />
          <AssignmentFields timeZone={access.klass.timeZone} idPrefix="edit" values={assignment} />
        </ActionForm>
        <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4 dark:border-slate-700">
          <ActionForm
            action={duplicateAssignmentAction}
            submitLabel="Duplicate"
            variant="secondary"
            pendingLabel="Copying…"
          >
            {hidden}
            <input type="hidden" name="assignmentId" value={assignment.id} />
          </ActionForm>
          <DeleteAssignmentButton
            classId={classId}
            assignmentId={assignment.id}
            title={assignment.title}
            work={work}
          />
        </div>
      </details>

      <section aria-labelledby="items-title" className="space-y-3">
        <h2 id="items-title" className="text-lg font-semibold">
          Item analysis
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Share correct is the mean score (partial credit counts). Discrimination compares the top and bottom
          27% of students: near 0 or negative means the question does not separate those who understood from
          those who did not.
        </p>
        <ol className="space-y-3">
          {items.map((item, i) => {
            const q = questions[i]!;
            return (
              <li key={item.questionId} className={card} data-item={item.questionId}>
                <p className="font-semibold">
                  {i + 1}. {q.prompt}
                </p>
                <p className="text-sm">
                  {TYPE_NAMES[q.type]} · {skillName(q.skill)} ·{' '}
                  <span data-testid="facility">{pct(item.facility)} correct</span> over {item.answers} answers
                  · discrimination{' '}
                  {item.discrimination === null ? '— (too few students)' : item.discrimination.toFixed(2)}
                </p>
                {isFreeText(q) && (
                  <Link
                    href={`/classes/${classId}/assignments/${assignmentId}/answers/${q.id}`}
                    className="inline-block text-sm font-semibold text-indigo-800 underline dark:text-indigo-200"
                  >
                    Grade the answers
                    {unsure.get(q.id) ? ` (${unsure.get(q.id)} the grader was unsure of)` : ''}
                  </Link>
                )}
                {item.choices.length > 0 && (
                  <table className="text-sm">
                    <tbody>
                      {item.choices.map((c) => (
                        <tr key={c.id}>
                          <td className="pr-3 tabular-nums">{c.count}</td>
                          <td className="pr-3">
                            <span
                              className="inline-block h-2 bg-indigo-500 align-middle dark:bg-indigo-400"
                              style={{
                                width: `${item.answers ? Math.max(2, (c.count / item.answers) * 160) : 2}px`,
                              }}
                            />
                          </td>
                          <td
                            className={
                              c.correct ? 'font-semibold text-emerald-800 dark:text-emerald-200' : ''
                            }
                          >
                            {c.label}
                            {c.correct && ' (key)'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {reading && (
        <section aria-labelledby="map-title" className="space-y-3">
          <h2 id="map-title" className="text-lg font-semibold">
            Where the class misunderstood the reading
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Each paragraph is shaded by how often the questions resting on it were missed.
          </p>
          <div className="max-w-3xl space-y-2">
            {reading.paragraphs.map((p, i) => {
              const m = misses.get(p.id);
              const shade = !m
                ? ''
                : m.missRate >= 0.6
                  ? 'bg-red-200 dark:bg-red-900'
                  : m.missRate >= 0.35
                    ? 'bg-amber-100 dark:bg-amber-900'
                    : 'bg-emerald-50 dark:bg-emerald-950';
              return (
                <p
                  key={p.id}
                  data-paragraph-miss={p.id}
                  className={`rounded p-2 font-serif text-sm ${shade}`}
                >
                  <span className="font-sans text-xs font-semibold">
                    ¶{i + 1}
                    {m ? ` · missed ${pct(m.missRate)} of ${m.answers} answers` : ' · no questions'}
                  </span>{' '}
                  {p.text}
                </p>
              );
            })}
          </div>
        </section>
      )}

      <section aria-labelledby="attempts-title" className="space-y-3">
        <h2 id="attempts-title" className="text-lg font-semibold">
          Students
        </h2>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {cells.map(({ student, cell }) => (
            <li key={student.userId}>
              {cell.attemptId ? (
                <Link href={`/classes/${classId}/attempts/${cell.attemptId}`} className="underline">
                  {student.name ?? student.email}
                </Link>
              ) : (
                (student.name ?? student.email)
              )}{' '}
              — {cell.score === null ? cell.status : `${pct(cell.score)} (${cell.status})`}
              <ActionForm
                action={excuseStudentAction}
                submitLabel={cell.status === 'excused' ? 'Take back the excuse' : 'Excuse'}
                variant="secondary"
                className="inline-block align-middle"
              >
                {hidden}
                <input type="hidden" name="assignmentId" value={assignment.id} />
                <input type="hidden" name="userId" value={student.userId} />
                {cell.status !== 'excused' && <input type="hidden" name="excused" value="on" />}
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="accommodations-title" className={card}>
        <h2 id="accommodations-title" className="text-lg font-semibold">
          Accommodations
        </h2>
        {accommodations.length > 0 && (
          <ul className="text-sm">
            {accommodations.map((a) => {
              const s = book.students.find((x) => x.userId === a.userId);
              return (
                <li key={a.userId}>
                  {s?.name ?? s?.email}: {plural(a.extraMinutes, 'extra minute')},{' '}
                  {plural(a.extraAttempts, 'extra attempt')}
                  {a.dueAt ? `, due ${formatDateTime(a.dueAt, access.klass.timeZone)}` : ''}
                </li>
              );
            })}
          </ul>
        )}
        <ActionForm action={saveAccommodationAction} submitLabel="Save accommodation" variant="secondary">
          {hidden}
          <input type="hidden" name="assignmentId" value={assignment.id} />
          <label className="block space-y-1 text-sm">
            <span className="font-medium">Student</span>
            <select
              name="userId"
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            >
              {book.students.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name ?? s.email}
                </option>
              ))}
            </select>
          </label>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Extra minutes" name="extraMinutes" inputMode="numeric" defaultValue="0" />
            <Field label="Extra attempts" name="extraAttempts" inputMode="numeric" defaultValue="0" />
            <Field
              label={`Later due date (${zoneLabel(access.klass.timeZone)})`}
              name="dueAt"
              type="datetime-local"
            />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
