'use client';

import { type ReactNode, useMemo, useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { readPercent } from '@/lib/reading/sections';
import type {
  ReadingHeader,
  ReadingSection,
  ViewGlossaryTerm,
  ViewHighlight,
  ViewNote,
  ViewParagraph,
  ViewProgress,
  ViewSentence,
} from '@/lib/reading/view';
import { removeHighlightAction, saveHighlightAction } from '@/lib/server/actions/study';
import { AnnotationPanel } from './annotation-panel';
import { HighlightsList } from './highlights-list';
import { ReadingOutline } from './reading-outline';
import { ProgressBar } from './reading-progress-bar';
import { Sentence, sentenceDomId } from './sentence';
import { useMarginNotes } from './use-margin-notes';
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
  const article = useRef<HTMLElement>(null);

  const paragraphById = useMemo(() => new Map(paragraphs.map((p) => [p.id, p])), [paragraphs]);
  // Numbered as feedback and explanations cite them ("paragraph 9").
  const paragraphNumber = useMemo(() => new Map(paragraphs.map((p, i) => [p.id, i + 1])), [paragraphs]);
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
  useMarginNotes(article, `${visibleSections.length}:${notes.length}`);

  const selectSentence = (sentence: ViewSentence) => {
    setSelected(sentence);
    setPanelMessage('');
  };

  return (
    <div className="reading">
      <ProgressBar
        // While guided sections are closed, only the open part can have been read.
        percent={readPercent({ percent: progress.percent, sections, lockedSectionIds: lockedSections })}
        moreLocked={firstLocked !== -1}
        saveState={progress.saveState}
        savedPlace={progress.savedPlace}
      />

      <div className="grid gap-8 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <ReadingOutline
          sections={sections}
          sectionsRead={progress.sectionsRead}
          lockedSections={lockedSections}
          currentParagraphId={progress.currentParagraphId}
        />

        <article ref={article} aria-labelledby="reading-title" className="min-w-0">
          <header className="mb-8 reading-column space-y-2">
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
              className="mb-6 flex reading-column flex-wrap items-center justify-between gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm dark:border-indigo-800 dark:bg-indigo-950 print:hidden"
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
            className="z-20 mb-8 flex reading-column sm:sticky sm:top-12 flex-wrap gap-2 rounded-lg border border-slate-200 bg-white/95 p-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95 print:hidden"
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
            <p className="mb-6 reading-column text-sm text-slate-600 dark:text-slate-400 print:hidden">
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
                className="mb-4 reading-column scroll-mt-36 font-serif text-xl font-semibold text-slate-800 dark:text-slate-200"
              >
                <span className="sr-only">Section {index + 1}: </span>
                {section.title}
              </h2>
              {section.paragraphIds.map((paragraphId) => {
                const paragraph = paragraphById.get(paragraphId);
                if (!paragraph) return null;
                const paragraphNotes = notesByParagraph.get(paragraphId) ?? [];
                return (
                  <div key={paragraphId} className="paragraph-row">
                    <p
                      id={paragraphId}
                      data-paragraph={paragraphId}
                      data-paragraph-number={paragraphNumber.get(paragraphId)}
                      className="reading-paragraph"
                    >
                      <span className="paragraph-number">
                        <span className="sr-only">Paragraph </span>
                        {paragraphNumber.get(paragraphId)}
                        <span className="sr-only">.</span>
                      </span>
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
                      <aside data-margin-notes aria-label="Context notes" className="mb-5 xl:mb-0 xl:h-0">
                        <div className="space-y-3">
                          {paragraphNotes.map((note) => (
                            <div key={note.id} className="margin-note">
                              <p className="font-semibold">{note.title}</p>
                              <p className="mt-1">{note.body}</p>
                            </div>
                          ))}
                        </div>
                      </aside>
                    )}
                  </div>
                );
              })}
              {afterSection?.[section.id]}
            </section>
          ))}

          {firstLocked !== -1 && (
            <p className="reading-column rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
              {sections.length - firstLocked} more{' '}
              {sections.length - firstLocked === 1 ? 'section opens' : 'sections open'} when you answer the
              question above.
            </p>
          )}

          {quizHref && firstLocked === -1 && (
            <div className="mt-10 flex reading-column flex-wrap items-center justify-between gap-4 rounded-xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-800 dark:bg-indigo-950 print:hidden">
              <p className="font-semibold">Finished reading? Check what you understood.</p>
              <a href={quizHref} className={buttonClasses('primary')}>
                Take the quiz
              </a>
            </div>
          )}

          {glossary.length > 0 && (
            <section
              aria-labelledby="glossary-title"
              className="mt-12 reading-column border-t border-slate-200 pt-6 dark:border-slate-700"
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
