import { describe, expect, it } from 'vitest';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { deleteParagraph, mergeParagraphs, paragraphOfSentence } from '@/questions/reading/edit';
import { lockedSectionIds, pickGuidedQuestions } from './guided';
import { readPercent } from './sections';

const { reading } = loadShippedReading('burns-lead-with-diplomacy');
const bank = loadAuthoredBank('burns-lead-with-diplomacy').filter((q) => q.status === 'approved');

describe('guided questions for the Burns reading', () => {
  const guided = pickGuidedQuestions(bank, reading);

  it('gives every section one or two questions resting on that section alone', () => {
    for (const section of reading.sections) {
      const questions = guided.get(section.id) ?? [];
      expect(questions.length, section.title).toBeGreaterThanOrEqual(1);
      expect(questions.length).toBeLessThanOrEqual(2);
      for (const q of questions) {
        for (const id of q.evidence)
          expect(section.paragraphIds).toContain(paragraphOfSentence(reading, id)?.id);
      }
    }
  });

  it('puts the "why coalitions" question after the section that makes the argument', () => {
    const section = reading.sections.find((s) =>
      (guided.get(s.id) ?? []).some((q) => q.id === 'burns-why-coalitions'),
    );
    expect(section?.paragraphIds).toContain('p9');
  });

  it('opens sections in guided mode only as the questions before them are answered', () => {
    const ids = reading.sections.map((s) => s.id);
    expect(lockedSectionIds(reading.sections, guided, new Set(), false)).toEqual([]);
    expect(lockedSectionIds(reading.sections, guided, new Set(), true)).toEqual(ids.slice(1));
    const firstAnswered = new Set((guided.get(ids[0]!) ?? []).map((q) => q.id));
    expect(lockedSectionIds(reading.sections, guided, firstAnswered, true)).toEqual(ids.slice(2));
    const all = new Set([...guided.values()].flat().map((q) => q.id));
    expect(lockedSectionIds(reading.sections, guided, all, true)).toEqual([]);
  });

  it('never says 100 % read while a guided section is still closed', () => {
    const { sections } = reading;
    const ids = sections.map((s) => s.id);
    const total = sections.reduce((n, s) => n + s.paragraphIds.length, 0);
    const firstOpen = sections[0]!.paragraphIds.length;
    // Nothing answered yet: a place saved at the very end (before the reading turned guided
    // mode on) is capped at the open first section.
    const locked = lockedSectionIds(sections, guided, new Set(), true);
    const capped = readPercent({ percent: 100, sections, lockedSectionIds: locked });
    expect(capped).toBe(Math.floor((firstOpen / total) * 100));
    expect(capped).toBeLessThan(100);
    // Only the last section closed: still under 100.
    expect(readPercent({ percent: 100, sections, lockedSectionIds: ids.slice(-1) })).toBeLessThan(100);
    // Less read than the open part: the place as it is; nothing closed: the whole way.
    expect(readPercent({ percent: 3, sections, lockedSectionIds: ids.slice(1) })).toBe(3);
    expect(readPercent({ percent: 100, sections, lockedSectionIds: [] })).toBe(100);
  });

  it('finds a sentence in the paragraph that holds it after a merge, not by its id', () => {
    // A question resting on the first paragraph of a section; merging that paragraph into the one
    // before moves its sentences (ids unchanged) into the previous section.
    const starts = reading.sections.slice(1).map((s) => s.paragraphIds[0]!);
    const q = bank.find(
      (x) =>
        ['multiple-choice', 'true-false', 'short-answer'].includes(x.type) &&
        x.evidence.every((id) => starts.includes(paragraphOfSentence(reading, id)?.id ?? '')) &&
        new Set(x.evidence.map((id) => paragraphOfSentence(reading, id)?.id)).size === 1,
    )!;
    expect(q).toBeDefined();
    const second = paragraphOfSentence(reading, q.evidence[0]!)!.id;
    const index = reading.paragraphs.findIndex((p) => p.id === second);
    const first = reading.paragraphs[index - 1]!.id;
    const merged = mergeParagraphs(reading, first, second);
    const home = merged.sections.find((s) => s.paragraphIds.includes(first))!;
    expect(
      pickGuidedQuestions([q], merged)
        .get(home.id)
        ?.map((x) => x.id),
    ).toEqual([q.id]);
  });

  it('never guides a question whose evidence was deleted', () => {
    const q = [...guided.values()].flat()[0]!;
    const paragraph = paragraphOfSentence(reading, q.evidence[0]!)!;
    const after = pickGuidedQuestions(bank, deleteParagraph(reading, paragraph.id));
    expect([...after.values()].flat().map((x) => x.id)).not.toContain(q.id);
  });
});
