import { describe, expect, it } from 'vitest';
import { pointFeatures, promptLemmas } from './features';
import { analyseText } from './text-analysis';
import { decodeVectorTable, encodeVectorTable, vectorTable, wordVector, wordWeight } from './vectors';

const polarityOf = (text: string, lemma: string) =>
  analyseText(text).words.find((w) => w.lemma === lemma)?.polarity;

describe('analyseText', () => {
  it('reads what a clause denies, rejects or lacks as turned round', () => {
    expect(polarityOf('The United States should work in coalitions.', 'coalition')).toBe(1);
    expect(polarityOf('The United States should avoid coalitions.', 'coalition')).toBe(-1);
    expect(polarityOf('Putin has no allies.', 'ally')).toBe(-1);
    expect(polarityOf('Coalitions are not faster.', 'faster')).toBe(-1);
    expect(polarityOf('Sanctions on the elite are pointless.', 'sanction')).toBe(-1);
    // A denial stops at the next clause.
    expect(polarityOf('Coalitions are not fast, but their effects last.', 'last')).toBe(1);
  });

  it('tells a list of words from a statement, and English from another language', () => {
    expect(analyseText('loneliness, alliances, coalitions, slower, lasting').listShare).toBe(1);
    expect(analyseText('Putin is lonely because he has no allies.').listShare).toBe(0);
    expect(
      analyseText('Rusia está casi sin amigos en el mundo, mientras que Estados Unidos tiene socios.')
        .language,
    ).toBe('spa');
    expect(analyseText('Putin is lonely because he has no allies at all in the world.').language).toBe('und');
  });
});

describe('pointFeatures', () => {
  const point = ['Working in coalitions is slower and harder, but the effects are more long-lasting.'];
  const prompt = promptLemmas('Why should the United States work in coalitions rather than act alone?');

  it('scores a paraphrase above an unrelated answer', () => {
    const paraphrase = pointFeatures(
      point,
      'Acting with allies takes longer, yet the results endure.',
      prompt,
    );
    const unrelated = pointFeatures(point, 'The Skripal poisoning happened in Britain.', prompt);
    expect(paraphrase.softRecall).toBeGreaterThan(unrelated.softRecall);
    expect(paraphrase.regionCosine).toBeGreaterThan(unrelated.regionCosine);
  });

  it('notices the same words said the other way round, and the question stance reversed', () => {
    const same = pointFeatures(
      point,
      'Coalitions are slower and harder, but their effects are more long-lasting.',
      prompt,
    );
    const negated = pointFeatures(
      point,
      'Coalitions are not slower and their effects are not long-lasting.',
      prompt,
    );
    expect(same.polarityMismatch).toBe(0);
    expect(negated.polarityMismatch).toBeGreaterThan(0);
    expect(
      pointFeatures(point, 'The US should avoid coalitions; acting alone is better.', prompt).promptFlipped,
    ).toBeGreaterThan(0);
    expect(same.promptFlipped).toBe(0);
  });

  it('counts a misspelt word as the word', () => {
    const misspelt = pointFeatures(
      point,
      'Coalitons are slowr and harder but the efects are long-lasting.',
      prompt,
    );
    expect(misspelt.exactRecall).toBeGreaterThan(0.5);
  });
});

describe('the vector table', () => {
  it('round-trips through its file format, keeping each word near its direction', () => {
    const words = [
      { word: 'alpha', rank: 1, vector: [1, 0, 0, 0] },
      { word: 'beta', rank: 9, vector: [0.5, 0.5, -0.5, 0.1] },
    ];
    const table = decodeVectorTable(encodeVectorTable(words, 4, 100));
    expect(table.size).toBe(2);
    expect(table.indexOf.get('beta')).toBe(1);
    expect(table.ranks[1]).toBe(9);
    const beta = Array.from({ length: 4 }, (_, d) => table.data[4 + d]! * table.scales[1]!);
    const norm = Math.hypot(0.5, 0.5, -0.5, 0.1);
    beta.forEach((value, d) => {
      expect(value).toBeCloseTo(words[1]!.vector[d]! / norm, 1);
    });
  });

  it('ships common English and the course texts, frequent words weighing less', () => {
    expect(vectorTable().size).toBeGreaterThan(30_000);
    expect(wordVector('coalition')).not.toBeNull();
    expect(wordVector('skripal')).not.toBeNull();
    expect(wordWeight('the')).toBeLessThan(wordWeight('coalition'));
  });
});
