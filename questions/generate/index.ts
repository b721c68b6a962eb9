import type { ParsedReading } from '@/questions/reading/types';
import { QUESTION_TYPES, type Question, type QuestionType } from '../schema';
import { analyseReading, lemmasIn, type ReadingAnalysis } from './analyse';
import { readDiscourse } from './discourse';
import {
  agentQuestions,
  causeQuestions,
  intentQuestions,
  limitQuestions,
  messageQuestions,
  recommendationQuestions,
  rejectionQuestions,
  riskQuestions,
  statementTrueFalse,
} from './templates/argument';
import type { Draft, TemplateName } from './templates/common';
import { actorStatementQuestions, howManyQuestions, statedFactQuestions } from './templates/facts';
import { lensQuestions } from './templates/lens';
import { argumentOrderQuestions, mainIdeaQuestions } from './templates/paragraphs';
import { evidenceQuestions } from './templates/reasons';
import { clozeQuestions } from './templates/statements';
import {
  vocabularyItemId,
  vocabularyItems,
  vocabularyMatchingQuestions,
  vocabularyQuestions,
} from './templates/vocabulary';
import { quotedWord, VALIDATORS, type ValidatorName, validateQuestion } from './validate';

export type { ReadingAnalysis } from './analyse';
export { analyseReading } from './analyse';
export { danglingReference } from './references';
export type { ValidatorName } from './validate';
export { VALIDATORS, validateQuestion } from './validate';

export type Rejection = { id: string; validator: ValidatorName; reason: string };

export type GenerationReport = {
  /** Kept questions, best first. Generated ones are drafts for an instructor to review. */
  questions: Question[];
  /** Questions written before validation. */
  candidates: number;
  /** How many passed every validator (before duplicates were dropped). */
  passed: number;
  rejections: Record<ValidatorName, number>;
  /** Every rejected question with its reason, for review and debugging. */
  rejected: Rejection[];
  keptByType: Record<QuestionType, number>;
  /** Share of paragraphs that are evidence for at least one kept question. */
  paragraphCoverage: number;
};

export type GenerateOptions = {
  readingSlug: string;
  /** Most questions of one type kept per paragraph (default 2). */
  perParagraphAndType?: number;
  /** Questions whose quality estimate is below this are not kept (default 0.55). */
  minimumQuality?: number;
};

/** Overgenerates with every template. */
export function draftQuestions(analysis: ReadingAnalysis): Draft[] {
  const vocabulary = vocabularyItems(analysis);
  const wordMeanings = vocabularyQuestions(analysis, vocabulary);
  // A word asked on its own is matched with its meaning nowhere else: the pair would be its key.
  const askedAlone = new Set(wordMeanings.map((d) => d.question.id));
  const discourse = readDiscourse(analysis);
  return [
    ...statementTrueFalse(analysis, discourse),
    ...causeQuestions(analysis, discourse),
    ...recommendationQuestions(analysis, discourse),
    ...intentQuestions(analysis, discourse),
    ...limitQuestions(analysis, discourse),
    ...messageQuestions(analysis, discourse),
    ...agentQuestions(analysis, discourse),
    ...rejectionQuestions(analysis, discourse),
    ...riskQuestions(analysis, discourse),
    ...lensQuestions(analysis),
    ...mainIdeaQuestions(analysis),
    ...argumentOrderQuestions(analysis),
    ...evidenceQuestions(analysis),
    ...clozeQuestions(analysis),
    ...wordMeanings,
    ...vocabularyMatchingQuestions(
      analysis,
      vocabulary.filter((item) => !askedAlone.has(vocabularyItemId(analysis, item))),
    ),
    ...statedFactQuestions(analysis),
    ...howManyQuestions(analysis),
    ...actorStatementQuestions(analysis),
  ];
}

/**
 * The rule-based generator: analyse the reading, overgenerate from templates, validate every
 * question, rank, drop near-duplicates, and make sure every paragraph is the evidence of a
 * question where any passed. Deterministic: the same reading gives the same questions.
 */
