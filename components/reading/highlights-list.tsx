import { sentenceText, type ViewHighlight, type ViewSentence } from '@/lib/reading/view';
import { sentenceDomId } from './sentence';

export function HighlightsList({
  highlights,
  sentenceById,
  onRemove,
}: {
  highlights: ViewHighlight[];
  sentenceById: Map<string, ViewSentence>;
  onRemove: (highlight: ViewHighlight) => void;
}) {
  return (
    <section
      aria-labelledby="highlights-title"
      className="mb-8 reading-column rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900 print:hidden"
    >
      <h2 id="highlights-title" className="mb-3 font-semibold">
        My highlights
      </h2>
      {highlights.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No highlights yet. Press "Highlight &amp; note", then choose a sentence.
        </p>
      ) : (
        <ul className="space-y-3">
          {highlights.map((h) => (
            <li key={h.id} className="text-sm">
              <a
                href={`#${sentenceDomId(h.sentenceId)}`}
                className="font-serif text-slate-900 underline decoration-amber-400 decoration-2 dark:text-slate-100"
              >
                {sentenceById.has(h.sentenceId)
                  ? sentenceText(sentenceById.get(h.sentenceId)!)
                  : 'A sentence no longer in this reading'}
              </a>
              {h.note && <p className="mt-1 text-slate-700 dark:text-slate-300">Note: {h.note}</p>}
              <button
                type="button"
                className="mt-1 text-xs font-semibold text-red-700 underline dark:text-red-300"
                onClick={() => onRemove(h)}
              >
                Remove
                <span className="sr-only"> this highlight</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
