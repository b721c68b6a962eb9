import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import type { Assignment } from '@/db/schema';
import { createAssignmentAction } from '@/lib/server/actions/classes';
import { toDateTimeLocal, zoneLabel } from '@/lib/time';
import { DueDateField } from './due-date-field';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';
const selectClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900';

/** Assigning a quiz to the class: dates, attempts, time limit, late policy and feedback release. */
export function AssignQuizForm({
  classId,
  quizzes,
  timeZone,
}: {
  classId: string;
  quizzes: {
    id: string;
    title: string;
    readingTitle: string;
    questionCount: number;
    openToSelfStudy: boolean;
  }[];
  /** The class's: the dates typed here are its wall-clock time. */
  timeZone: string;
}) {
  const hidden = <input type="hidden" name="classId" value={classId} />;
  return (
    <details className={card}>
      <summary className="cursor-pointer font-semibold">Assign a quiz</summary>
      <ActionForm action={createAssignmentAction} submitLabel="Assign" resetOnSuccess>
        {hidden}
        <div className="space-y-1 text-sm">
          <label htmlFor="assign-quiz" className="block font-medium">
            Quiz
          </label>
          <select id="assign-quiz" name="quizId" className={selectClass}>
            {quizzes.map((q) => (
              <option key={q.id} value={q.id}>
                {q.readingTitle}: {q.title} ({q.questionCount} questions
                {q.openToSelfStudy ? ', open to self-study' : ''})
              </option>
            ))}
          </select>
          {quizzes.some((q) => q.openToSelfStudy) && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              A reading’s own quiz is open to anyone for self-study, answers included, so holding its feedback
              until the due date keeps nothing secret. For graded work, use a quiz built from your copy of the
              reading’s bank.
            </p>
          )}
        </div>
        <AssignmentFields timeZone={timeZone} idPrefix="assign" />
      </ActionForm>
    </details>
  );
}

/**
 * An assignment's rules as form fields, for assigning a quiz and for editing an assignment: dates
 * are typed in the class's time zone, and an existing assignment's values are filled in.
 */
export function AssignmentFields({
  timeZone,
  idPrefix,
  values,
}: {
  timeZone: string;
  idPrefix: string;
  values?: Pick<
    Assignment,
    'title' | 'opensAt' | 'dueAt' | 'attemptsAllowed' | 'timeLimitMinutes' | 'latePolicy' | 'feedbackRelease'
  >;
}) {
  const local = (d: Date | null | undefined) => (d ? toDateTimeLocal(d, timeZone) : undefined);
  return (
    <>
      <Field
        id={`${idPrefix}-title`}
        label="Title shown to students (optional)"
        name="title"
        maxLength={200}
        defaultValue={values?.title}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`${idPrefix}-opens`}
          label={`Opens (${zoneLabel(timeZone)}, optional)`}
          name="opensAt"
          type="datetime-local"
          defaultValue={local(values?.opensAt)}
        />
        <DueDateField
          id={`${idPrefix}-due`}
          label={`Due (${zoneLabel(timeZone)}, optional)`}
          timeZone={timeZone}
          defaultValue={local(values?.dueAt)}
        />
        <Field
          label="Attempts allowed (empty: the quiz's own)"
          id={`${idPrefix}-attempts`}
          name="attemptsAllowed"
          inputMode="numeric"
          defaultValue={values?.attemptsAllowed ?? undefined}
        />
        <Field
          label="Time limit in minutes (empty: the quiz's own)"
          id={`${idPrefix}-minutes`}
          name="timeLimitMinutes"
          inputMode="numeric"
          defaultValue={values?.timeLimitMinutes ?? undefined}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1 text-sm">
          <label htmlFor={`${idPrefix}-late`} className="block font-medium">
            Late work
          </label>
          <select
            id={`${idPrefix}-late`}
            name="latePolicy"
            className={selectClass}
            defaultValue={values?.latePolicy.kind ?? 'accept'}
          >
            <option value="accept">Accept, marked late</option>
            <option value="penalty">Accept with a penalty</option>
            <option value="refuse">Refuse after the due date</option>
          </select>
        </div>
        <Field
          id={`${idPrefix}-penalty`}
          label="Late penalty (%)"
          name="penaltyPercent"
          inputMode="numeric"
          defaultValue={values?.latePolicy.kind === 'penalty' ? values.latePolicy.percent : 10}
        />
        <div className="space-y-1 text-sm">
          <label htmlFor={`${idPrefix}-feedback`} className="block font-medium">
            Feedback and answers
          </label>
          <select
            id={`${idPrefix}-feedback`}
            name="feedbackRelease"
            className={selectClass}
            defaultValue={values?.feedbackRelease ?? 'after-submit'}
          >
            <option value="after-submit">Right after submitting</option>
            <option value="after-due">After the due date</option>
          </select>
        </div>
      </div>
    </>
  );
}
