import { describe, expect, it } from 'vitest';
import { markGlossaryTerms } from './glossary-marks';

const sentences = new Map([
  [
    'p1',
    [{ id: 'p1.s1', text: 'The sanctions passed by Congress last summer bite. More sanctions may follow.' }],
  ],
  ['p2', [{ id: 'p2.s1', text: 'Sanctions again, and revanchism.' }]],
]);
const entries = [
  { id: 'sanctions', term: 'sanctions', aliases: [] },
  { id: 'caatsa', term: 'sanctions passed by Congress last summer', aliases: [] },
  { id: 'revanchism', term: 'revanchism', aliases: [] },
];

describe('markGlossaryTerms', () => {
  it('prefers the longest form and marks each term once per section', () => {
    const marks = markGlossaryTerms(
      sentences,
      [{ id: 'sec1', title: 'One', paragraphIds: ['p1', 'p2'] }],
      entries,
    );
    expect(marks.get('p1.s1')).toEqual([
      { text: 'The ' },
      { text: 'sanctions passed by Congress last summer', termId: 'caatsa' },
      { text: ' bite. More ' },
      { text: 'sanctions', termId: 'sanctions' },
      { text: ' may follow.' },
    ]);
    expect(marks.get('p2.s1')).toEqual([
      { text: 'Sanctions again, and ' },
      { text: 'revanchism', termId: 'revanchism' },
      { text: '.' },
    ]);
  });

  it('marks terms again in a new section, and never inside a longer word', () => {
    const marks = markGlossaryTerms(
      new Map([
        ...sentences,
        ['p3', [{ id: 'p3.s1', text: 'Unsanctionsed words stay plain; sanctions do not.' }]],
      ]),
      [
        { id: 'sec1', title: 'One', paragraphIds: ['p1'] },
        { id: 'sec2', title: 'Two', paragraphIds: ['p2', 'p3'] },
      ],
      entries,
    );
    expect(marks.get('p2.s1')?.[0]).toEqual({ text: 'Sanctions', termId: 'sanctions' });
    expect(marks.get('p3.s1')?.every((s) => !s.termId)).toBe(true);
  });
});
