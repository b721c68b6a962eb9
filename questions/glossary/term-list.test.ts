import { describe, expect, it } from 'vitest';
import { findTerms, parseTermList, TERM_LIST_LIMITS, TermListTooLargeError } from './term-list';

describe('parseTermList', () => {
  it('reads tab-separated lines and reports the ones it cannot read, by line', () => {
    const list = [
      'détente\tA thaw in relations between rivals',
      'no separator here',
      '',
      'containment\t   ',
      `${'x'.repeat(TERM_LIST_LIMITS.term + 1)}\tToo long a term`,
      'Détente\tThe same term again, in capitals',
      'hegemon\tThe leading power, one, with a comma',
    ].join('\n');
    const parsed = parseTermList(list);
    expect(parsed.separator).toBe('\t');
    expect(parsed.entries).toEqual([
      { line: 1, term: 'détente', definition: 'A thaw in relations between rivals' },
      { line: 7, term: 'hegemon', definition: 'The leading power, one, with a comma' },
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 4, 5, 6]);
    expect(parsed.problems[0]!.message).toMatch(/No separator.*a tab/);
    expect(parsed.problems[1]!.message).toMatch(/Empty definition/);
    expect(parsed.problems[2]!.message).toMatch(/at most 120/);
    expect(parsed.problems[3]!.message).toMatch(/already on line 1/);
  });

  it('falls back to " - ", then to a comma (split at the first), and takes a custom separator', () => {
    expect(parseTermList('Rapprochement - A renewal of friendly ties').entries[0]).toMatchObject({
      term: 'Rapprochement',
      definition: 'A renewal of friendly ties',
    });
    expect(
      parseTermList('buffer state,A small state between two powers, keeping them apart').entries[0],
    ).toMatchObject({
      term: 'buffer state',
      definition: 'A small state between two powers, keeping them apart',
    });
    const custom = parseTermList('casus belli :: A cause for war\r\nultimatum :: Final demands', {
      separator: 'custom',
      custom: ' :: ',
    });
    expect(custom.entries.map((e) => e.term)).toEqual(['casus belli', 'ultimatum']);
    expect(parseTermList('a\tb', { separator: 'comma' }).problems[0]!.message).toMatch(/a comma/);
  });

  it('refuses lists past the limits before reading them', () => {
    const many = Array.from({ length: TERM_LIST_LIMITS.lines + 1 }, (_, i) => `t${i}\td`).join('\n');
    expect(() => parseTermList(many)).toThrow(TermListTooLargeError);
    expect(() => parseTermList(`t\t${'é'.repeat(60_000)}`)).toThrow(/at most 100 kB/);
  });
});

describe('findTerms', () => {
  const paragraphs = [
    {
      id: 'p1',
      sentences: [
        { id: 'p1.s1', text: 'The alliance held for a decade.' },
        { id: 'p1.s2', text: 'Then Washington imposed Sanctions on the regime.' },
      ],
    },
    {
      id: 'p2',
      sentences: [{ id: 'p2.s1', text: 'Realists speak of balances of power and of spheres of influence.' }],
    },
  ];

  it('finds word forms, multi-word terms and any case, and says where', () => {
    const [sanction, balance, sphere, missing, alliance] = findTerms(
      ['sanction', 'Balance of power', 'sphere of influence', 'collective security', 'ALLIANCE'],
      paragraphs,
    );
    expect(sanction).toEqual({
      paragraph: 1,
      sentence: 2,
      sentenceId: 'p1.s2',
      written: 'Sanctions',
      at: 24,
    });
    expect(balance).toMatchObject({ paragraph: 2, sentence: 1, written: 'balances of power' });
    expect(sphere).toMatchObject({ paragraph: 2, sentence: 1, written: 'spheres of influence' });
    expect(missing).toBeNull();
    expect(alliance).toMatchObject({ paragraph: 1, sentence: 1, written: 'alliance' });
  });

  it('does not match a term inside a longer word', () => {
    expect(
      findTerms(['ally'], [{ id: 'p1', sentences: [{ id: 'p1.s1', text: 'Totally unexpected.' }] }]),
    ).toEqual([null]);
  });
});

describe('where a term is written', () => {
  it('places the words found on whole words, not inside a longer one ("states" in "statesman")', () => {
    const sentence = 'The statesman spoke of states and of their power.';
    const [place] = findTerms(['state'], [{ id: 'p1', sentences: [{ id: 'p1.s1', text: sentence }] }]);
    expect(place?.written).toBe('states');
    expect(place?.at).toBe(sentence.indexOf('of states') + 3);
  });
});
