import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAuthoredBank } from '@/questions/bank';
import {
  agreementFigures,
  answerGroups,
  binaryFigures,
  crossValidate,
  crossValidateExamples,
  crossValidateOverlap,
  EXAMPLE_COUNTS,
  featureMatrix,
  overlapScore,
  rubricScore,
  simulateExamples,
  tuneOverlapCutoff,
} from '@/questions/grade/evaluate';
import { graderModel, statusFor } from '@/questions/grade/model';
import { gradeShortAnswer, prepareRubric } from '@/questions/grade/short-answer';
import {
  DENIAL_BLIND_BATCHES,
  fittingData,
  type IrAnswer,
  type IrQuestion,
  loadBlindAnswers,
  loadBlindQuestions,
  loadIrAnswers,
  loadIrQuestions,
  loadSciEntsBank,
  loadSiblingSets,
  SIBLING_FIT_SETS,
  STATUS_VALUE,
} from '@/questions/grade/training-data';
import { vectorTable } from '@/questions/grade/vectors';
import { lightTagger } from '@/questions/language/light-tokens';
import type { ShortAnswerQuestion } from '@/questions/schema';

/**
 * `npm run bench:grader`: how well and how fast the short-answer grader grades, next to a plain
 * content-word-overlap baseline whose cut-off is tuned in the same folds. Every quality figure is
 * cross-validated by question (no question's answers on both sides of a split) unless it says
 * "shipped model", which is the committed model on its own training data.
 */

const root = path.join(import.meta.dirname, '..');
const dataDir = path.join(root, 'questions', 'grade', 'data');
const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const fixed = (value: number) => value.toFixed(3);

function loadTimes() {
  const started = performance.now();
  const model = graderModel();
  const modelMs = performance.now() - started;
  const vectorsStarted = performance.now();
  const table = vectorTable();
  const vectorsMs = performance.now() - vectorsStarted;
  const taggerStarted = performance.now();
  lightTagger();
  const taggerMs = performance.now() - taggerStarted;
  const bytes = (file: string) => statSync(path.join(dataDir, file)).size;
  return {
    model,
    modelMs,
    vectorsMs,
    taggerMs,
    words: table.size,
    modelBytes: bytes('model.json'),
    vectorBytes: bytes('vectors.bin'),
  };
}

function speed(questions: ReturnType<typeof loadIrQuestions>) {
  const rubrics = new Map(questions.map((q) => [q.id, q]));
  // Read each IR question's rubric once, as a server does when a question is first graded
  // (timed apart), then warm up as a server in use is warm: science answers graded against
  // these rubrics (the code, the vector table, the tagger, WordNet's files). Then time the IR
  // answers, which the process has not seen, one after another.
  const rubricStarted = performance.now();
  for (const question of questions) prepareRubric(question.rubric, question.prompt);
  const rubricMs = (performance.now() - rubricStarted) / questions.length;
  const science = loadSciEntsBank();
  for (let i = 0; i < 1500; i++) {
    const question = questions[i % questions.length]!;
    gradeShortAnswer({ rubric: question.rubric, answer: science[i]!.answer, prompt: question.prompt });
  }
  const times: number[] = [];
  // CPU time of this process per answer as well: on a shared machine the wall clock also
  // counts the time other processes held the cores.
  const cpuTimes: number[] = [];
  const started = performance.now();
  for (const answer of loadIrAnswers()) {
    const question = rubrics.get(answer.questionId)!;
    const cpu = process.cpuUsage();
    const start = performance.now();
    gradeShortAnswer({ rubric: question.rubric, answer: answer.answer, prompt: question.prompt });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const at = (sorted: number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    rubricMs,
    count: times.length,
    perSecond: (1000 * times.length) / total,
    p50: at(times, 0.5),
    p99: at(times, 0.99),
    max: times.at(-1)!,
    cpuP50: at(cpuTimes, 0.5),
    cpuP99: at(cpuTimes, 0.99),
    load: os.loadavg()[0]!,
    cores: os.availableParallelism(),
  };
}

/** A labelled answer's score by its labels, and the shipped model's grade of it. */
function labelAndGrade(question: IrQuestion, answer: IrAnswer) {
  return {
    label: rubricScore(question.rubric, (id) => STATUS_VALUE[answer.points[id] ?? 'missed']),
    grade: gradeShortAnswer({ rubric: question.rubric, answer: answer.answer, prompt: question.prompt }),
  };
}

/** Answers written after the last change to the features, graded by the shipped model. */
function heldOutAnswers(questions: ReturnType<typeof loadIrQuestions>) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers = loadIrAnswers(path.join(dataDir, 'ir-answers-heldout.jsonl'));
  const figures = {
    n: answers.length,
    agree: 0,
    error: 0,
    stanceHigh: 0,
    stanceTotal: 0,
    paraphraseZero: 0,
    paraphraseTotal: 0,
    byKind: {} as Record<string, [number, number]>,
  };
  for (const answer of answers) {
    const question = byId.get(answer.questionId)!;
    const { label, grade } = labelAndGrade(question, answer);
    const score = grade.score;
    const ok = Math.abs(score - label) <= 0.25 + 1e-9;
    const kind = figures.byKind[answer.kind] ?? [0, 0];
    figures.byKind[answer.kind] = kind;
    kind[1]++;
    if (ok) {
      figures.agree++;
      kind[0]++;
    }
    figures.error += Math.abs(score - label);
    if (answer.kind === 'reversed-stance' || answer.kind === 'opposite-policy') {
      figures.stanceTotal++;
      if (score >= 0.5) figures.stanceHigh++;
    }
    if (answer.kind === 'paraphrase') {
      figures.paraphraseTotal++;
      if (score === 0) figures.paraphraseZero++;
    }
  }
  return figures;
}

