import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import type { ShortAnswerQuestion } from '../schema';
import labelledAnswers from './data/burns-labelled-answers.json';
import { graderModel } from './model';
import { gradeAgainstReference, gradeShortAnswer, rubricFromReference } from './short-answer';

/**
 * Labelled answers, written as students write them before the trained scorer existed (none of
 * them is in its training data), for each rubric question of the authored bank. Labels:
 * correct (full credit), partial (the points in `met`), wrong / another question (no credit),
 * salad (a bare list of words: no credit), negation (the points stated the other way round: no
 * credit), misspelled (a correct answer with typos: full credit).
 */
type Label = 'correct' | 'partial' | 'wrong' | 'salad' | 'negation' | 'misspelled' | 'another-question';
type Labelled = { label: Label; answer: string; met?: string[]; contradicted?: string[] };

const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const shortAnswer = (id: string) => {
  const question = bank.find((q) => q.id === id);
  if (question?.type !== 'short-answer') throw new Error(`${id} is not a short-answer question`);
  return question as ShortAnswerQuestion;
};

const labelled = labelledAnswers as Record<string, Labelled[]>;

/** The score a careful reader gives the labelled answer. */
function expectedScore(question: ShortAnswerQuestion, item: Labelled): number {
  const total = question.rubric.keyPoints.length;
  const needed = Math.min(question.rubric.pointsForFullCredit ?? total, total);
  switch (item.label) {
    case 'correct':
    case 'misspelled':
      return 1;
    case 'partial':
      return Math.min(1, (item.met?.length ?? 1) / needed);
    default:
      return 0;
  }
}

const grade = (question: ShortAnswerQuestion, answer: string) =>
  gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });

