import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  agreementFigures,
  answerGroups,
  binaryFigures,
  crossValidate,
  crossValidateExamples,
  EXAMPLE_COUNTS,
  featureMatrix,
  fitExampleModel,
  fitGrader,
  simulateExamples,
} from './evaluate';
import { statusFor } from './model';
import { fittingData, loadSiblingSets, SIBLING_FIT_SETS } from './training-data';

/**
 * Fits the short-answer scorer and writes `data/model.json`:
 *
 *   npm run grader:train
 *
 * Reads SciEntsBank's training split, the IR set and the fitted batches of answers written blind
 * (`fittingData`) from `data/`, measures the scorer with folds split by question, then fits it on
 * everything; the other-question cut-off is read off the sibling sets in `SIBLING_FIT_SETS`.
 * Deterministic: the same data give the same file.
 */

const round = (value: number) => Math.round(value * 1000) / 1000;

function main() {
  const started = performance.now();
  const { rows, questions } = fittingData();
  const x = featureMatrix(rows);
  console.log(
    `${rows.length} rows (answer × key point): features in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const cv = crossValidate(rows, x, { questions });
  const science = rows.flatMap((r, i) => (r.dataset === 'scientsbank' && !r.synthetic ? [i] : []));
  const scienceFigures = binaryFigures(
    science.map((i) => rows[i]!.target === 1),
    science.map((i) => cv.credits[i]! >= 1),
  );
  const allGroups = answerGroups(rows, questions);
  const groups = allGroups.filter((g) => !g.denialOnly);
  const blindGroups = allGroups.filter((g) => g.denialOnly);
  const irFigures = agreementFigures(rows, groups, cv.credits, questions);
  const blindFigures = agreementFigures(rows, blindGroups, cv.credits, questions);
  console.log(
    `cross-validated by question: SciEntsBank accuracy ${scienceFigures.accuracy.toFixed(3)}, macro-F1 ${scienceFigures.macroF1.toFixed(3)}; ` +
      `IR agreement within 0.25 ${irFigures.agreement.toFixed(3)} (${irFigures.n} answers); ` +
      `blind answers fitted by the contradiction model ${blindFigures.agreement.toFixed(3)} (${blindFigures.n})`,
  );

  const siblingSets = [...loadSiblingSets()].flatMap(([name, set]) =>
    SIBLING_FIT_SETS.has(name) ? [set] : [],
  );
  const model = fitGrader(rows, x, { questions, siblingSets }, cv);

  // Instructor examples: simulated from labelled answers of the same question.
  const simulated = simulateExamples(rows, cv.probabilities);
  const blended = crossValidateExamples(rows, simulated);
  const withExamples: Record<string, number> = {};
  for (const count of EXAMPLE_COUNTS) {
    const picked = simulated.rows.flatMap((i, k) =>
      rows[i]!.dataset === 'scientsbank' && simulated.examples[k] === count ? [k] : [],
    );
    const figures = binaryFigures(
      picked.map((k) => simulated.targets[k]! === 1),
      picked.map((k) => statusFor(blended[k]!, model.thresholds, true) === 'met'),
    );
    withExamples[String(count)] = round(figures.accuracy);
  }
  console.log(`SciEntsBank accuracy with n graded examples of the question: ${JSON.stringify(withExamples)}`);
  model.examples = fitExampleModel(rows, simulated);
  model.training = {
    command: 'npm run grader:train',
    data: {
      scientsbank: {
        answers: science.length,
        questions: new Set(science.map((i) => rows[i]!.questionId)).size,
      },
      ir: {
        answers: groups.length,
        questions: new Set(groups.map((g) => g.questionId)).size,
        keyPoints: rows.filter((r) => r.dataset === 'ir' && !r.denialOnly).length,
      },
      blindForContradictions: {
        answers: blindGroups.length,
        questions: new Set(blindGroups.map((g) => g.questionId)).size,
      },
      otherQuestionCutOff: {
        sets: [...SIBLING_FIT_SETS],
        answers: siblingSets.reduce((sum, set) => sum + set.answers.length, 0),
      },
    },
    crossValidated: {
      scientsbank: { accuracy: round(scienceFigures.accuracy), macroF1: round(scienceFigures.macroF1) },
      ir: { agreement: round(irFigures.agreement), meanAbsoluteError: round(irFigures.meanAbsoluteError) },
      scientsbankWithExamples: withExamples,
    },
  };
  const file = path.join(import.meta.dirname, 'data', 'model.json');
  writeFileSync(file, `${JSON.stringify(model, roundNumbers)}\n`);
  console.log(
    `thresholds ${JSON.stringify(model.thresholds)}, review ${JSON.stringify(model.review)}; ` +
      `wrote ${path.relative(process.cwd(), file)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Six significant digits are plenty for the model and keep the file small. */
function roundNumbers(_key: string, value: unknown) {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
}

main();