/** Kinds of answer that deny a point or argue the opposite course. */
const OPPOSING = new Set(['denial', 'wrong-recommendation']);

/**
 * Answers written blind (`data/ir-answers-blind.jsonl`) in the batches the scorer is not fitted
 * on: by sessions that never saw the grader, its code, its data or its figures, to questions of
 * their own (`data/ir-questions-blind.json`), each labelled per key point. The shipped model
 * grades them, and so does the word-overlap baseline with its cut-off tuned on the training rows.
 */
function blindAnswers(questions: readonly IrQuestion[], overlapCutoff: number) {
  const blindQuestions = loadBlindQuestions();
  const known = new Set(questions.map((q) => q.id));
  const byId = new Map([...questions, ...blindQuestions].map((q) => [q.id, q]));
  const answers = loadBlindAnswers().filter((answer) => !DENIAL_BLIND_BATCHES.has(answer.set ?? ''));
  type Tally = {
    n: number;
    newQuestions: Set<string>;
    agree: number;
    error: number;
    overlapAgree: number;
    opposingHigh: number;
    opposing: number;
    contradictedCredited: number;
    contradicted: number;
    paraphraseZero: number;
    paraphrases: number;
    review: number;
    wrong: number;
    wrongReviewed: number;
  };
  const tally = (): Tally => ({
    n: 0,
    newQuestions: new Set(),
    agree: 0,
    error: 0,
    overlapAgree: 0,
    opposingHigh: 0,
    opposing: 0,
    contradictedCredited: 0,
    contradicted: 0,
    paraphraseZero: 0,
    paraphrases: 0,
    review: 0,
    wrong: 0,
    wrongReviewed: 0,
  });
  const sets = new Map<string, Tally>();
  const all = tally();
  const byKind = new Map<string, [number, number]>();
  for (const answer of answers) {
    const question = byId.get(answer.questionId)!;
    const { label, grade } = labelAndGrade(question, answer);
    const overlap = rubricScore(question.rubric, (id) => {
      const point = question.rubric.keyPoints.find((k) => k.id === id)!;
      return overlapScore({
        phrasings: [point.text, ...point.accept],
        answer: answer.answer,
      }) >= overlapCutoff
        ? 1
        : 0;
    });
    const ok = Math.abs(grade.score - label) <= 0.25 + 1e-9;
    const set = answer.set ?? '?';
    if (!sets.has(set)) sets.set(set, tally());
    for (const t of [sets.get(set)!, all]) {
      t.n++;
      if (!known.has(question.id)) t.newQuestions.add(question.id);
      if (ok) t.agree++;
      if (grade.needsReview) t.review++;
      if (!ok) t.wrong++;
      if (!ok && grade.needsReview) t.wrongReviewed++;
      t.error += Math.abs(grade.score - label);
      if (Math.abs(overlap - label) <= 0.25 + 1e-9) t.overlapAgree++;
      if (OPPOSING.has(answer.kind)) {
        t.opposing++;
        if (grade.score >= 0.5) t.opposingHigh++;
      }
      if (answer.kind === 'paraphrase') {
        t.paraphrases++;
        if (grade.score === 0) t.paraphraseZero++;
      }
      for (const point of grade.keyPoints) {
        if (answer.points[point.id] !== 'contradicted') continue;
        t.contradicted++;
        if (point.status !== 'missed') t.contradictedCredited++;
      }
    }
    const kind = byKind.get(answer.kind) ?? [0, 0];
    byKind.set(answer.kind, kind);
    kind[1]++;
    if (ok) kind[0]++;
  }
  return { sets, all, byKind };
}

