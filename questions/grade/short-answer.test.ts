import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import type { ShortAnswerQuestion } from '../schema';
import { gradeAgainstReference, gradeShortAnswer, rubricFromReference } from './short-answer';

/**
 * Labelled answers, written as students write them, for each rubric question of the authored
 * bank. Labels: correct (full credit), partial (some credit, not full), wrong / another
 * question (no credit), salad (a bare list of words: no credit), negation (the points stated
 * the other way round: no credit, named as contradicted), misspelled (a correct answer with
 * typos: full credit).
 */
type Label = 'correct' | 'partial' | 'wrong' | 'salad' | 'negation' | 'misspelled' | 'another-question';
type Labelled = { label: Label; answer: string; met?: string[]; contradicted?: string[] };

const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const shortAnswer = (id: string) => {
  const question = bank.find((q) => q.id === id);
  if (question?.type !== 'short-answer') throw new Error(`${id} is not a short-answer question`);
  return question as ShortAnswerQuestion;
};

const labelled: Record<string, Labelled[]> = {
  'burns-why-coalitions': [
    {
      label: 'correct',
      answer:
        "Putin's greatest weakness is that he is diplomatically isolated, while the US has a web of allies and partners. Working with coalitions takes longer and is harder, but the results last longer and are more effective. Pressure applied together can change Putin's calculations.",
    },
    {
      label: 'correct',
      answer:
        'Burns says Putin is lonely diplomatically and has no real allies, unlike America. Acting together is slower and less satisfying, yet the effects are more durable, and coordinated pressure can alter how Putin calculates.',
    },
    {
      label: 'partial',
      answer:
        'Because Putin has no real allies, unlike America with its alliances. That loneliness is his biggest weakness.',
      met: ['loneliness'],
    },
    {
      label: 'partial',
      answer: 'Coalitions are slower and harder, but their effects last longer and work better.',
      met: ['lasting'],
    },
    {
      label: 'wrong',
      answer: 'Because the United States is richer than Russia and can afford a bigger army.',
    },
    {
      label: 'wrong',
      answer: 'He thinks coalitions are good and that the United States should work in them.',
    },
    {
      label: 'salad',
      answer:
        'loneliness, vulnerability, alliances, coalitions, slower, harder, long-lasting, effective, calculus',
    },
    {
      label: 'salad',
      answer: 'Putin loneliness web alliances coalitions slower harder lasting effective pressure calculus',
    },
    {
      label: 'negation',
      answer: 'Coalitions are faster and easier than acting alone, and their effects are less lasting.',
      contradicted: ['lasting'],
    },
    {
      label: 'negation',
      answer:
        "Working in coalitions is not more effective, and coordinated pressure cannot change Putin's calculus.",
      contradicted: ['lasting', 'calculus'],
    },
    {
      label: 'misspelled',
      answer:
        "Putins bigest vulnerabilty is his diplomatic lonelyness, he has no aliances. Coalitons are slowr and harder but there efects are more long-lastng and efective. Cordinated presure can alther Putin's calculus.",
    },
    {
      label: 'another-question',
      answer:
        "Because making Russia great is about making Putin's cronies rich, so hitting their wallets and denying foreign investment hurts his economy.",
    },
  ],
  'burns-why-sanctions': [
    {
      label: 'correct',
      answer:
        'Making Russia great is tied to enriching Putin and his crony friends, so their wealth is a weak spot. A coordinated campaign signals that business as usual is over and unsettles Moscow. And the longer Russia is denied foreign direct investment, the further its economy falls behind.',
    },
    {
      label: 'partial',
      answer: "Because Putin's power rests on making his cronies rich, so their money is a vulnerability.",
      met: ['cronies'],
    },
    {
      label: 'partial',
      answer:
        'Without foreign investment the Russian economy falls further behind, and a joint campaign shows the Kremlin that business as usual is over.',
      met: ['signal', 'investment'],
    },
    { label: 'wrong', answer: 'Because sanctions are cheap and will quickly turn Russia into a democracy.' },
    {
      label: 'salad',
      answer: 'cronies wealth vulnerability signal business usual unsettle Moscow investment economy behind',
    },
    {
      label: 'negation',
      answer:
        "Hitting their wallets would not unsettle Moscow, and being denied foreign investment would not make Russia's economy fall behind.",
      contradicted: ['signal', 'investment'],
    },
    {
      label: 'misspelled',
      answer:
        "Russia's greatnes is tied to making Putin and his cronys rich, so there welth is a vulnerabilty. A cordinated campain signals that busness as usual is over and unsetles Moscow. Without foriegn direct investmant the economy falls futher behind.",
    },
    {
      label: 'another-question',
      answer: 'Because Putin is diplomatically lonely and coalitions last longer.',
    },
  ],
  'burns-what-diplomacy-can-do': [
    {
      label: 'correct',
      answer:
        "Diplomacy can't transform the hostile relationship with Russia, but it can manage it. Keeping diplomatic and military channels open shows we won't give in to Putin but won't give up on a healthier relationship either.",
    },
    { label: 'partial', answer: 'Diplomacy will not turn Russia into a friend.', met: ['not-transform'] },
    { label: 'wrong', answer: 'Diplomacy can make Putin step down and bring democracy to Russia.' },
    { label: 'salad', answer: 'transform, manage, relationship, channels, healthier, give up' },
    {
      label: 'negation',
      answer: 'Diplomacy can transform the adversarial relationship with Russia.',
      contradicted: ['not-transform'],
    },
    {
      label: 'misspelled',
      answer:
        'Diplomacy cannot transfrom the adversarial relashionship, but it can manege it, and keeping channels open shows we will not give in but will not give up on a healthyer relationship.',
    },
    {
      label: 'another-question',
      answer: 'Because the elite keep their money abroad, sanctions on them hurt.',
    },
  ],
  'burns-why-avoid-impulsive-response': [
    {
      label: 'correct',
      answer:
        "Striking back impulsively could provoke an unprovoked escalation in Ukraine, and using the same covert tactics would legitimate Putin's shrouded machinations.",
    },
    { label: 'partial', answer: 'It might cause Russia to escalate in Ukraine.', met: ['escalation'] },
    { label: 'wrong', answer: 'Because covert action is too expensive for the United States.' },
    { label: 'salad', answer: 'escalation Ukraine legitimate machinations covert cyberspace' },
    {
      label: 'negation',
      answer: 'An impulsive response would not escalate anything in Ukraine.',
      contradicted: ['escalation'],
    },
    {
      label: 'misspelled',
      answer:
        "An impulsive responce could prompt an escalaton in Ukraine, and copying his methods would legitimize Putin's shrouded machinatons.",
    },
    { label: 'another-question', answer: 'Because Putin has no allies and coalitions have lasting effects.' },
  ],
};

