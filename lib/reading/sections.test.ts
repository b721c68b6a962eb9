import { describe, expect, it } from 'vitest';
import { SectionLayoutError, sectionsFromBreaks, validateSections } from './sections';

const paragraphs = ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id }));

describe('section editing', () => {
  it('builds sections from the paragraphs that start one', () => {
    const layout = sectionsFromBreaks(
      paragraphs,
      new Set(['p3']),
      new Map([
        ['p1', 'Opening'],
        ['p3', 'Turn'],
      ]),
    );
    expect(validateSections(paragraphs, layout)).toEqual([
      { id: 'sec1', title: 'Opening', paragraphIds: ['p1', 'p2'] },
      { id: 'sec2', title: 'Turn', paragraphIds: ['p3', 'p4'] },
    ]);
  });

  it('refuses untitled sections, gaps, repeats and reordering', () => {
    expect(() =>
      validateSections(paragraphs, [{ title: ' ', paragraphIds: ['p1', 'p2', 'p3', 'p4'] }]),
    ).toThrow(/needs a title/);
    expect(() => validateSections(paragraphs, [{ title: 'A', paragraphIds: ['p1', 'p2', 'p3'] }])).toThrow(
      SectionLayoutError,
    );
    expect(() =>
      validateSections(paragraphs, [{ title: 'A', paragraphIds: ['p1', 'p3', 'p2', 'p4'] }]),
    ).toThrow(/reading order/);
    expect(() =>
      validateSections(paragraphs, [
        { title: 'A', paragraphIds: ['p1', 'p2', 'p3', 'p4'] },
        { title: 'B', paragraphIds: [] },
      ]),
    ).toThrow(/no paragraphs/);
  });
});