describe('gradeShortAnswer on labelled answers it was not trained on', () => {
  const items = Object.entries(labelled).flatMap(([id, answers]) =>
    answers.map((item) => ({ question: shortAnswer(id), item })),
  );

  it('scores nine in ten within a quarter point of the label', () => {
    const agreeing = items.filter(
      ({ question, item }) =>
        Math.abs(grade(question, item.answer).score - expectedScore(question, item)) <= 0.25,
    );
    expect(agreeing.length / items.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives a bare list of key words nothing and says why', () => {
    for (const { question, item } of items.filter((i) => i.item.label === 'salad')) {
      const result = grade(question, item.answer);
      expect(result.score, item.answer).toBe(0);
      expect(result.listOfWords).toBe(true);
      expect(result.feedback).toContain('list of key words');
    }
  });

  it('gives answers stating the points the other way round at most half', () => {
    for (const { question, item } of items.filter((i) => i.item.label === 'negation')) {
      expect(grade(question, item.answer).score, item.answer).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives correct answers, misspelt or not, at least three quarters', () => {
    for (const { question, item } of items.filter((i) => ['correct', 'misspelled'].includes(i.item.label))) {
      expect(grade(question, item.answer).score, item.answer).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('gives the model answer of every rubric question full credit', () => {
    for (const question of bank.filter((q): q is ShortAnswerQuestion => q.type === 'short-answer')) {
      expect(grade(question, question.modelAnswer).score, question.id).toBe(1);
    }
  });
});

describe('partial credit', () => {
  const question = shortAnswer('burns-why-coalitions');

  it('scores two of three points as two thirds, naming each point', () => {
    const result = grade(
      question,
      'Putin is diplomatically isolated and has no real allies, unlike the United States. Coordinated pressure from many countries can change how Putin weighs his costs and benefits.',
    );
    expect(result.score).toBe(0.667);
    expect(result.correct).toBe('partial');
    expect(result.keyPointsMet.map((k) => k.id).sort()).toEqual(['calculus', 'loneliness']);
    expect(result.keyPointsMissed.map((k) => k.id)).toEqual(['lasting']);
    expect(result.feedback).toContain('Still missing');
    expect(result.feedback).toContain('long-lasting');
  });

  it('gives every point a status and a probability, consistent with the cut-offs', () => {
    const { thresholds } = graderModel();
    const result = grade(question, 'Coalitions are slow but their effects last; Putin has few friends.');
    expect(result.keyPoints.map((k) => k.id)).toEqual(['loneliness', 'lasting', 'calculus']);
    for (const point of result.keyPoints) {
      expect(point.probability).toBeGreaterThanOrEqual(0);
      expect(point.probability).toBeLessThanOrEqual(1);
      if (point.status === 'met') expect(point.probability).toBeGreaterThanOrEqual(thresholds.met);
      if (point.status === 'partly') expect(point.probability).toBeGreaterThanOrEqual(thresholds.partly);
    }
  });
});

describe('honest uncertainty', () => {
  const question = shortAnswer('burns-why-coalitions');

  it('marks an answer in another language for review, with a provisional grade', () => {
    const result = grade(
      question,
      'Rusia está casi sola en el mundo, mientras que Estados Unidos tiene muchos aliados; actuar juntos es más lento, pero los resultados duran más.',
    );
    expect(result.needsReview).toBe(true);
    expect(result.reviewReasons).toContain('other-language');
    expect(result.feedback).toContain('provisional');
  });

  it('marks a very long answer for review', () => {
    const long = Array.from({ length: 12 }, () => question.modelAnswer).join(' ');
    const result = grade(question, long);
    expect(result.reviewReasons).toContain('too-long');
    expect(result.needsReview).toBe(true);
  });

  it('marks an answer sharing nothing with the key points for review', () => {
    expect(grade(question, 'Blorf zibble quang.').reviewReasons).toContain('no-overlap');
  });

  it('withholds credit for a point the answer turns round, and holds the grade for review', () => {
    const rubric = {
      keyPoints: [
        {
          id: 'lonely',
          text: "Putin's biggest vulnerability is his diplomatic loneliness.",
          accept: [],
          weight: 1,
        },
        {
          id: 'calculus',
          text: "Coordinated pressure from many countries can alter Putin's calculus, even though it cannot reverse it.",
          accept: [],
          weight: 1,
        },
      ],
    };
    const prompt = 'Why does Burns argue that the United States should work in coalitions?';
    const denying = gradeShortAnswer({
      rubric,
      prompt,
      answer:
        'Putin is diplomatically lonely, but coordinated pressure from many countries can never alter his calculus.',
    });
    expect(denying.keyPoints.find((k) => k.id === 'calculus')!.status).toBe('missed');
    expect(denying.keyPoints.find((k) => k.id === 'calculus')!.turnedRound).toBe(true);
    expect(denying.reviewReasons).toContain('may-deny');
    expect(denying.feedback).toContain('seems to say the opposite of this point');
    expect(denying.feedback).not.toContain('Still missing: “Coordinated');
    const affirming = gradeShortAnswer({
      rubric,
      prompt,
      answer:
        'Putin is diplomatically lonely, and pressure from many countries together can change his calculus though not reverse it.',
    });
    expect(affirming.reviewReasons).not.toContain('may-deny');
  });

  it('does not hold up a clear answer', () => {
    const result = grade(question, question.modelAnswer);
    expect(result.needsReview).toBe(false);
    expect(result.feedback).not.toContain('provisional');
  });

  it('says "the opposite of the text" only for confidently detected contradictions', () => {
    const { thresholds } = graderModel();
    for (const answer of [
      'Putin has many allies, so coalitions fail.',
      'Acting alone is better because coalitions are slow.',
      question.modelAnswer,
    ]) {
      const result = grade(question, answer);
      const confident = result.keyPoints.some((k) => k.contradiction >= thresholds.contradiction);
      if (!confident) expect(result.feedback).not.toContain('opposite of the text');
      for (const point of result.keyPoints.filter((k) => k.contradicted)) expect(point.status).toBe('missed');
    }
  });

  it('credits no point said of the wrong party, and says so', () => {
    const result = grade(
      question,
      "Washington's biggest vulnerability is its diplomatic loneliness, while Moscow has plenty of friends.",
    );
    const loneliness = result.keyPoints.find((k) => k.id === 'loneliness')!;
    expect(loneliness).toMatchObject({ status: 'missed', wrongParty: true });
    expect(result.feedback).toContain('of the wrong party');
    expect(result.feedback).not.toContain('the opposite of the text');
    const right = grade(question, "Putin's biggest vulnerability is his diplomatic loneliness.");
    expect(right.keyPoints.find((k) => k.id === 'loneliness')).toMatchObject({
      status: 'met',
      wrongParty: false,
    });
  });

  it('scores an empty answer 0 without review', () => {
    const result = grade(question, '   ');
    expect(result).toMatchObject({ score: 0, correct: 'incorrect', feedback: 'No answer was given.' });
    expect(result.needsReview).toBe(false);
  });

  it('is deterministic', () => {
    const answer = 'Putin is isolated, and coalitions take longer but last.';
    expect(grade(question, answer)).toEqual(grade(question, answer));
  });
});

describe('learning from the instructor', () => {
  const question = shortAnswer('burns-why-coalitions');
  const answer = 'Coalitions take their time, but what they build stays built.';

  it('follows the instructor on a near-copy of an answer they graded', () => {
    const alone = gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });
    const credited = gradeShortAnswer({
      rubric: question.rubric,
      answer,
      prompt: question.prompt,
      examples: [
        {
          answer: 'Coalitions take their time, but what they build stays built!',
          score: 0.333,
          keyPoints: { loneliness: 'missed', lasting: 'met', calculus: 'missed' },
        },
      ],
    });
    expect(credited.examplesUsed).toBe(1);
    expect(credited.keyPoints.find((k) => k.id === 'lasting')!.status).toBe('met');
    expect(credited.keyPoints.find((k) => k.id === 'lasting')!.probability).toBeGreaterThanOrEqual(
      alone.keyPoints.find((k) => k.id === 'lasting')!.probability,
    );
    const refused = gradeShortAnswer({
      rubric: question.rubric,
      answer,
      prompt: question.prompt,
      examples: [{ answer: 'Coalitions take their time, but what they build stays built!', score: 0 }],
    });
    expect(refused.score).toBeLessThanOrEqual(credited.score);
    expect(refused.keyPoints.find((k) => k.id === 'lasting')!.status).not.toBe('met');
  });

  it('uses no examples when none are given', () => {
    expect(grade(question, answer).examplesUsed).toBe(0);
  });
});

describe('grading from model answers alone', () => {
  const question = 'Why did Moscow expel 60 American diplomats?';
  const reference =
    'Moscow was retaliating for the expulsion of its own diplomats after the poisoning; it wanted to show that it would answer every Western step in kind.';

  it('makes the reference the key point and other references its accepted phrasings', () => {
    expect(rubricFromReference(reference, question).keyPoints).toEqual([
      { id: 'reference', text: reference, accept: [], weight: 1 },
    ]);
    const two = rubricFromReference([reference, 'It was tit for tat.'], question);
    expect(two.keyPoints[0]!.accept).toEqual(['It was tit for tat.']);
    expect(() => rubricFromReference(['  '], question)).toThrow();
  });

  it('grades correct, wrong, salad and misspelt answers', () => {
    const score = (answer: string) => gradeAgainstReference({ question, reference, answer }).score;
    expect(
      score(
        'It was retaliation for Western countries expelling Russian diplomats, to show it would answer each step in kind.',
      ),
    ).toBe(1);
    expect(score('Because the American diplomats were spies who broke the law.')).toBe(0);
    expect(score('retaliation, expulsion, diplomats, poisoning, answer, kind')).toBe(0);
    expect(
      score(
        'Moscow was retalliating for the expulsion of its diplomats, to show it would answer every westren step in kind.',
      ),
    ).toBe(1);
  });
});

describe('an answer to another question asked beside this one', () => {
  const coalitions = shortAnswer('burns-why-coalitions');
  const sanctions = shortAnswer('burns-why-sanctions');
  const asSibling = (q: ShortAnswerQuestion) => ({ id: q.id, prompt: q.prompt, rubric: q.rubric });
  // Written for "Why coalitions?" (data/ir-sibling-answers.jsonl, set burns).
  const coalitionsAnswer =
    'Russia stands almost friendless in the world, while America can call on dozens of partners; acting together takes longer and is more frustrating, but what results endures, and joint pressure can shift how the Kremlin weighs its choices.';

  it('is read as an answer to that question: provisional, named, and its borrowed credit withheld', () => {
    const input = { rubric: sanctions.rubric, answer: coalitionsAnswer, prompt: sanctions.prompt };
    const alone = gradeShortAnswer(input);
    const graded = gradeShortAnswer({ ...input, siblings: [asSibling(coalitions)] });
    expect(alone.score).toBeGreaterThan(0);
    expect(graded.otherQuestion).toEqual({ id: coalitions.id, prompt: coalitions.prompt });
    expect(graded.reviewReasons).toContain('other-question');
    expect(graded.needsReview).toBe(true);
    expect(graded.score).toBeLessThan(alone.score);
    expect(graded.feedback).toContain(`another question: “${coalitions.prompt}”`);
  });

  it('leaves an answer to this question alone', () => {
    const input = { rubric: coalitions.rubric, answer: coalitionsAnswer, prompt: coalitions.prompt };
    const graded = gradeShortAnswer({ ...input, siblings: [asSibling(sanctions)] });
    expect(graded.otherQuestion).toBeNull();
    expect(graded.reviewReasons).not.toContain('other-question');
    expect(graded.score).toBe(gradeShortAnswer(input).score);
  });

  it('is settled by an instructor grade of a near-identical answer', () => {
    const keyPoints = Object.fromEntries(sanctions.rubric.keyPoints.map((k) => [k.id, 'met' as const]));
    const graded = gradeShortAnswer({
      rubric: sanctions.rubric,
      answer: coalitionsAnswer,
      prompt: sanctions.prompt,
      siblings: [asSibling(coalitions)],
      examples: [{ answer: coalitionsAnswer, score: 1, keyPoints }],
    });
    expect(graded.examplesUsed).toBe(1);
    expect(graded.otherQuestion).toBeNull();
  });
});
