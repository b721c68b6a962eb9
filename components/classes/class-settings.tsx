import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { TimeZoneField } from '@/components/ui/time-zone-field';
import type { Class } from '@/db/schema';
import { archiveClassAction, renameClassAction, setClassTimeZoneAction } from '@/lib/server/actions/classes';

const card =
  'space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** The class's name and time zone, for its instructors. */
export function ClassSettings({ klass }: { klass: Class }) {
  const hidden = <input type="hidden" name="classId" value={klass.id} />;
  return (
    <details className={card}>
      <summary className="cursor-pointer font-semibold">Class settings</summary>
      <ActionForm action={renameClassAction} submitLabel="Rename" variant="secondary" className="max-w-md">
        {hidden}
        <Field label="Class name" name="name" defaultValue={klass.name} maxLength={120} required />
      </ActionForm>
      <ActionForm
        action={archiveClassAction}
        submitLabel={klass.archivedAt ? 'Restore the class' : 'Archive the class'}
        variant="secondary"
      >
        {hidden}
        {!klass.archivedAt && <input type="hidden" name="archived" value="on" />}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {klass.archivedAt
            ? 'This class is archived. Restoring it opens its assignments again.'
            : 'At the end of the course: students keep their results, but nothing new can be started and the join code stops working. You can restore it.'}
        </p>
      </ActionForm>
      <ActionForm action={setClassTimeZoneAction} submitLabel="Save time zone" variant="secondary">
        {hidden}
        <TimeZoneField
          label="The class's time zone"
          value={klass.timeZone}
          hint="Due dates are typed in this zone. Each student sees them in their own time zone."
        />
      </ActionForm>
    </details>
  );
}
