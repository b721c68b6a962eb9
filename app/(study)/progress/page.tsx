import type { Metadata } from 'next';
import Link from 'next/link';
import { ScoreChart } from '@/components/charts/score-chart';
import { cardReleasedFlags } from '@/lib/quiz/attempts';
import { requireUser } from '@/lib/server/session';
import type { Mastery } from '@/lib/srs/progress';
import { studentProgress } from '@/lib/srs/student-progress';
import { skillName } from '@/questions/schema';

export const metadata: Metadata = { title: 'Progress' };

function MasteryBars({
  title,
  rows,
  nameOf = (label) => label,
}: {
  title: string;
  rows: Mastery;
  /** How a row's label reads (a skill's id becomes its name). */
  nameOf?: (label: string) => string;
}) {
  return (
    <section aria-labelledby={`${title}-title`} className="space-y-2">
      <h2 id={`${title}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No answers yet.</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.label} className="text-sm" data-mastery={r.label}>
              <div className="flex justify-between">
                <span>{nameOf(r.label)}</span>
                <span className="tabular-nums">
                  {Math.round(r.mastery * 100)}%{' '}
                  <span className="text-slate-600 dark:text-slate-400">({r.questions})</span>
                </span>
              </div>
              <div
                className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
                aria-hidden="true"
              >
                <div
                  className={
                    r.mastery >= 0.8
                      ? 'h-full bg-emerald-600'
                      : r.mastery >= 0.5
                        ? 'h-full bg-amber-500'
                        : 'h-full bg-red-600'
                  }
                  style={{ width: `${Math.round(r.mastery * 100)}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function ProgressPage() {
  const user = await requireUser('/progress');
  await cardReleasedFlags({ userId: user.id });
  const p = await studentProgress(user.id, user.timeZone);
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Your progress</h1>
      <p
        role="note"
        className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 dark:border-indigo-800 dark:bg-indigo-950"
        data-testid="advice"
      >
        {p.advice}
      </p>
      <dl className="grid gap-4 sm:grid-cols-4">
        {[
          ['Reviews due now', String(p.due)],
          ['Review streak', `${p.streak} day${p.streak === 1 ? '' : 's'}`],
          ['Retention (30 days)', p.retention === null ? '—' : `${Math.round(p.retention * 100)}%`],
          ['Readings finished', String(p.completed.length)],
        ].map(([label, value]) => (
          <div
            key={label}
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-2xl font-bold" data-stat={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {p.due > 0 && (
        <Link
          href="/review"
          className="inline-block font-semibold text-indigo-800 underline dark:text-indigo-200"
        >
          Review the {p.due} due card{p.due === 1 ? '' : 's'}
        </Link>
      )}
      <section aria-labelledby="scores-title" className="space-y-2">
        <h2 id="scores-title" className="text-lg font-semibold">
          Quiz scores over time
        </h2>
        {p.quizScores.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Take a quiz to start the chart.</p>
        ) : (
          <ScoreChart points={p.quizScores} />
        )}
      </section>
      <div className="grid gap-8 md:grid-cols-2">
        <MasteryBars title="Mastery by skill" rows={p.bySkill} nameOf={skillName} />
        <MasteryBars title="Mastery by concept" rows={p.byConcept} />
      </div>
      {p.completed.length > 0 && (
        <section aria-labelledby="done-title">
          <h2 id="done-title" className="mb-2 text-lg font-semibold">
            Readings finished
          </h2>
          <ul className="list-disc pl-5">
            {p.completed.map((r) => (
              <li key={r.slug}>
                <Link href={`/readings/${r.slug}`} className="underline">
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