function expectAgreement(grade: ReturnType<typeof gradeShortAnswer>, item: Labelled) {
  switch (item.label) {
    case 'correct':
    case 'misspelled':
      expect(grade.score).toBe(1);
      expect(grade.correct).toBe('correct');
      break;
    case 'partial':
      expect(grade.score).toBeGreaterThan(0);
      expect(grade.score).toBeLessThan(1);
      expect(grade.correct).toBe('partial');
      break;
    case 'salad':
      expect(grade.score).toBe(0);
      expect(grade.listOfWords).toBe(true);
      break;
    case 'wrong':
    case 'negation':
    case 'another-question':
      expect(grade.score).toBe(0);
      expect(grade.correct).toBe('incorrect');
      break;
  }
  if (item.met) expect(grade.keyPointsMet.map((k) => k.id).sort()).toEqual([...item.met].sort());
  if (item.contradicted) {
    expect(grade.keyPointsContradicted.map((k) => k.id).sort()).toEqual([...item.contradicted].sort());
  }
}

describe('gradeShortAnswer agrees with the labelled answers', () => {
  for (const [id, answers] of Object.entries(labelled)) {
    describe(id, () => {
      const question = shortAnswer(id);
      for (const item of answers) {
        it(`${item.label}: ${item.answer.slice(0, 60)}`, () => {
          const grade = gradeShortAnswer({
            rubric: question.rubric,
            answer: item.answer,
            prompt: question.prompt,
          });
          expectAgreement(grade, item);
        });
      }
    });
  }

  it('covers every label for each rubric question', () => {
    for (const answers of Object.values(labelled)) {
      const labels = new Set(answers.map((a) => a.label));
      for (const label of ['correct', 'partial', 'wrong', 'salad', 'negation', 'misspelled'] as const) {
        expect(labels).toContain(label);
      }
    }
  });

  it('gives the model answer full credit', () => {
    for (const id of Object.keys(labelled)) {
      const question = shortAnswer(id);
      const grade = gradeShortAnswer({
        rubric: question.rubric,
        answer: question.modelAnswer,
        prompt: question.prompt,
      });
      expect(grade.score, id).toBe(1);
    }
  });
});

