'use client';

/** One student's row of the heat map: their name and mastery per skill in percent (null: no answers yet). */
export type MasteryRow = { userId: string; name: string; percents: (number | null)[] };

/** The shade of a mastery value, set once in app/globals.css (data-mastery) rather than on each cell. */
const level = (percent: number) =>
  percent >= 80 ? 'high' : percent >= 60 ? 'good' : percent >= 40 ? 'fair' : 'low';

/**
 * Mastery by skill for the students shown, red to green with the number in each cell for those
 * who cannot tell colours apart. A client component, like the student table, so that the page
 * sends its 50 rows as numbers rather than as a tree of cells.
 */
export function MasteryGrid({ skills, rows }: { skills: string[]; rows: MasteryRow[] }) {
  return (
    <table className="text-sm [&_td]:px-2 [&_td]:py-1 [&_td]:text-center [&_td]:text-xs [&_td]:tabular-nums">
      <thead>
        <tr>
          <th className="py-1 pr-4 text-left font-medium">Student</th>
          {skills.map((s) => (
            <th key={s} className="px-2 py-1 text-xs font-medium">
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.userId}>
            <th scope="row" className="py-1 pr-4 text-left font-normal">
              {r.name}
            </th>
            {r.percents.map((p, i) =>
              p === null ? (
                <td key={skills[i]} className="text-slate-400">
                  —
                </td>
              ) : (
                <td key={skills[i]} data-mastery={level(p)}>
                  {p}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
