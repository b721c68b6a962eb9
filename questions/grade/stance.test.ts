import { describe, expect, it } from 'vitest';
import { denialOf, reversesQuestion, swapsActor } from './stance';
import { analyseText } from './text-analysis';

const context = (phrasings: string[], prompt = '') => ({
  phrasings: phrasings.map((p) => analyseText(p)),
  promptActors: analyseText(prompt).words.filter((w) => w.actor),
  promptWords: analyseText(prompt).words,
});

describe('denialOf', () => {
  const lasting = context([
    'Working in coalitions is slower and harder, but the policy effects are more long-lasting and effective.',
  ]);

  it('finds a claim of the point negated in a clause about the same thing', () => {
    expect(
      denialOf(lasting, analyseText('Coalitions are not slower and their effects are not long-lasting.')),
    ).toMatchObject({ kind: 'negated' });
  });

  it('leaves the point said the right way round alone', () => {
    expect(
      denialOf(lasting, analyseText('Coalitions are slower and harder, but their effects last longer.')),
    ).toBeNull();
    expect(denialOf(lasting, analyseText('The Skripal poisoning happened in Britain.'))).toBeNull();
  });

  it('finds the point said of the actor it is set against', () => {
    const loneliness = context([
      "Putin's biggest vulnerability is his diplomatic loneliness.",
      'Putin is diplomatically isolated and has no real allies, unlike the United States.',
    ]);
    expect(
      denialOf(loneliness, analyseText("America's biggest vulnerability is its diplomatic loneliness.")),
    ).toMatchObject({ kind: 'other-actor' });
    expect(
      denialOf(loneliness, analyseText("Putin's biggest vulnerability is his diplomatic loneliness.")),
    ).toBeNull();
  });
});

describe('denialOf: how English says no', () => {
  const aid = context(['Economic aid keeps fragile democracies stable.']);
  const isolated = context(['The regime is isolated and its economy is weak.']);

  it('reads denials that "not" alone would miss', () => {
    const denials: [ReturnType<typeof context>, string][] = [
      [aid, 'Economic aid no longer keeps fragile democracies stable.'],
      [isolated, 'The regime is far from isolated, and its economy is strong.'],
      [aid, 'The war is over, economic aid keeps nothing stable, and fragile democracies fall anyway.'],
      // A negation reaches no further than its own clause after a comma with a verb of its own.
      [aid, 'Trade matters more, economic aid would never keep fragile democracies stable.'],
    ];
    for (const [point, answer] of denials)
      expect(denialOf(point, analyseText(answer)), answer).not.toBeNull();
  });

  it('does not read agreement worded with negatives as a denial', () => {
    for (const answer of [
      'Not only does economic aid keep fragile democracies stable, it also opens markets.',
      'Without economic aid, fragile democracies cannot stay stable.',
      'Nothing would stop economic aid from keeping fragile democracies stable.',
      'Economic aid keeps fragile democracies stable, not the army.',
    ]) {
      expect(denialOf(aid, analyseText(answer)), answer).toBeNull();
    }
  });

  it('compares polarity only where one side says its claim plainly', () => {
    const negative = context(['The alliance is directed not against any country but against aggression.']);
    expect(
      denialOf(
        negative,
        analyseText('The alliance is not directed against any country, only against aggression.'),
      ),
    ).toBeNull();
    const cannot = context(['Sanctions cannot change the regime overnight.']);
    expect(denialOf(cannot, analyseText('Sanctions can change the regime overnight.'))).toMatchObject({
      kind: 'negated',
    });
  });
});

