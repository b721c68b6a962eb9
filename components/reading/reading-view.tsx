'use client';

import { type ReactNode, useMemo, useRef, useState } from 'react';
import { removeHighlightAction, saveHighlightAction } from '@/app/(study)/readings/actions';
import { Button, buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { GlossaryTerm } from './glossary-term';
import type {
  ReadingHeader,
  ReadingSection,
  ViewGlossaryTerm,
  ViewHighlight,
  ViewNote,
  ViewParagraph,
  ViewProgress,
  ViewSentence,
} from './types';
import { useReadingProgress } from './use-reading-progress';

type Props = {
  reading: ReadingHeader;
  paragraphs: ViewParagraph[];
  sections: ReadingSection[];
  glossary: ViewGlossaryTerm[];
  notes: ViewNote[];
  initialProgress: ViewProgress | null;
  initialHighlights: ViewHighlight[];
  /** Guided questions shown after a section, by section id. */
  afterSection?: Record<string, ReactNode>;
  /** Section ids that stay closed until an earlier guided question is answered (guided mode). */
  lockedSections?: string[];
  /** Sentences a question's feedback points at ("Show in the text"): marked, and scrolled to. */
  evidence?: string[];
  /** The reading's quiz, offered at the end. */
  quizHref?: string | null;
};

const sentenceDomId = (sentenceId: string) => `s-${sentenceId.replace('.', '-')}`;

export function ReadingView({
  reading,
  paragraphs,
  sections,
  glossary,
  notes,
  initialProgress,
  initialHighlights,
  afterSection,
  lockedSections = [],
  evidence = [],
  quizHref = null,
}: Props) {
  const progress = useReadingProgress({
    slug: reading.slug,
    paragraphs,
    sections,
    initial: initialProgress,
    jumpTo: evidence[0] ? sentenceDomId(evidence[0]) : null,
  });
  const [highlights, setHighlights] = useState(initialHighlights);
  const [annotating, setAnnotating] = useState(false);
  const [selected, setSelected] = useState<ViewSentence | null>(null);
  const [panelMessage, setPanelMessage] = useState('');
  const [showHighlights, setShowHighlights] = useState(false);

  const paragraphById = useMemo(() => new Map(paragraphs.map((p) => [p.id, p])), [paragraphs]);
  const sentenceById = useMemo(
    () => new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s] as const))),
    [paragraphs],
  );
  const termById = useMemo(() => new Map(glossary.map((g) => [g.id, g])), [glossary]);
  const notesByParagraph = useMemo(() => {
    const map = new Map<string, ViewNote[]>();
    for (const note of notes) map.set(note.paragraphId, [...(map.get(note.paragraphId) ?? []), note]);
    return map;
  }, [notes]);
  const highlightBySentence = new Map(highlights.map((h) => [h.sentenceId, h]));
  const firstLocked = sections.findIndex((s) => lockedSections.includes(s.id));
  const visibleSections = firstLocked === -1 ? sections : sections.slice(0, firstLocked);

  const selectSentence = (sentence: ViewSentence) => {
    setSelected(sentence);
    setPanelMessage('');
  };

  return (
    <div className="reading">
      <ProgressBar percent={progress.percent} saveState={progress.saveState} />

      <div className="grid gap-8 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <ReadingOutline
          sections={sections}
          sectionsRead={progress.sectionsRead}
          lockedSections={lockedSections}
          currentParagraphId={progress.currentParagraphId}
        />

        <article aria-labelledby="reading-title" className="min-w-0">
          <header className="mb-8 max-w-[42rem] space-y-2">
            {reading.status === 'draft' && (
              <p className="inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                Draft: only you can see this
              </p>
            )}
            <h1 id="reading-title" className="font-serif text-3xl font-bold leading-tight sm:text-4xl">
              {reading.title}
            </h1>
            <p className="text-slate-700 dark:text-slate-300">
              {[reading.author, reading.source, reading.publishedOn].filter(Boolean).join(' · ')}
            </p>
            {reading.authorNote && (
              <p className="text-sm text-slate-600 dark:text-slate-400">{reading.authorNote}</p>
            )}
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {reading.readingMinutes} min read · {reading.wordCount.toLocaleString('en')} words
            </p>
          </header>

          {progress.restoredFrom && (
            <div
              role="status"
              className="mb-6 flex max-w-[42rem] flex-wrap items-center justify-between gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm dark:border-indigo-800 dark:bg-indigo-950 print:hidden"
            >
              <span>Welcome back: you are where you left off.</span>
              <button
                type="button"
                className="font-semibold text-indigo-800 underline dark:text-indigo-200"
                onClick={() => {
                  window.scrollTo({ top: 0 });
                  progress.dismissRestored();
                }}
              >
                Start from the beginning
              </button>
            </div>
          )}

          <div
            role="toolbar"
            aria-label="Reading tools"
            className="z-20 mb-8 flex max-w-[42rem] sm:sticky sm:top-12 flex-wrap gap-2 rounded-lg border border-slate-200 bg-white/95 p-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95 print:hidden"
          >
            <Button
              variant={annotating ? 'primary' : 'secondary'}
              aria-pressed={annotating}
              onClick={() => {
                setAnnotating((a) => !a);
                setSelected(null);
              }}
            >
              {annotating ? 'Done highlighting' : 'Highlight & note'}
            </Button>
            <Button
              variant="secondary"
              aria-expanded={showHighlights}
              onClick={() => setShowHighlights((s) => !s)}
            >
              My highlights ({highlights.length})
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </div>

          {annotating && (
            <p className="mb-6 max-w-[42rem] text-sm text-slate-600 dark:text-slate-400 print:hidden">
              Choose a sentence (click it, or Tab to it and press Enter) to highlight it or add a note.
            </p>
          )}

          {showHighlights && (
            <HighlightsList
              highlights={highlights}
              sentenceById={sentenceById}
              onRemove={async (h) => {
                const result = await removeHighlightAction({ highlightId: h.id });
                if (result.status === 'ok' || result.status === 'not-found') {
                  setHighlights((list) => list.filter((x) => x.id !== h.id));
                }
              }}
            />
          )}

          {visibleSections.map((section, index) => (
            <section key={section.id} aria-labelledby={`${section.id}-title`} className="mb-10">
              <h2
                id={`${section.id}-title`}
                className="mb-4 max-w-[42rem] scroll-mt-20 font-serif text-xl font-semibold text-slate-800 dark:text-slate-200"
              >
                <span className="sr-only">Section {index + 1}: </span>
                {section.title}
              </h2>
              {section.paragraphIds.map((paragraphId) => {
                const paragraph = paragraphById.get(paragraphId);
                if (!paragraph) return null;
                const paragraphNotes = notesByParagraph.get(paragraphId) ?? [];
                return (
                  <div key={paragraphId} className="grid gap-4 xl:grid-cols-[minmax(0,42rem)_15rem] xl:gap-8">
                    <p
                      id={paragraphId}
                      data-paragraph={paragraphId}
                      className="mb-5 scroll-mt-20 font-serif text-lg leading-8 text-slate-900 dark:text-slate-100"
                    >
                      {paragraph.sentences.map((sentence) => (
                        <Sentence
                          key={sentence.id}
                          sentence={sentence}
                          highlight={highlightBySentence.get(sentence.id)}
                          isEvidence={evidence.includes(sentence.id)}
                          annotating={annotating}
                          selected={selected?.id === sentence.id}
                          termById={termById}
                          onSelect={selectSentence}
                        />
                      ))}
                    </p>
                    {paragraphNotes.length > 0 && (
                      <aside aria-label="Context notes" className="mb-5 space-y-3 xl:mb-0">
                        {paragraphNotes.map((note) => (
                          <div
                            key={note.id}
                            className="rounded-lg border-l-4 border-teal-600 bg-teal-50 p-3 text-sm leading-snug text-slate-800 dark:border-teal-400 dark:bg-teal-950 dark:text-slate-200"
                          >
                            <p className="font-semibold">{note.title}</p>
                            <p className="mt-1">{note.body}</p>
                          </div>
                        ))}
                      </aside>
                    )}
                  </div>
                );
              })}
              {afterSection?.[section.id]}
            </section>
          ))}

          {firstLocked !== -1 && (
            <p className="max-w-[42rem] rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
              {sections.length - firstLocked} more{' '}
              {sections.length - firstLocked === 1 ? 'section opens' : 'sections open'} when you answer the
              question above.
            </p>
          )}

          {quizHref && firstLocked === -1 && (
            <div className="mt-10 flex max-w-[42rem] flex-wrap items-center justify-between gap-4 rounded-xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-800 dark:bg-indigo-950 print:hidden">
              <p className="font-semibold">Finished reading? Check what you understood.</p>
              <a href={quizHref} className={buttonClasses('primary')}>
                Take the quiz
              </a>
            </div>
          )}

          {glossary.length > 0 && (
            <section
              aria-labelledby="glossary-title"
              className="mt-12 max-w-[42rem] border-t border-slate-200 pt-6 dark:border-slate-700"
            >
              <h2 id="glossary-title" className="mb-3 font-serif text-xl font-semibold">
                Glossary
              </h2>
              <dl className="space-y-3 text-sm">
                {glossary.map((g) => (
                  <div key={g.id}>
                    <dt className="font-semibold">{g.term}</dt>
                    <dd className="text-slate-700 dark:text-slate-300">{g.definition}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </article>
      </div>

      {selected && (
        <AnnotationPanel
          key={selected.id}
          sentence={selected}
          highlight={highlightBySentence.get(selected.id)}
          message={panelMessage}
          onClose={() => {
            document.getElementById(sentenceDomId(selected.id))?.focus();
            setSelected(null);
          }}
          onSave={async (note) => {
            setPanelMessage('Saving…');
            const result = await saveHighlightAction({ slug: reading.slug, sentenceId: selected.id, note });
            if (result.status !== 'ok') return setPanelMessage(result.message);
            setHighlights((list) => [...list.filter((h) => h.sentenceId !== selected.id), result.data]);
            setPanelMessage('Saved.');
            setSelected(null);
          }}
          onRemove={async (highlight) => {
            const result = await removeHighlightAction({ highlightId: highlight.id });
            if (result.status !== 'ok' && result.status !== 'not-found')
              return setPanelMessage(result.message);
            setHighlights((list) => list.filter((h) => h.id !== highlight.id));
            setSelected(null);
          }}
        />
      )}
    </div>
  );
}

function ProgressBar({ percent, saveState }: { percent: number; saveState: string }) {
  return (
    <div className="sticky top-0 z-30 -mx-4 mb-6 bg-slate-50/95 px-4 py-2 backdrop-blur dark:bg-slate-950/95 print:hidden">
      <div className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
        <div
          role="progressbar"
          aria-label="Reading progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400"
            style={{ width: `${percent}%` }}
          />
        </div>
        <span className="w-16 text-right tabular-nums">{percent}% read</span>
        <span aria-live="polite" className="w-24">
          {saveState === 'saving'
            ? 'Saving…'
            : saveState === 'saved'
              ? 'Place saved'
              : saveState === 'error'
                ? 'Not saved'
                : ''}
        </span>
      </div>
    </div>
  );
}

function ReadingOutline({
  sections,
  sectionsRead,
  lockedSections,
  currentParagraphId,
}: {
  sections: ReadingSection[];
  sectionsRead: string[];
  lockedSections: string[];
  currentParagraphId: string;
}) {
  const links = (
    <ol className="space-y-1 text-sm">
      {sections.map((section, index) => {
        const current = section.paragraphIds.includes(currentParagraphId);
        const read = sectionsRead.includes(section.id);
        const locked = lockedSections.includes(section.id);
        return (
          <li key={section.id}>
            {locked ? (
              <span className="flex gap-2 rounded px-2 py-1 text-slate-500 dark:text-slate-400">
                <span aria-hidden="true">🔒</span>
                <span>
                  {index + 1}. {section.title}
                  <span className="sr-only"> (opens after the guided question)</span>
                </span>
              </span>
            ) : (
              <a
                href={`#${section.id}-title`}
                aria-current={current ? 'location' : undefined}
                className={cn(
                  'flex gap-2 rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800',
                  current &&
                    'bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100',
                )}
              >
                <span aria-hidden="true" className="w-4 shrink-0 text-emerald-700 dark:text-emerald-300">
                  {read ? '✓' : ''}
                </span>
                <span>
                  {index + 1}. {section.title}
                  {read && <span className="sr-only"> (read)</span>}
                </span>
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
  return (
    <nav aria-label="Sections" className="print:hidden">
      <details className="rounded-lg border border-slate-200 p-3 lg:hidden dark:border-slate-700">
        <summary className="cursor-pointer font-semibold">Sections</summary>
        <div className="mt-2">{links}</div>
      </details>
      <div className="sticky top-14 hidden lg:block">
        <h2 className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Sections
        </h2>
        {links}
      </div>
    </nav>
  );
}

function Sentence({
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
    'rounded-sm',
    highlight && 'bg-amber-200 text-slate-950 dark:bg-amber-300 dark:text-slate-950',
    isEvidence &&
      'bg-sky-100 underline decoration-sky-600 decoration-2 underline-offset-4 dark:bg-sky-900 dark:decoration-sky-300',
    annotating && 'cursor-pointer hover:outline hover:outline-2 hover:outline-indigo-300',
    selected && 'outline outline-2 outline-indigo-600',
  );
  const noteMarker = highlight?.note ? (
    <span className="ml-0.5 align-super text-xs text-indigo-700 dark:text-indigo-300" title={highlight.note}>
      <span aria-hidden="true">✎</span>
      <span className="sr-only"> (your note: {highlight.note})</span>
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

function AnnotationPanel({
  sentence,
  highlight,
  message,
  onSave,
  onRemove,
  onClose,
}: {
  sentence: ViewSentence;
  highlight: ViewHighlight | undefined;
  message: string;
  onSave: (note: string | null) => void;
  onRemove: (highlight: ViewHighlight) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState(highlight?.note ?? '');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="annotation-title"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white p-4 shadow-2xl dark:border-slate-700 dark:bg-slate-900 print:hidden"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <form
        className="mx-auto max-w-3xl space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(note);
        }}
      >
        <h2 id="annotation-title" className="text-sm font-semibold">
          {highlight ? 'Your highlight' : 'Highlight this sentence'}
        </h2>
        <blockquote className="border-l-4 border-amber-400 pl-3 font-serif text-slate-800 dark:text-slate-200">
          {sentence.text}
        </blockquote>
        <label htmlFor="annotation-note" className="block text-sm font-medium">
          Note (optional)
        </label>
        <textarea
          id="annotation-note"
          ref={noteRef}
          // biome-ignore lint/a11y/noAutofocus: the panel opens on the reader's request; focus belongs in it
          autoFocus
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-950"
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit">{highlight ? 'Save note' : 'Highlight'}</Button>
          {highlight && (
            <Button variant="secondary" onClick={() => onRemove(highlight)}>
              Remove highlight
            </Button>
          )}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <span aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
            {message}
          </span>
        </div>
      </form>
    </div>
  );
}

function HighlightsList({
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
      className="mb-8 max-w-[42rem] rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900 print:hidden"
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
                {sentenceById.get(h.sentenceId)?.text ?? 'A sentence no longer in this reading'}
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
