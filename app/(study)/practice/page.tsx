import type { Metadata } from 'next';
import { PracticeQuestion } from '@/components/review/practice-question';
import { listPracticeConcepts, pickPracticeQuestion } from '@/db/queries/progress';
import { listVisibleReadings } from '@/db/queries/readings';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { requireUser } from '@/lib/server/session';
import { SKILL_NAMES, SKILLS, skillName } from '@/questions/schema';

export const metadata: Metadata = { title: 'Practice' };

// A long reading title must not widen the page on a phone: the list shrinks to fit and truncates.
const selectClass =
  'block w-full max-w-full truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 sm:w-auto sm:max-w-xs dark:border-slate-600 dark:bg-slate-900';

export default async function PracticePage({ searchParams }: PageProps<'/practice'>) {
  const user = await requireUser('/practice');
  const params = await searchParams;
  const text = (name: string) =>
    typeof params[name] === 'string' && params[name] ? (params[name] as string) : null;
  const [readings, concepts] = await Promise.all([
    listVisibleReadings({ userId: user.id }),
    listPracticeConcepts({ userId: user.id }),
  ]);
  const readingId = readings.some((r) => r.id === text('reading')) ? text('reading') : null;
  const skill = SKILLS.includes(text('skill') as (typeof SKILLS)[number]) ? text('skill') : null;
  const concept = concepts.includes(text('concept') ?? '') ? text('concept') : null;
  const picked = await pickPracticeQuestion({
    userId: user.id,
    readingId,
    skill,
    concept,
    exclude: text('after'),
  });
  const nextParams = new URLSearchParams(
    Object.entries({ reading: readingId, skill, concept, after: picked?.question.id ?? null }).flatMap(
      ([k, v]) => (v ? [[k, v]] : []),
    ),
  );

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold">Practice</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Questions with feedback straight away, for as long as you like. Practice counts toward your mastery,
          never toward a grade.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="w-full min-w-0 space-y-1 sm:w-auto">
          <span className="block font-medium">Reading</span>
          <select name="reading" defaultValue={readingId ?? ''} className={selectClass}>
            <option value="">Any reading</option>
            {readings.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label className="w-full min-w-0 space-y-1 sm:w-auto">
          <span className="block font-medium">Skill</span>
          <select name="skill" defaultValue={skill ?? ''} className={selectClass}>
            <option value="">Any skill</option>
            {SKILLS.map((s) => (
              <option key={s} value={s}>
                {SKILL_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="w-full min-w-0 space-y-1 sm:w-auto">
          <span className="block font-medium">Concept</span>
          <select name="concept" defaultValue={concept ?? ''} className={selectClass}>
            <option value="">Any concept</option>
            {concepts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600"
        >
          Practise these
        </button>
      </form>
      {picked ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            From “{picked.readingTitle}” · {skillName(picked.question.skill)}
          </p>
          <PracticeQuestion
            key={picked.question.id}
            question={toStudentQuestion(picked.question.data, `${user.id}:practice`, true)}
            readingSlug={picked.readingSlug}
            nextHref={`/practice?${nextParams}`}
          />
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
          No approved questions match these choices yet.
        </p>
      )}
    </div>
  );
}