export function generateQuestions(reading: ParsedReading, options: GenerateOptions): GenerationReport {
  const analysis = analyseReading(reading, options.readingSlug);
  const drafts = draftQuestions(analysis);
  return selectQuestions(
    analysis,
    drafts.map((d) => ({ raw: d.question as unknown, quality: d.quality, template: d.template })),
    options,
  );
}

type Candidate = { raw: unknown; quality: number; template?: TemplateName };

const MINIMUM_QUALITY = 0.55;

/** Fixed caps per paragraph and type, where the length-based one is too generous. */
const TYPE_CAP: Partial<Record<QuestionType, number>> = {};

/** Most share of the kept questions one type may take. */
const TYPE_SHARE: Partial<Record<QuestionType, number>> = { cloze: 0.15, 'true-false': 0.2 };
/**
 * Most share of the kept questions one template may take (never fewer than three), where its items
 * look alike: "what does the speaker pledge …" on every "we will".
 */
const TEMPLATE_SHARE: Partial<Record<TemplateName, number>> = { recommendation: 0.05 };
/**
 * Templates whose items were the least often usable as they stood keep only their best few per
 * reading. Rated on first sight on the 20 texts read last (bench/fixtures/ir-texts/ratings/
 * round-1), acceptable as is: recommendations 1 of 24, evidence for a claim 2 of 11, paragraph
 * main ideas 3 of 12, risks 2 of 9, intents 2 of 7, claim-evidence-reasoning 1 of 4; against 68 of
 * 82 blanks and 53 of 62 word meanings.
 */
const LEAST_USABLE: TemplateName[] = [
  'recommendation',
  'select-evidence',
  'main-idea',
  'risk',
  'intent',
  'claim-evidence-reasoning',
];
const LEAST_USABLE_MOST = 2;
/**
 * How many more true/false items may be keyed "true" than "false": one, so that a short text's
 * statements are never all "true" (blind raters found two "true" items and no "false" one on
 * three of four held-out op-eds).
 */
const TRUE_KEY_SLACK = 1;
type Passing = {
  question: Question;
  template: TemplateName | undefined;
  score: number;
  paragraphs: Set<number>;
  signature: Set<string>;
};

const SKILL_WEIGHT: Record<string, number> = {
  'claim-and-reason': 0.15,
  'cause-and-effect': 0.15,
  evidence: 0.1,
  'main-idea': 0.1,
  inference: 0.15,
  vocabulary: 0.05,
  context: 0,
};

function keyText(question: Question): string {
  switch (question.type) {
    case 'multiple-choice':
      return question.options.find((o) => o.id === question.answer.optionId)?.text ?? '';
    case 'true-false':
      return question.statement;
    case 'cloze':
      return question.text;
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return question.claim;
    default:
      return '';
  }
}

