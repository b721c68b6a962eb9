import { ActionForm } from '@/components/ui/action-form';
import type { Class } from '@/db/schema';
import { changeJoinCodeAction } from '@/lib/server/actions/classes';

const card =
  'space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

/** The class's join code and link, and turning joining on, off or to a new code. */
export function JoiningPanel({ klass, joinLink }: { klass: Class; joinLink: string | null }) {
  const hidden = <input type="hidden" name="classId" value={klass.id} />;
  return (
    <section aria-labelledby="join-title" className={card}>
      <h2 id="join-title" className="text-lg font-semibold">
        Joining
      </h2>
      {klass.joinCode ? (
        <p>
          Join code:{' '}
          <strong data-testid="join-code" className="font-mono text-lg">
            {klass.joinCode}
          </strong>
          <br />
          <span className="text-sm">
            Join link: <span className="font-mono">{joinLink}</span>
          </span>
        </p>
      ) : (
        <p>Joining by code is off.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <ActionForm
          action={changeJoinCodeAction}
          submitLabel={klass.joinCode ? 'New code' : 'Turn joining on'}
          variant="secondary"
        >
          {hidden}
          <input type="hidden" name="mode" value="new" />
        </ActionForm>
        {klass.joinCode && (
          <ActionForm action={changeJoinCodeAction} submitLabel="Turn joining off" variant="secondary">
            {hidden}
            <input type="hidden" name="mode" value="off" />
          </ActionForm>
        )}
      </div>
    </section>
  );
}
