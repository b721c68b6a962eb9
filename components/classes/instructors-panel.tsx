import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { addCoInstructorAction } from '@/lib/server/actions/classes';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** The class's instructors, and adding a co-instructor. */
export function InstructorsPanel({
  classId,
  instructors,
}: {
  classId: string;
  instructors: { userId: string; name: string | null; email: string }[];
}) {
  const hidden = <input type="hidden" name="classId" value={classId} />;
  return (
    <section aria-labelledby="roster-title" className={card}>
      <h2 id="roster-title" className="text-lg font-semibold">
        Instructors
      </h2>
      <ul className="text-sm">
        {instructors.map((m) => (
          <li key={m.userId}>
            {m.name} <span className="text-slate-600 dark:text-slate-400">{m.email}</span>
          </li>
        ))}
      </ul>
      <ActionForm action={addCoInstructorAction} submitLabel="Invite a co-instructor" variant="secondary">
        {hidden}
        <Field
          label="Their email"
          name="email"
          type="email"
          maxLength={254}
          hint="We email them a link; they teach this class once they accept it."
        />
      </ActionForm>
    </section>
  );
}
