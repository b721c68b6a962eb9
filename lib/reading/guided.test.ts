import { describe, expect, it } from 'vitest';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { lockedSectionIds, pickGuidedQuestions } from './guided';

const { reading } = loadShippedReading('burns-lead-with-diplomacy');
const bank = loadAuthoredBank('burns-lead-with-diplomacy').filter((q) => q.status === 'approved');

describe('guided questions for the Burns reading', () => {
  const guided = pickGuidedQuestions(bank, reading.sections);

  it('gives every section one or two questions resting on that section alone', () => {
    for (const section of reading.sections) {
      const questions = guided.get(section.id) ?? [];
      expect(questions.length, section.title).toBeGreaterThanOrEqual(1);
      expect(questions.length).toBeLessThanOrEqual(2);
      for (const q of questions) {
        for (const id of q.evidence) expect(section.paragraphIds).toContain(id.split('.')[0]);
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
});