/**
 * Answers labelled against every question of their reading (`data/ir-sibling-answers.jsonl`),
 * graded by the shipped model alone and then beside the reading's other questions, as a quiz
 * grades them: under the question each was written for, and under each other question, where
 * most points are labelled missed (an answer to another question) and a few made (an answer
 * that drifts into a neighbouring argument).
 */
function siblingAnswers() {
  const rows: string[] = [];
  const ms = { alone: 0, beside: 0, siblings: 0, pairs: 0 };
  const within = (score: number, label: number) => Math.abs(score - label) <= 0.25 + 1e-9;
  for (const [name, { questions, answers }] of [...loadSiblingSets()].sort()) {
    const t = {
      own: 0,
      ownFlagged: 0,
      ownAgree: [0, 0],
      other: 0,
      otherFlagged: 0,
      otherAgree: [0, 0],
      unearned: 0,
      unearnedCredited: [0, 0],
      earnedWithheld: 0,
    };
    for (const answer of answers) {
      for (const question of questions) {
        const labels = answer.labels[question.id]!;
        const label = rubricScore(question.rubric, (id) => STATUS_VALUE[labels[id] ?? 'missed']);
        const input = { rubric: question.rubric, answer: answer.answer, prompt: question.prompt };
        let started = performance.now();
        const alone = gradeShortAnswer(input);
        ms.alone += performance.now() - started;
        started = performance.now();
        const beside = gradeShortAnswer({ ...input, siblings: questions.filter((q) => q !== question) });
        ms.beside += performance.now() - started;
        ms.siblings += questions.length - 1;
        ms.pairs++;
        const own = question.id === answer.writtenFor;
        const flagged = beside.otherQuestion !== null;
        const agree = own ? t.ownAgree : t.otherAgree;
        if (own) {
          t.own++;
          if (flagged) t.ownFlagged++;
        } else {
          t.other++;
          if (flagged) t.otherFlagged++;
        }
        agree[0]! += within(alone.score, label) ? 1 : 0;
        agree[1]! += within(beside.score, label) ? 1 : 0;
        alone.keyPoints.forEach((point, i) => {
          const made = STATUS_VALUE[labels[point.id] ?? 'missed'] > 0;
          const withheld = point.status !== 'missed' && beside.keyPoints[i]!.status === 'missed';
          if (!made) {
            t.unearned++;
            if (point.status !== 'missed') t.unearnedCredited[0]!++;
            if (beside.keyPoints[i]!.status !== 'missed') t.unearnedCredited[1]!++;
          } else if (withheld) t.earnedWithheld++;
        });
      }
    }
    rows.push(
      `| ${name}${SIBLING_FIT_SETS.has(name) ? ' (cut-off read off it)' : ''} | ${questions.length} | ${t.own} | ${t.ownFlagged} | ${t.ownAgree[0]} → ${t.ownAgree[1]} | ${t.other} | ${t.otherFlagged} (${pct(t.otherFlagged / t.other)}) | ${t.otherAgree[0]} → ${t.otherAgree[1]} | ${t.unearnedCredited[0]} → ${t.unearnedCredited[1]} of ${t.unearned} | ${t.earnedWithheld} |`,
    );
  }
  return { rows, ms };
}

