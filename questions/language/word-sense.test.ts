import { describe, expect, it } from 'vitest';
import { senseInContext } from './word-sense';
import { coordinateSenses, definitionOf, senses } from './wordnet';

const choose = (lemma: string, sentence: string) => {
  const candidates = senses(lemma, 'n', 6);
  const choice = senseInContext(lemma, candidates, sentence.toLowerCase().split(/\W+/));
  return { ...choice, meaning: choice.best >= 0 ? definitionOf(candidates[choice.best]!) : null };
};

describe('senseInContext', () => {
  it('reads a sense off the sentence where no word of it is in the gloss', () => {
    const economic = choose(
      'recession',
      'Unemployment rose and factories closed as the economy slid into recession.',
    );
    expect(economic.clear).toBe(true);
    expect(economic.meaning).toMatch(/economy/);
    const church = choose('recession', 'The choir walked out in a solemn recession after the hymn.');
    expect(church.clear).toBe(true);
    expect(church.meaning).toMatch(/clergy and choir/);
  });

  it('says when the sentence does not settle it, and when there is nothing to compare', () => {
    // Glaciers withdrawing: near the act of withdrawing and the church's withdrawal alike.
    expect(choose('recession', 'The slow recession of the glaciers uncovered the valley floor.').clear).toBe(
      false,
    );
    expect(choose('recession', 'Recession.')).toMatchObject({ best: -1, clear: false });
    // One sense needs no context.
    expect(senseInContext('embargo', senses('embargo', 'n', 6), [])).toMatchObject({ best: 0, clear: true });
  });
});

describe('definitionOf', () => {
  it('leaves out a note on the word’s grammar, and keeps a note on what it means', () => {
    const definition = (gloss: string) => definitionOf({ gloss } as Parameters<typeof definitionOf>[0]);
    expect(definition('(usually plural) a destructive action; "the ravages of time"')).toBe(
      'a destructive action',
    );
    expect(definition("(often followed by `to') likely or ready to do something")).toBe(
      'likely or ready to do something',
    );
    expect(definition('(law) a formal accusation')).toBe('(law) a formal accusation');
    expect(definition('(used with negation) in any way at all')).toBe(
      '(used with negation) in any way at all',
    );
  });
});

describe('coordinateSenses', () => {
  it('offers no kinds of a sense as broad as "person" as near misses, and keeps a narrow one’s', () => {
    const [adversary] = senses('adversary', 'n', 1);
    expect(coordinateSenses(adversary!).flatMap((s) => s.words)).not.toContain('sniffer');
    const [ancestor] = senses('ancestor', 'n', 1);
    expect(coordinateSenses(ancestor!).length).toBeGreaterThan(0);
  });
});