describe('feedback', () => {
  const question = shortAnswer('burns-why-coalitions');
  it('names the key points made and missed', () => {
    const grade = gradeShortAnswer({
      rubric: question.rubric,
      prompt: question.prompt,
      answer: 'Coalitions are slower and harder, but their effects last longer and work better.',
    });
    expect(grade.keyPointsMet.map((k) => k.id)).toEqual(['lasting']);
    expect(grade.keyPointsMissed.map((k) => k.id)).toEqual(['loneliness', 'calculus']);
    expect(grade.feedback).toContain('Still missing');
    expect(grade.feedback).toContain('diplomatic loneliness');
  });

  it('says when the answer contradicts the text', () => {
    const grade = gradeShortAnswer({
      rubric: question.rubric,
      prompt: question.prompt,
      answer: 'Coalitions are faster and easier than acting alone.',
    });
    expect(grade.feedback).toContain('opposite of the text');
  });

  it('reads a concession about the other side as no contradiction', () => {
    const grade = gradeShortAnswer({
      rubric: question.rubric,
      prompt: question.prompt,
      answer:
        'Acting alone is faster and easier, but coalitions have effects that are more lasting and effective.',
    });
    expect(grade.keyPointsMet.map((k) => k.id)).toContain('lasting');
    expect(grade.keyPointsContradicted).toEqual([]);
  });

  it('scores an empty answer 0 without failing', () => {
    const grade = gradeShortAnswer({ rubric: question.rubric, prompt: question.prompt, answer: '   ' });
    expect(grade).toMatchObject({ score: 0, correct: 'incorrect', feedback: 'No answer was given.' });
  });

  it('is deterministic', () => {
    const answer = 'Putin is isolated, and coalitions take longer but last.';
    const first = gradeShortAnswer({ rubric: question.rubric, prompt: question.prompt, answer });
    const second = gradeShortAnswer({ rubric: question.rubric, prompt: question.prompt, answer });
    expect(second).toEqual(first);
  });
});

describe('grading from a model answer alone', () => {
  const question = 'Why did Moscow expel 60 American diplomats?';
  const reference =
    'Moscow was retaliating for the expulsion of its own diplomats after the poisoning; it wanted to show that it would answer every Western step in kind.';

  it('derives key points from the reference', () => {
    const rubric = rubricFromReference(reference, question);
    expect(rubric.keyPoints.length).toBe(2);
    expect(rubric.keyPoints[0]!.text).toMatch(/retaliating/);
  });

  it('grades correct, partial, wrong, salad, negation and misspelled answers', () => {
    const grade = (answer: string) => gradeAgainstReference({ question, reference, answer });
    expect(
      grade(
        'It was retaliation for Western countries expelling Russian diplomats, to show it would answer each step in kind.',
      ).score,
    ).toBe(1);
    expect(grade('Moscow was retaliating because Russian diplomats had been expelled.').score).toBe(0.5);
    expect(grade('Because the American diplomats were spies who broke the law.').score).toBe(0);
    expect(grade('retaliation, expulsion, diplomats, poisoning, answer, kind').score).toBe(0);
    expect(
      grade('Moscow was not retaliating for anything, and it would not answer Western steps.').score,
    ).toBe(0);
    expect(
      grade(
        'Moscow was retalliating for the expulsion of its diplomats, to show it would answer every westren step in kind.',
      ).score,
    ).toBe(1);
  });
});

describe('speed', () => {
  it('grades an answer in well under 20 ms once the rubric is warm', () => {
    const question = shortAnswer('burns-why-coalitions');
    const answer = labelled['burns-why-coalitions']![0]!.answer;
    gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++)
      gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });
    // Loose bound: the benchmark prints the real figure.
    expect((performance.now() - start) / runs).toBeLessThan(20);
  });
});