/** Validates, ranks and picks; shared by every provider so LLM questions meet the same bar. */
export function selectQuestions(
  analysis: ReadingAnalysis,
  candidates: Candidate[],
  options: GenerateOptions,
): GenerationReport {
  const rejections = Object.fromEntries(VALIDATORS.map((v) => [v, 0])) as Record<ValidatorName, number>;
  const rejected: Rejection[] = [];
  const passing: Passing[] = [];
  const seenIds = new Set<string>();
  for (const candidate of candidates) {
    const verdict = validateQuestion(candidate.raw, analysis);
    const id = (candidate.raw as { id?: string })?.id ?? '(no id)';
    if (!verdict.ok) {
      rejections[verdict.validator]++;
      rejected.push({ id, validator: verdict.validator, reason: verdict.reason });
      continue;
    }
    const question = verdict.question;
    if (seenIds.has(question.id)) {
      rejections['near-duplicate']++;
      rejected.push({ id, validator: 'near-duplicate', reason: 'Same id as another question' });
      continue;
    }
    seenIds.add(question.id);
    const paragraphs = new Set(question.evidence.map((e) => analysis.sentenceById.get(e)!.paragraphIndex));
    const keyness = Math.min(
      0.2,
      lemmasIn(`${question.prompt} ${keyText(question)}`, analysis).reduce(
        (sum, l) => sum + (analysis.keyness.get(l) ?? 0),
        0,
      ) / 40,
    );
    const promptLength = question.prompt.split(/\s+/).length;
    // The quality estimate: the template's prior, nudged by how central the evidence is
    // (distinctive words of this reading) and by length; kept on the question for reviewers.
    const quality = Math.max(
      0,
      Math.min(1, candidate.quality + keyness / 2 - Math.max(0, promptLength - 30) / 100),
    );
    if (quality < (options.minimumQuality ?? MINIMUM_QUALITY)) {
      rejections['low-quality']++;
      rejected.push({ id, validator: 'low-quality', reason: `Quality estimate ${quality.toFixed(2)}` });
      continue;
    }
    question.quality = Math.round(quality * 100) / 100;
    passing.push({
      question,
      template: candidate.template,
      score: quality + (SKILL_WEIGHT[question.skill] ?? 0),
      paragraphs,
      signature: new Set(lemmasIn(`${question.prompt} ${keyText(question)}`, analysis)),
    });
  }
  const passed = passing.length;
  passing.sort((a, b) => b.score - a.score || a.question.id.localeCompare(b.question.id));

  const cap = options.perParagraphAndType ?? 2;
  const kept: Passing[] = [];
  const keptByParagraph = new Map<number, Passing[]>();
  const perParagraphType = new Map<string, number>();
  // The same question asked in two forms ("why …?" as a short answer and again with choices):
  // blind raters marked the second one a duplicate every time. Items of one type that share a
  // general prompt ("Match each word with its meaning …") differ by their content, checked below.
  const keptPrompts = new Map<string, QuestionType>();
  const promptOf = (candidate: Passing) => candidate.question.prompt.trim().toLowerCase();
  const isDuplicate = (candidate: Passing) => {
    const asked = keptPrompts.get(promptOf(candidate));
    if (asked && asked !== candidate.question.type) return true;
    for (const paragraph of candidate.paragraphs) {
      for (const other of keptByParagraph.get(paragraph) ?? []) {
        if (other.question.type !== candidate.question.type) continue;
        const shared = [...candidate.signature].filter((w) => other.signature.has(w)).length;
        const union = new Set([...candidate.signature, ...other.signature]).size;
        if (union > 0 && shared / union >= 0.6) return true;
      }
    }
    return false;
  };
  const keep = (candidate: Passing) => {
    kept.push(candidate);
    if (!keptPrompts.has(promptOf(candidate))) keptPrompts.set(promptOf(candidate), candidate.question.type);
    for (const paragraph of candidate.paragraphs) {
      keptByParagraph.set(paragraph, [...(keptByParagraph.get(paragraph) ?? []), candidate]);
      const key = `${paragraph}:${candidate.question.type}`;
      perParagraphType.set(key, (perParagraphType.get(key) ?? 0) + 1);
    }
  };
  const leftOver: Passing[] = [];
  for (const candidate of passing) {
    if (isDuplicate(candidate)) {
      rejections['near-duplicate']++;
      rejected.push({
        id: candidate.question.id,
        validator: 'near-duplicate',
        reason: 'Too close to a better question',
      });
      continue;
    }
    // A long paragraph holds more: one more question of a type per 120 words past the first.
    const full = [...candidate.paragraphs].every((p) => {
      const words = analysis.paragraphs[p]?.sentences.reduce((n, s) => n + s.wordCount, 0) ?? 0;
      const typeCap = TYPE_CAP[candidate.question.type] ?? cap + Math.floor(Math.max(0, words - 120) / 120);
      return (perParagraphType.get(`${p}:${candidate.question.type}`) ?? 0) >= typeCap;
    });
    if (full) leftOver.push(candidate);
    else keep(candidate);
  }
  // Every paragraph that has a passing question gets one, even past the cap.
  for (const paragraph of analysis.paragraphs) {
    if (keptByParagraph.has(paragraph.index)) continue;
    const onParagraph = leftOver.filter((c) => c.paragraphs.has(paragraph.index) && !isDuplicate(c));
    const best = onParagraph.find((c) => !(c.question.type in TYPE_SHARE)) ?? onParagraph[0];
    if (best) {
      keep(best);
      leftOver.splice(leftOver.indexOf(best), 1);
    }
  }

  // No type or template may crowd out the others: fill-in-the-blank and true/false test the least.
  const limits: { name: string; most: number; matches: (k: Passing) => boolean; evenSole?: boolean }[] = [
    ...Object.entries(TYPE_SHARE).map(([name, share]) => ({
      name,
      most: Math.max(3, Math.ceil(share * kept.length)),
      matches: (k: Passing) => k.question.type === name,
    })),
    ...Object.entries(TEMPLATE_SHARE).map(([name, share]) => ({
      name,
      most: Math.max(3, Math.ceil(share * kept.length)),
      matches: (k: Passing) => k.template === name,
    })),
    // Even a paragraph's only question: an item that is likely broken covers nothing.
    ...LEAST_USABLE.map((name) => ({
      name,
      most: LEAST_USABLE_MOST,
      matches: (k: Passing) => k.template === name,
      evenSole: true,
    })),
  ];
  /**
   * Drops the weakest `surplus` of them; unless `evenSole`, not a paragraph's only question (past a
   * few words).
   */
  const thinOut = (ofKind: Passing[], surplus: number, reason: string, evenSole = false) => {
    const weakestFirst = [...ofKind].sort((a, b) => a.score - b.score);
    for (const candidate of weakestFirst.slice(0, Math.max(0, surplus))) {
      const coveredElsewhere =
        evenSole ||
        [...candidate.paragraphs].every(
          (p) =>
            kept.some((k) => k !== candidate && k.paragraphs.has(p)) ||
            (analysis.paragraphs[p]?.sentences.reduce((n, s) => n + s.wordCount, 0) ?? 0) < 40,
        );
      if (!coveredElsewhere) continue;
      kept.splice(kept.indexOf(candidate), 1);
      rejections['near-duplicate']++;
      rejected.push({ id: candidate.question.id, validator: 'near-duplicate', reason });
    }
  };
  for (const { matches, name, most, evenSole } of limits) {
    const ofKind = kept.filter(matches);
    thinOut(ofKind, ofKind.length - most, `Enough ${name} questions already`, evenSole);
  }
  // True/false items a student passes by answering "true" every time test nothing: no more keyed
  // "true" than keyed "false", and one more, even where that leaves a paragraph without a
  // question (a statement copied from it, to be confirmed, tests little of it).
  const keyedTrue = kept.filter((k) => k.question.type === 'true-false' && k.question.answer.value);
  const keyedFalse = kept.filter((k) => k.question.type === 'true-false' && !k.question.answer.value);
  thinOut(
    keyedTrue,
    keyedTrue.length - keyedFalse.length - TRUE_KEY_SLACK,
    'Enough true/false items keyed "true"',
    true,
  );

  // A matching item with a word asked on its own as well gives that item's key away, and one whose
  // every word is asked only repeats them (blind raters marked both unacceptable, or fixable by
  // swapping its words), even where it is a paragraph's only question of that kind. The rule-based
  // generator makes none; a provider's drafts may.
  const askedAlone = new Set(
    kept.flatMap((k) => {
      const word = k.template === 'vocabulary' ? quotedWord(k.question.prompt) : null;
      return word ? [word.toLowerCase()] : [];
    }),
  );
  const repeats = kept.filter(
    (k) =>
      k.template === 'vocabulary-matching' &&
      k.question.type === 'matching' &&
      k.question.left.some((word) => askedAlone.has(word.text.toLowerCase())),
  );
  thinOut(repeats, repeats.length, 'A word of it is asked on its own already', true);

  const keptByType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const { question } of kept) keptByType[question.type]++;
  const covered = new Set(kept.flatMap((k) => [...k.paragraphs]));
  return {
    questions: kept.map((k) => k.question),
    candidates: candidates.length,
    passed,
    rejections,
    rejected,
    keptByType,
    paragraphCoverage: analysis.paragraphs.length === 0 ? 0 : covered.size / analysis.paragraphs.length,
  };
}
