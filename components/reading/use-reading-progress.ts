'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadingSection, ViewParagraph, ViewProgress } from '@/lib/reading/view';
import { saveProgressAction } from '@/lib/server/actions/study';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The paragraph at the reader's eye line: the last one whose top has passed 35% of the screen. */
function paragraphAtEyeLine(ids: string[]): number {
  const line = window.innerHeight * 0.35;
  let current = 0;
  ids.forEach((id, index) => {
    const top = document.getElementById(id)?.getBoundingClientRect().top;
    if (top !== undefined && top < line) current = index;
  });
  return current;
}

/**
 * Tracks how far a student has read (the place, the furthest paragraph, the sections finished)
 * and saves it a moment after they stop scrolling; restores the place on the first render.
 */
export function useReadingProgress({
  slug,
  paragraphs,
  sections,
  initial,
  jumpTo,
}: {
  slug: string;
  paragraphs: ViewParagraph[];
  sections: ReadingSection[];
  initial: ViewProgress | null;
  /** An element to show first instead of the saved place (evidence from a question's feedback). */
  jumpTo: string | null;
}) {
  const ids = paragraphs.map((p) => p.id);
  const [current, setCurrent] = useState(() => Math.max(0, ids.indexOf(initial?.lastParagraphId ?? '')));
  const [furthest, setFurthest] = useState(initial?.furthestParagraph ?? 0);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const [savedPlace, setSavedPlace] = useState<string | null>(initial?.lastParagraphId ?? null);
  const lastSaved = useRef(`${initial?.lastParagraphId ?? ''}|${initial?.furthestParagraph ?? 0}`);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const sectionsRead = sections
    .filter((s) => {
      const lastIndex = ids.indexOf(s.paragraphIds.at(-1) ?? '');
      return lastIndex >= 0 && lastIndex < furthest;
    })
    .map((s) => s.id);

  // Restore the place once, before tracking starts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design
  useEffect(() => {
    if (jumpTo) return;
    const place = initial?.lastParagraphId;
    if (place && place !== ids[0]) {
      document.getElementById(place)?.scrollIntoView({ block: 'start' });
      setRestoredFrom(place);
    }
  }, []);

  // Evidence from a question's feedback is shown first, also when the link is followed in place.
  useEffect(() => {
    if (jumpTo) document.getElementById(jumpTo)?.scrollIntoView({ block: 'center' });
  }, [jumpTo]);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const list = idsRef.current;
        const index = paragraphAtEyeLine(list);
        const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 40;
        setCurrent(index);
        setFurthest((f) => Math.max(f, atBottom ? list.length : index + 1));
      });
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, []);

  const paragraphId = ids[current] ?? ids[0] ?? 'p1';
  const save = useCallback(async () => {
    const key = `${paragraphId}|${furthest}`;
    if (key === lastSaved.current) return;
    setSaveState('saving');
    try {
      const result = await saveProgressAction({
        slug,
        paragraphId,
        furthestParagraph: furthest,
        sectionsRead,
      });
      if (result.status === 'ok') {
        lastSaved.current = key;
        setSavedPlace(paragraphId);
        setSaveState('saved');
      } else {
        setSaveState('error');
      }
    } catch {
      setSaveState('error');
    }
  }, [slug, paragraphId, furthest, sectionsRead]);

  useEffect(() => {
    const timer = setTimeout(save, 800);
    return () => clearTimeout(timer);
  }, [save]);

  return {
    currentParagraphId: paragraphId,
    furthest,
    percent: ids.length ? Math.round((Math.min(furthest, ids.length) / ids.length) * 100) : 0,
    sectionsRead,
    saveState,
    /** The paragraph last saved as the student's place. */
    savedPlace,
    restoredFrom,
    dismissRestored: () => setRestoredFrom(null),
  };
}
