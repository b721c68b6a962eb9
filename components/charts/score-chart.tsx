/** Quiz scores over time as an accessible SVG line chart, with the numbers in a table for screen readers. */
export function ScoreChart({ points }: { points: { label: string; date: string; score: number }[] }) {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 16, top: 16, bottom: 32 };
  const x = (i: number) =>
    pad.left +
    (points.length === 1
      ? (width - pad.left - pad.right) / 2
      : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (score: number) => pad.top + (1 - score) * (height - pad.top - pad.bottom);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`)
    .join(' ');
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="score-chart-title"
        className="w-full max-w-2xl text-indigo-700 dark:text-indigo-300"
      >
        <title id="score-chart-title">
          {`Quiz scores over time, from ${points[0]?.date} to ${points.at(-1)?.date}`}
        </title>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(tick)}
              y2={y(tick)}
              className="stroke-slate-200 dark:stroke-slate-700"
              strokeWidth={1}
            />
            <text
              x={pad.left - 6}
              y={y(tick) + 4}
              textAnchor="end"
              className="fill-slate-600 text-[11px] dark:fill-slate-400"
            >
              {`${tick * 100}%`}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2.5} />
        {points.map((p, i) => (
          <circle key={`${p.label}@${p.date}`} cx={x(i)} cy={y(p.score)} r={4} fill="currentColor" />
        ))}
        {points.map((p, i) => (
          <text
            key={`l-${p.label}@${p.date}`}
            x={x(i)}
            y={height - 10}
            textAnchor="middle"
            className="fill-slate-600 text-[11px] dark:fill-slate-400"
          >
            {p.date.slice(5)}
          </text>
        ))}
      </svg>
      {/* The box, not the table, is hidden: a table grows to its text, and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Quiz scores</caption>
          <thead>
            <tr>
              <th>Date</th>
              <th>Quiz</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`t-${p.label}@${p.date}`}>
                <td>{p.date}</td>
                <td>{p.label}</td>
                <td>{Math.round(p.score * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
