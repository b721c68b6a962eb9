import { cn } from '@/components/ui/cn';
import type { ViewGlossaryTerm, ViewHighlight, ViewSentence } from '@/lib/reading/view';
import { GlossaryTerm } from './glossary-term';

export const sentenceDomId = (sentenceId: string) => `s-${sentenceId.replace('.', '-')}`;

export function Sentence({
  sentence,
  highlight,
  isEvidence,
  annotating,
  selected,
  termById,
  onSelect,
}: {
  sentence: ViewSentence;
  highlight: ViewHighlight | undefined;
  isEvidence: boolean;
  annotating: boolean;
  selected: boolean;
  termById: Map<string, ViewGlossaryTerm>;
  onSelect: (sentence: ViewSentence) => void;
}) {
  let offset = 0;
  const content = sentence.segments.map((segment) => {
    const key = `${sentence.id}@${offset}`;
    offset += segment.text.length;
    const term = segment.termId ? termById.get(segment.termId) : undefined;
    if (!term) return <span key={key}>{segment.text}</span>;
    // While annotating, the whole sentence is the control: a term inside must not be a second one.
    return annotating ? (
      <span key={key} className="border-b-2 border-dotted border-indigo-500">
        {segment.text}
      </span>
    ) : (
      <GlossaryTerm key={key} text={segment.text} term={term.term} definition={term.definition} />
    );
  });
  const className = cn(
    'sentence',
    highlight && 'bg-amber-200 text-slate-950 dark:bg-amber-300 dark:text-slate-950',
    isEvidence &&
      'bg-sky-100 underline decoration-sky-600 decoration-2 underline-offset-4 dark:bg-sky-900 dark:decoration-sky-300',
    annotating && 'cursor-pointer hover:outline hover:outline-2 hover:outline-indigo-300',
    selected && 'outline outline-2 outline-indigo-600',
  );
  const noteMarker = highlight?.note ? (
    <span className="ml-0.5 align-super text-xs text-indigo-700 dark:text-indigo-300" title={highlight.note}>
      <span aria-hidden="true">✎</span>
      <span className="sr-only print:hidden"> (your note: {highlight.note})</span>
      {/* On paper there is no hover: the note is printed after the sentence. */}
      <span className="hidden text-sm italic print:inline" data-print-note>
        {' '}
        [Note: {highlight.note}]
      </span>
    </span>
  ) : null;

  if (!annotating) {
    return (
      <>
        <span id={sentenceDomId(sentence.id)} data-sentence={sentence.id} className={className}>
          {isEvidence && <span className="sr-only">Evidence for the question: </span>}
          {highlight && <span className="sr-only">Highlighted: </span>}
          {content}
        </span>
        {noteMarker}{' '}
      </>
    );
  }
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a <button> cannot wrap across lines inside a paragraph as a sentence must */}
      <span
        id={sentenceDomId(sentence.id)}
        data-sentence={sentence.id}
        role="button"
        tabIndex={0}
        aria-pressed={Boolean(highlight)}
        className={className}
        onClick={() => onSelect(sentence)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(sentence);
          }
        }}
      >
        {content}
      </span>
      {noteMarker}{' '}
    </>
  );
}