describe('reversesQuestion', () => {
  const prompt = analyseText('Why should the United States work in coalitions rather than act alone?');

  it('catches an answer that recommends what the question sets aside, or rejects what it proposes', () => {
    expect(
      reversesQuestion(prompt, analyseText('Acting alone is better, because allies slow America down.')),
    ).toBe(true);
    expect(reversesQuestion(prompt, analyseText('The United States should avoid coalitions.'))).toBe(true);
  });

  it('lets an answer that takes the question as given through', () => {
    expect(reversesQuestion(prompt, analyseText('The US should work in coalitions rather than alone.'))).toBe(
      false,
    );
    expect(reversesQuestion(prompt, analyseText('Coalitions are slower but their effects last.'))).toBe(
      false,
    );
    // A question that does not set two courses against each other, or reject one, has no stance to reverse.
    expect(
      reversesQuestion(
        analyseText('Why does Burns call for sanctions?'),
        analyseText('We should avoid sanctions.'),
      ),
    ).toBe(false);
  });

  it('catches an answer that recommends the course a question warns against', () => {
    const warning = analyseText(
      "Why does Burns warn against answering Putin's covert operations impulsively with covert action of our own?",
    );
    expect(
      reversesQuestion(
        warning,
        analyseText('We should answer his covert operations with covert action at once.'),
      ),
    ).toBe(true);
    // Explaining the danger of that course, or advising against it, is the answer the question wants.
    expect(
      reversesQuestion(
        warning,
        analyseText('Answering covert operations with covert action would legitimate his machinations.'),
      ),
    ).toBe(false);
    expect(
      reversesQuestion(warning, analyseText('We should not answer covert operations with covert action.')),
    ).toBe(false);
  });
});

describe('swapsActor', () => {
  const loneliness = context(
    ["Putin's biggest vulnerability is his diplomatic loneliness."],
    'Why does Burns argue that the United States should work in coalitions to answer Putin?',
  );
  const swaps = (c: ReturnType<typeof context>, answer: string) => swapsActor(c, analyseText(answer));

  it("finds the point said of the other side's party", () => {
    expect(swaps(loneliness, "Washington's biggest weakness is its diplomatic loneliness.")).toBeGreaterThan(
      0,
    );
    const invasion = context(
      ['Iraq invaded its small and peaceful neighbor without provocation.'],
      "Why did Bush say the coalition must stop Iraq's aggression against Kuwait?",
    );
    expect(
      swaps(invasion, 'Kuwait invaded its small, peaceful neighbor without any provocation.'),
    ).toBeGreaterThan(0);
    // Another name of the point's own side is the same party.
    expect(swaps(invasion, 'Saddam invaded his small peaceful neighbor without provocation.')).toBe(0);
  });

  it("takes other names of the point's party, and the question's speaker, as no swap", () => {
    expect(swaps(loneliness, "The Kremlin's biggest vulnerability is its diplomatic loneliness.")).toBe(0);
    // The question's speaker is no party: what the answer says she says is not said of her.
    const speaker = context(
      ["Putin's biggest vulnerability is his diplomatic loneliness."],
      'Why does Lena Ortiz argue that the United States should work in coalitions to answer Putin?',
    );
    expect(swaps(speaker, 'Lena Ortiz says the biggest vulnerability is diplomatic loneliness.')).toBe(0);
  });

  it('leaves alone what it cannot be sure of', () => {
    // Names joined by "and" share the subject.
    const hands = context(
      ['Greta and Andre have different sized hands.'],
      'Explain why Greta and Andre got different measurements.',
    );
    expect(swaps(hands, 'Greta had a smaller hand than Andre.')).toBe(0);
    // Capitalised common words are no party.
    const clear = context(['Jim would see a clear solution.'], 'What would Jim observe in Mixture 2?');
    expect(swaps(clear, 'Evidence Mixture would show a clear solution.')).toBe(0);
    // A pronoun takes the clause over from the name before it.
    const fight = context(
      ['Putin picked a fight where the West has far more at stake.'],
      'Why does Burns say Putin overplayed his hand against the West?',
    );
    expect(
      swaps(fight, 'By meddling in Western elections he picked a fight the West cares about more.'),
    ).toBe(0);
    // A clause of the point that relates two sides is not checked.
    const web = context(
      ['Putin has nothing like the web of alliances that the United States has.'],
      'Why does Burns argue that the United States should work in coalitions?',
    );
    expect(swaps(web, 'America can call on a web of alliances.')).toBe(0);
  });
});