/** The labelled answers written for the old rule-based grader's tests, before this scorer existed. */
function earlierLabelledAnswers() {
  const bank = loadAuthoredBank('burns-lead-with-diplomacy', path.join(root, 'content'));
  const labelled = JSON.parse(
    readFileSync(path.join(dataDir, 'burns-labelled-answers.json'), 'utf8'),
  ) as Record<string, { label: string; answer: string; met?: string[] }[]>;
  let agree = 0;
  let n = 0;
  for (const [id, items] of Object.entries(labelled)) {
    const question = bank.find((q) => q.id === id) as ShortAnswerQuestion;
    const total = question.rubric.keyPoints.length;
    const needed = Math.min(question.rubric.pointsForFullCredit ?? total, total);
    for (const item of items) {
      const expected =
        item.label === 'correct' || item.label === 'misspelled'
          ? 1
          : item.label === 'partial'
            ? Math.min(1, (item.met?.length ?? 1) / needed)
            : 0;
      const score = gradeShortAnswer({
        rubric: question.rubric,
        answer: item.answer,
        prompt: question.prompt,
      }).score;
      n++;
      if (Math.abs(score - expected) <= 0.25) agree++;
    }
  }
  return { agree, n };
}

function main() {
  console.log('# Short-answer grader benchmark\n');
  const load = loadTimes();
  const questions = loadIrQuestions();
  // Timed first, so no answer has been analysed (and cached) yet.
  const timing = speed(questions);
  const fitting = fittingData();
  const rows = fitting.rows;
  const featureStart = performance.now();
  const x = featureMatrix(rows);
  const featureSeconds = (performance.now() - featureStart) / 1000;
  const cv = crossValidate(rows, x, { questions: fitting.questions });
  const overlaps = rows.map(overlapScore);
  const baseline = crossValidateOverlap(rows, overlaps);
  const science = rows.flatMap((r, i) => (r.dataset === 'scientsbank' && !r.synthetic ? [i] : []));
  const truth = science.map((i) => rows[i]!.target === 1);
  const model = binaryFigures(
    truth,
    science.map((i) => cv.credits[i]! >= 1),
  );
  const base = binaryFigures(
    truth,
    science.map((i) => baseline[i]! >= 1),
  );
  const majority = binaryFigures(
    truth,
    science.map(() => false),
  );
  const groups = answerGroups(rows, fitting.questions);
  const origins = [
    ['the IR set, written here', groups.filter((g) => !g.denialOnly)],
    [
      `answers written blind, batches ${[...DENIAL_BLIND_BATCHES].join('')} (fitted by the contradiction model only)`,
      groups.filter((g) => g.denialOnly),
    ],
  ] as const;
  const ir = agreementFigures(rows, origins[0][1], cv.credits, fitting.questions);

  console.log(
    `## Quality, cross-validated by question (${rows.length} answer × key-point rows, features in ${featureSeconds.toFixed(0)} s)\n`,
  );
  console.log('| | accuracy | macro-F1 |');
  console.log('| --- | --- | --- |');
  console.log(
    `| SciEntsBank train (${science.length} answers, 135 questions, 10 folds): grader | ${fixed(model.accuracy)} | ${fixed(model.macroF1)} |`,
  );
  console.log(
    `| … content-word overlap, cut-off tuned per fold | ${fixed(base.accuracy)} | ${fixed(base.macroF1)} |`,
  );
  console.log(`| … always "incorrect" | ${fixed(majority.accuracy)} | ${fixed(majority.macroF1)} |`);
  console.log('');
  console.log(
    '| IR answers (each question held out in turn) | answers | questions | within 0.25 of the label: grader | content-word overlap | mean abs. error: grader | overlap | contradicted points credited |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const byKind = new Map<string, Map<string, { agreement: number; n: number }>>();
  for (const [name, picked] of origins) {
    if (picked.length === 0) continue;
    const graded = agreementFigures(rows, picked, cv.credits, fitting.questions);
    const base = agreementFigures(rows, picked, baseline, fitting.questions);
    const contradicted = picked.flatMap((g) => g.rows.filter((i) => rows[i]!.contradicted));
    const credited = contradicted.filter((i) => cv.credits[i]! > 0).length;
    console.log(
      `| ${name} | ${graded.n} | ${new Set(picked.map((g) => g.questionId)).size} | ${pct(graded.agreement)} | ${pct(base.agreement)} | ${fixed(graded.meanAbsoluteError)} | ${fixed(base.meanAbsoluteError)} | ${credited} of ${contradicted.length} |`,
    );
    byKind.set(name, new Map(Object.entries(graded.byKind)));
  }
  console.log('\nAgreement by kind of answer (grader, cross-validated):');
  for (const [name, kinds] of byKind) {
    console.log(`  ${name}:`);
    for (const [kind, figures] of [...kinds].sort()) {
      console.log(`    ${kind.padEnd(22)} ${pct(figures.agreement).padStart(6)}  (${figures.n})`);
    }
  }

  // The shipped model on the IR set, through the real grading path.
  const rubrics = new Map(questions.map((q) => [q.id, q]));
  const answers = loadIrAnswers();
  let inSample = 0;
  let stanceHigh = 0;
  let stanceTotal = 0;
  let paraphraseZero = 0;
  let paraphraseTotal = 0;
  let flagged = 0;
  let flaggedAgree = 0;
  let clearAgree = 0;
  answers.forEach((answer, i) => {
    const question = rubrics.get(answer.questionId)!;
    const grade = gradeShortAnswer({
      rubric: question.rubric,
      answer: answer.answer,
      prompt: question.prompt,
    });
    const label = groups.find((g) => g.answerId === `ir${i + 1}`)!.label;
    const ok = Math.abs(grade.score - label) <= 0.25 + 1e-9;
    if (ok) inSample++;
    if (grade.needsReview) {
      flagged++;
      if (ok) flaggedAgree++;
    } else if (ok) clearAgree++;
    if (answer.kind === 'reversed-stance' || answer.kind === 'opposite-policy') {
      stanceTotal++;
      if (grade.score >= 0.5) stanceHigh++;
    }
    if (answer.kind === 'paraphrase') {
      paraphraseTotal++;
      if (grade.score === 0) paraphraseZero++;
    }
  });
  const cvStanceHigh = groups.filter(
    (g) =>
      (g.kind === 'reversed-stance' || g.kind === 'opposite-policy') && ir.scores.get(g.answerId)! >= 0.5,
  ).length;
  const contradictedRows = rows.flatMap((r, i) =>
    r.dataset === 'ir' && r.contradicted && !r.synthetic && !r.denialOnly ? [i] : [],
  );
  const contradictedCredited = contradictedRows.filter((i) => cv.credits[i]! > 0).length;
  const cvParaphraseZero = groups.filter(
    (g) => g.kind === 'paraphrase' && ir.scores.get(g.answerId) === 0,
  ).length;
  console.log('\n## The shipped model on the IR set (its own training data: an upper bound)\n');
  console.log(`within 0.25 of the label: ${pct(inSample / answers.length)} of ${answers.length}`);
  console.log(
    `marked needs-review: ${flagged} (${pct(flagged / answers.length)}); agreement on those ${pct(flaggedAgree / Math.max(1, flagged))}, on the rest ${pct(clearAgree / Math.max(1, answers.length - flagged))}`,
  );
  console.log(
    `reversed-stance or opposite-policy answers scoring ≥ 0.5: ${stanceHigh} of ${stanceTotal} (cross-validated: ${cvStanceHigh})`,
  );
  console.log(
    `correct paraphrases scoring 0: ${paraphraseZero} of ${paraphraseTotal} (cross-validated: ${cvParaphraseZero})`,
  );
  console.log(
    `points the answer contradicts (labelled) that still get credit, cross-validated: ${contradictedCredited} of ${contradictedRows.length}`,
  );
  const heldOut = heldOutAnswers(questions);
  console.log(
    `\nHeld-out IR answers (data/ir-answers-heldout.jsonl: ${heldOut.n} answers, never trained or tuned on), shipped model: ${heldOut.agree} within 0.25 (${pct(heldOut.agree / heldOut.n)}), mean abs. error ${fixed(heldOut.error / heldOut.n)}; reversed-stance or opposite-policy scoring ≥ 0.5: ${heldOut.stanceHigh} of ${heldOut.stanceTotal}; correct paraphrases scoring 0: ${heldOut.paraphraseZero} of ${heldOut.paraphraseTotal}`,
  );
  console.log(
    `  by kind: ${Object.entries(heldOut.byKind)
      .sort()
      .map(([kind, [agree, n]]) => `${kind} ${agree}/${n}`)
      .join(', ')}`,
  );
  const blind = blindAnswers(
    questions,
    tuneOverlapCutoff(
      overlaps.filter((_, i) => !rows[i]!.denialOnly),
      rows.filter((r) => !r.denialOnly).map((r) => r.target),
    ),
  );
  console.log(
    `\nAnswers written blind in the batches not fitted on (data/ir-answers-blind.jsonl, all but ${[...DENIAL_BLIND_BATCHES].join('')}: by sessions that never saw the grader or its data; never trained or tuned on), shipped model against word overlap:\n`,
  );
  console.log(
    '| batch | answers | questions new to the grader | within 0.25: grader | word overlap | mean abs. error | denials and opposite courses at ≥ 0.5 | contradicted points credited | correct paraphrases at 0 | marked for review | grades off by more than 0.25 marked for review |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, t] of [...[...blind.sets].sort(), ['all', blind.all] as const]) {
    console.log(
      `| ${name} | ${t.n} | ${t.newQuestions.size} | ${pct(t.agree / t.n)} | ${pct(t.overlapAgree / t.n)} | ${fixed(t.error / t.n)} | ${t.opposingHigh} of ${t.opposing} | ${t.contradictedCredited} of ${t.contradicted} | ${t.paraphraseZero} of ${t.paraphrases} | ${t.review} (${pct(t.review / t.n)}) | ${t.wrongReviewed} of ${t.wrong} |`,
    );
  }
  console.log(
    `  by kind: ${[...blind.byKind]
      .sort()
      .map(([kind, [agree, n]]) => `${kind} ${agree}/${n}`)
      .join(', ')}`,
  );
  console.log(
    `\nAnswers to another question of the same reading (data/ir-sibling-answers.jsonl; sets q, r and s written blind), shipped model graded alone → beside the reading's other questions (other-question cut-off ${load.model.thresholds.otherQuestion}):\n`,
  );
  console.log(
    '| set | questions | answers under their own question | read as answering another | within 0.25 | graded under another question | read as answering another | within 0.25 | unmade points credited | made points withheld |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const siblings = siblingAnswers();
  for (const row of siblings.rows) console.log(row);
  console.log(
    `  grading time per answer: alone ${(siblings.ms.alone / siblings.ms.pairs).toFixed(2)} ms, beside ${(siblings.ms.siblings / siblings.ms.pairs).toFixed(1)} other questions on average ${(siblings.ms.beside / siblings.ms.pairs).toFixed(2)} ms (${(siblings.ms.beside / siblings.ms.alone).toFixed(1)}×)`,
  );

  const earlier = earlierLabelledAnswers();
  console.log(
    `\nAnswers labelled for the old grader's tests, written before this scorer (not trained on): ${earlier.agree} of ${earlier.n} within 0.25`,
  );

  // Learning from the instructor: SciEntsBank, n graded answers of the same question.
  const simulated = simulateExamples(rows, cv.probabilities);
  const blended = crossValidateExamples(rows, simulated);
  const withExamples = EXAMPLE_COUNTS.map((count) => {
    const picked = simulated.rows.flatMap((i, k) =>
      rows[i]!.dataset === 'scientsbank' && simulated.examples[k] === count ? [k] : [],
    );
    return `${count}: ${fixed(
      binaryFigures(
        picked.map((k) => simulated.targets[k]! === 1),
        picked.map((k) => statusFor(blended[k]!, load.model.thresholds, true) === 'met'),
      ).accuracy,
    )}`;
  });
  console.log(
    `SciEntsBank accuracy with n instructor-graded answers of the question (n: accuracy): ${withExamples.join(', ')}`,
  );

  console.log('\n## Speed and size\n');
  console.log(
    `${timing.count} IR answers graded once each: ${timing.perSecond.toFixed(0)} answers/s, p50 ${timing.p50.toFixed(2)} ms, p99 ${timing.p99.toFixed(2)} ms, slowest ${timing.max.toFixed(1)} ms (wall clock; load average ${timing.load.toFixed(1)} on ${timing.cores} cores)`,
  );
  console.log(
    `CPU time of the grading process per answer: p50 ${timing.cpuP50.toFixed(2)} ms, p99 ${timing.cpuP99.toFixed(2)} ms (counts the JIT and GC threads too)`,
  );
  console.log(
    `reading a question's rubric before its first answer (once per question per process): ${timing.rubricMs.toFixed(1)} ms on average`,
  );
  console.log(
    `model.json ${(load.modelBytes / 1e3).toFixed(0)} kB, loaded in ${load.modelMs.toFixed(0)} ms; vectors.bin ${(load.vectorBytes / 1e6).toFixed(1)} MB (${load.words} words), loaded in ${load.vectorsMs.toFixed(0)} ms; together ${((load.modelBytes + load.vectorBytes) / 1e6).toFixed(1)} MB; the tagger (wink-eng-lite-web-model) loaded in ${load.taggerMs.toFixed(0)} ms`,
  );
}

main();
