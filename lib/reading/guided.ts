import { paragraphIdsBySentence } from '@/questions/reading/edit';
import type { ReadingParagraph, ReadingSection } from '@/questions/reading/types';
import type { Question } from '@/questions/schema';

/** Types a student can answer in a moment beside the text. */
const GUIDED_TYPES: Question['type'][] = [
  'multiple-choice',
  'true-false',
  'short-answer',
  'select-evidence',
  'multiple-answer',
];
const PER_SECTION = 2;

/**
 * A few approved questions after each section, resting only on that section's text: authored
 * before generated, one free-text "why" question where there is one, then the easiest others.
 * A sentence's paragraph is the one that holds it now (a merge or a split may have moved it, so
 * its id's prefix is not its address); a question resting on a sentence no longer in the reading
 * is never guided.
 */
export function pickGuidedQuestions(
  approved: Question[],
  reading: { paragraphs: ReadingParagraph[]; sections: ReadingSection[] },
): Map<string, Question[]> {
  const picked = new Map<string, Question[]>();
  const paragraphOf = paragraphIdsBySentence(reading);
  for (const section of reading.sections) {
    const inSection = new Set(section.paragraphIds);
    const candidates = approved
      .filter(
        (q) =>
          GUIDED_TYPES.includes(q.type) && q.evidence.every((id) => inSection.has(paragraphOf.get(id) ?? '')),
      )
      .sort(
        (a, b) =>
          Number(a.source === 'generated') - Number(b.source === 'generated') ||
          a.difficulty - b.difficulty ||
          a.id.localeCompare(b.id),
      );
    const why = candidates.find((q) => q.type === 'short-answer');
    const rest = candidates.filter((q) => q !== why);
    picked.set(section.id, [...(why ? [why] : []), ...rest].slice(0, PER_SECTION));
  }
  return picked;
}

/**
 * In guided mode, a section stays closed until every guided question before it has been
 * answered at least once. Returns the ids of the closed sections.
 */
export function lockedSectionIds(
  sections: ReadingSection[],
  guided: Map<string, Question[]>,
  answered: Set<string>,
  guidedMode: boolean,
): string[] {
  if (!guidedMode) return [];
  const locked: string[] = [];
  let open = true;
  for (const section of sections) {
    if (!open) locked.push(section.id);
    else if ((guided.get(section.id) ?? []).some((q) => !answered.has(q.id))) open = false;
  }
  return locked;
}
