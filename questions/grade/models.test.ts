import { describe, expect, it } from 'vitest';
import { fitBoosted, predictBoosted } from './boosting';
import { addRubricContext, pointFeatures, promptLemmas } from './features';
import { fitLogistic, predictLogistic } from './logistic';
import { graderModel, onlyPoint, scorePoint, statusFor } from './model';
import {
  DENIAL_BLIND_BATCHES,
  fittingData,
  loadBlindAnswers,
  loadBlindQuestions,
  loadIrQuestions,
  loadSiblingSets,
  SIBLING_FIT_SETS,
} from './training-data';

/** A fixed pseudo-random sequence, so the tests are deterministic. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('fitLogistic', () => {
  it('recovers the direction of a linear rule and gives calibrated-looking probabilities', () => {
    const next = random(1);
    const rows = Array.from({ length: 400 }, () => [next() * 4 - 2, next() * 4 - 2]);
    const targets = rows.map(([a, b]) => (a! - b! + (next() - 0.5) > 0 ? 1 : 0));
    const model = fitLogistic(['a', 'b'], rows, targets, { l2: 0.1 });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(predictLogistic(model, [2, -2])).toBeGreaterThan(0.95);
    expect(predictLogistic(model, [-2, 2])).toBeLessThan(0.05);
    const right = rows.filter((row, i) => predictLogistic(model, row) >= 0.5 === (targets[i] === 1)).length;
    expect(right / rows.length).toBeGreaterThan(0.85);
  });

  it('takes half-credit targets and sample weights', () => {
    const rows = [[0], [0], [1], [1]];
    const half = fitLogistic(['x'], rows, [0.5, 0.5, 0.5, 0.5], { l2: 1 });
    expect(predictLogistic(half, [0])).toBeCloseTo(0.5, 2);
    const weighted = fitLogistic(['x'], [[0], [0]], [1, 0], { sampleWeights: [3, 1], l2: 1 });
    expect(predictLogistic(weighted, [0])).toBeCloseTo(0.75, 2);
  });
});

describe('fitBoosted', () => {
  it('learns an interaction a linear model cannot (exclusive or)', () => {
    const next = random(7);
    const rows = Array.from({ length: 600 }, () => [next(), next()]);
    const targets = rows.map(([a, b]) => (a! > 0.5 !== b! > 0.5 ? 1 : 0));
    const boosted = fitBoosted(['a', 'b'], rows, targets, { trees: 60, depth: 2, minLeafWeight: 10 });
    const linear = fitLogistic(['a', 'b'], rows, targets);
    const accuracy = (predict: (x: number[]) => number) =>
      rows.filter((row, i) => predict(row) >= 0.5 === (targets[i] === 1)).length / rows.length;
    expect(accuracy((x) => predictBoosted(boosted, x))).toBeGreaterThan(0.95);
    expect(accuracy((x) => predictLogistic(linear, x))).toBeLessThan(0.7);
  });

  it('is deterministic and serialisable', () => {
    const rows = [[0], [1], [2], [3], [4], [5]];
    const targets = [0, 0, 0, 1, 1, 1];
    const a = fitBoosted(['x'], rows, targets, { trees: 5, minLeafWeight: 1 });
    const b = fitBoosted(['x'], rows, targets, { trees: 5, minLeafWeight: 1 });
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
    expect(predictBoosted(a, [5])).toBeGreaterThan(predictBoosted(a, [0]));
  });
});

describe('statusFor and scorePoint', () => {
  const thresholds = {
    met: 0.6,
    partly: 0.3,
    metAlone: 0.5,
    contradiction: 0.9,
    denies: 0.7,
    otherQuestion: 0.2,
  };

  it('reads a lone point (a reference answer) with its own met cut-off', () => {
    expect(statusFor(0.55, thresholds)).toBe('partly');
    expect(statusFor(0.55, thresholds, true)).toBe('met');
    expect(statusFor(0.45, thresholds, true)).toBe('partly');
    expect(statusFor(0.2, thresholds, true)).toBe('missed');
    // A partly cut-off above the lone met cut-off never leaves a gap where nothing is met.
    expect(statusFor(0.45, { ...thresholds, metAlone: 0.25 }, true)).toBe('met');
  });

  it('lets the contradiction model deny credit in a rubric of several points only', () => {
    const model = graderModel();
    // A science-style answer to one reference, and the same answer as one point of three.
    const question = 'Why do you think the harder mineral scratched the softer one?';
    const reference = 'The harder mineral will scratch the less hard mineral.';
    const answer = 'The harder mineral will leave a scratch on the less hard mineral.';
    const prompt = promptLemmas(question);
    const alone = pointFeatures([reference], answer, prompt);
    addRubricContext([alone]);
    const inRubric = pointFeatures([reference], answer, prompt);
    addRubricContext([
      inRubric,
      pointFeatures(['Hardness is measured by scratching.'], answer, prompt),
      pointFeatures(['A streak test shows colour.'], answer, prompt),
    ]);
    expect(onlyPoint(alone)).toBe(true);
    expect(onlyPoint(inRubric)).toBe(false);
    const denyAll = { ...model, thresholds: { ...model.thresholds, denies: 0 } };
    expect(scorePoint(inRubric, denyAll).denied).toBe(true);
    expect(scorePoint(alone, denyAll).denied).toBe(false);
    expect(scorePoint(alone, denyAll).status).toBe(scorePoint(alone, model).status);
  });
});

describe('the labelled data', () => {
  it('labels every blind answer on each key point of its question, and names no two questions alike', () => {
    const known = loadIrQuestions();
    const blind = loadBlindQuestions();
    const ids = [...known, ...blind].map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const byId = new Map([...known, ...blind].map((q) => [q.id, q]));
    const answers = loadBlindAnswers();
    expect(answers.length).toBeGreaterThanOrEqual(1312);
    for (const answer of answers) {
      const question = byId.get(answer.questionId);
      expect(question, answer.questionId).toBeDefined();
      expect(Object.keys(answer.points).sort()).toEqual(question!.rubric.keyPoints.map((k) => k.id).sort());
      expect(answer.set).toMatch(/^[a-p]$/);
    }
  });

  it('fits the contradiction model alone on the listed blind batches, and nothing on the others', () => {
    const { rows, questions } = fittingData();
    const blind = loadBlindAnswers();
    const heldOut = blind.filter((answer) => !DENIAL_BLIND_BATCHES.has(answer.set!));
    expect(heldOut.length).toBeGreaterThanOrEqual(432);
    const fitted = new Set(rows.map((row) => row.answer));
    expect(heldOut.filter((answer) => fitted.has(answer.answer))).toEqual([]);
    const listed = new Set(blind.filter((a) => DENIAL_BLIND_BATCHES.has(a.set!)).map((a) => a.answer));
    expect(listed.size).toBeGreaterThan(0);
    const listedRows = rows.filter((row) => listed.has(row.answer));
    expect(listedRows.length).toBeGreaterThanOrEqual(listed.size);
    expect(listedRows.filter((row) => !row.denialOnly)).toEqual([]);
    expect(rows.filter((row) => row.denialOnly && !listed.has(row.answer))).toEqual([]);
    // Every answer is graded against its own question's rubric.
    const ids = new Set(questions.map((q) => q.id));
    expect(rows.filter((row) => row.dataset === 'ir' && !ids.has(row.questionId))).toEqual([]);
  });

  it('labels every sibling answer against every question of its reading, the fitted sets apart from the measured', () => {
    const sets = loadSiblingSets();
    expect([...sets.keys()].sort()).toEqual(['burns', 'q', 'r', 's']);
    for (const name of SIBLING_FIT_SETS) expect(sets.has(name), name).toBe(true);
    expect([...sets.keys()].filter((name) => !SIBLING_FIT_SETS.has(name)).length).toBeGreaterThanOrEqual(2);
    const all = [...loadIrQuestions(), ...loadBlindQuestions()].map((q) => q.id);
    for (const [name, { questions, answers }] of sets) {
      expect(answers.length, name).toBeGreaterThanOrEqual(36);
      for (const answer of answers) {
        expect(questions.map((q) => q.id)).toContain(answer.writtenFor);
        for (const question of questions) {
          const labels = answer.labels[question.id];
          expect(Object.keys(labels ?? {}).sort(), `${name}: ${question.id}`).toEqual(
            question.rubric.keyPoints.map((k) => k.id).sort(),
          );
        }
      }
      // The blind sets' questions are their own, not the IR set's or the blind batches'.
      if (name !== 'burns') expect(questions.filter((q) => all.includes(q.id))).toEqual([]);
    }
  });
});
