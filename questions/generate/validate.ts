import { isGrammatical, isLoneSubordinateClause } from '../language/grammar';
import type { Token } from '../language/tokens';
import { senseInContext } from '../language/word-sense';
import {
  definitionOf,
  isInstance,
  knownOnlyAsName,
  lookup,
  relationsOf,
  type Synset,
  senses,
} from '../language/wordnet';
import { type Question, questionSchema } from '../schema';
import { lemmasIn, type ReadingAnalysis, type SentenceAnalysis } from './analyse';
import { LENS_NAMES } from './concepts';
import { clashWithKey, support as supportFor } from './entail';
import { danglingReference } from './references';

/**
 * The checks a teacher would make before assigning a question. Each returns a reason when it
 * rejects; generated questions and LLM questions go through the same ones. The worst defect, a
 * wrong key, is checked for every type against the evidence sentences.
 */

export const VALIDATORS = [
  'schema',
  'unknown-evidence',
  'ungrammatical',
  'copied-prompt',
  'proper-noun-vocabulary',
  'dangling-reference',
  'key-unsupported',
  'ambiguous-key',
  'weak-distractors',
  'near-duplicate',
  'low-quality',
] as const;
export type ValidatorName = (typeof VALIDATORS)[number];

export type Verdict =
  | { ok: true; question: Question }
  | { ok: false; validator: ValidatorName; reason: string };

const reject = (validator: ValidatorName, reason: string): Verdict => ({ ok: false, validator, reason });

export function validateQuestion(raw: unknown, analysis: ReadingAnalysis): Verdict {
  const parsed = questionSchema.safeParse(raw);
  if (!parsed.success)
    return reject('schema', parsed.error.issues[0]?.message ?? 'Does not match the schema');
  const question = parsed.data;
  const missing = question.evidence.find((id) => !analysis.sentenceById.has(id));
  if (missing) return reject('unknown-evidence', `No sentence ${missing} in this reading`);
  const grammar = grammarProblem(question);
  if (grammar) return reject('ungrammatical', grammar);
  const copied = copiedRun(promptText(question), analysis);
  if (copied) return reject('copied-prompt', `The prompt copies “${copied}” from the text`);
  const name = properNounVocabulary(question, analysis);
  if (name) return reject('proper-noun-vocabulary', `“${name}” is a name, not vocabulary`);
  const dangling = danglingText(question);
  if (dangling) return reject('dangling-reference', `“${dangling}” points at something it does not name`);
  const unsupported = keyProblem(question, analysis);
  if (unsupported) return reject('key-unsupported', unsupported);
  const ambiguous = ambiguityProblem(question, analysis);
  if (ambiguous) return reject('ambiguous-key', ambiguous);
  const weak = distractorProblem(question, analysis);
  if (weak) return reject('weak-distractors', weak);
  return { ok: true, question };
}

// ---- Grammar, copying, names ----

/** What a student reads as the question itself: the prompt, and the statement or claim it shows. */
export function promptText(question: Question): string {
  return question.prompt;
}

function grammarProblem(question: Question): string | null {
  const sentences = [question.prompt.replace(/^True or false:\s*/, '')];
  if (question.type === 'true-false') sentences.push(question.statement);
  const phrases: string[] = [];
  if (question.type === 'multiple-choice' || question.type === 'multiple-answer')
    phrases.push(...question.options.map((o) => o.text));
  if (question.type === 'short-answer') phrases.push(...question.rubric.keyPoints.map((k) => k.text));
  for (const text of sentences)
    if (!isGrammatical(text, 'sentence')) return `“${text}” does not parse as a sentence`;
  for (const text of phrases) if (!isGrammatical(text, 'phrase')) return `“${text}” is not well formed`;
  // "Because …" and "So that …" answer a "why"; as a statement or any other option, a clause
  // that leads nowhere is a fragment.
  const answersWhy = /\bwhy\b/i.test(question.prompt);
  for (const text of [...sentences, ...(answersWhy ? [] : phrases)])
    if (isLoneSubordinateClause(text)) return `“${text}” is a subordinate clause alone`;
  return null;
}

const RUN = 10;
/** The words the copied-run check counts: "100,000" is two, "grants-in-aid" three. */
export const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
const runsCache = new WeakMap<ReadingAnalysis, Set<string>>();

function readingRuns(analysis: ReadingAnalysis): Set<string> {
  let runs = runsCache.get(analysis);
  if (!runs) {
    runs = new Set();
    for (const sentence of analysis.sentences) {
      const words = wordsOf(sentence.text);
      for (let i = 0; i + RUN <= words.length; i++) runs.add(words.slice(i, i + RUN).join(' '));
    }
    runsCache.set(analysis, runs);
  }
  return runs;
}

/** The first run of ten or more words that a text copies from the reading, if any. */
export function copiedRun(text: string, analysis: ReadingAnalysis): string | null {
  const runs = readingRuns(analysis);
  const words = wordsOf(text);
  for (let i = 0; i + RUN <= words.length; i++) {
    const run = words.slice(i, i + RUN).join(' ');
    if (runs.has(run)) return run;
  }
  return null;
}

/** A word the reading writes with a capital inside a sentence, or tags as a name, is a name. */
export function isNameInReading(word: string, analysis: ReadingAnalysis): boolean {
  const lower = word.toLowerCase();
  if (analysis.lexicon.get(lower)?.proper) return true;
  for (const sentence of analysis.sentencesWithLemma.get(analysis.lexicon.get(lower)?.lemma ?? lower) ?? []) {
    const tokens = analysis.sentenceById.get(sentence)?.tokens ?? [];
    if (tokens.some((t, i) => i > 0 && t.normal === lower && /^\p{Lu}/u.test(t.written || t.text)))
      return true;
  }
  if ([...analysis.sentences].some((s) => s.people.some((p) => p.toLowerCase().split(/\s+/).includes(lower))))
    return true;
  // A name the text only ever writes first in a sentence ("Sparta was little better than …").
  return knownOnlyAsName(lower);
}

function properNounVocabulary(question: Question, analysis: ReadingAnalysis): string | null {
  const words: string[] = [];
  const quoted = quotedWord(question.prompt);
  if (quoted) words.push(quoted);
  if (question.type === 'matching') {
    for (const term of question.left) if (!/^Paragraph \d+$/.test(term.text)) words.push(term.text);
  }
  if (question.type === 'cloze') for (const blank of question.answer.blanks) words.push(...blank.accepted);
  return words.find((w) => isNameInReading(w, analysis)) ?? null;
}

// ---- Dangling references ----

/** Our own words in a question; options are read after the prompt, which may name their subject. */
function ownTexts(question: Question): string[] {
  const prompt = question.prompt.replace(/^True or false:\s*/, '').replace(/^According to [^,]+,\s*/, '');
  const texts = [prompt];
  switch (question.type) {
    case 'true-false':
      texts.push(question.statement.replace(/^According to [^,]+,\s*/, ''));
      break;
    case 'multiple-choice':
    case 'multiple-answer':
      texts.push(...question.options.map((o) => `${prompt.replace(/“[^”]*”/g, '')} ${o.text}`));
      break;
    case 'ordering':
      texts.push(...question.items.map((o) => o.text));
      break;
    case 'matching':
      texts.push(...question.right.map((o) => o.text));
      break;
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      texts.push(question.claim);
      break;
    default:
      break;
  }
  return texts;
}

function danglingText(question: Question): string | null {
  for (const text of ownTexts(question)) {
    const found = danglingReference(text);
    if (found) return found;
  }
  return null;
}

// ---- Keys against evidence ----

/** Words of the evidence sentences, already tokenised by the analysis. */
const evidenceText = (question: Question, analysis: ReadingAnalysis): Token[] =>
  question.evidence.flatMap((id) => sentenceText(analysis.sentenceById.get(id)!));

/** The resolved sentence where there is one ("Mr. Putin has…" for "He has…"), plus the original. */
const sentenceText = (sentence: SentenceAnalysis): Token[] =>
  sentence.resolvedTokens ? [...sentence.resolvedTokens, ...sentence.tokens] : sentence.tokens;

/** The word a vocabulary prompt asks the meaning of (“What does “X” mean here?”), or null. */
export const quotedWord = (prompt: string) => /What does “([^”]+)” mean/.exec(prompt)?.[1] ?? null;

const stripFraming = (text: string) => text.replace(/^According to [^,]+,\s*/, '');

function vocabularyKeyProblem(
  word: string,
  key: string,
  evidence: Token[],
  analysis: ReadingAnalysis,
): string | null {
  if (!evidence.some((t) => t.text.toLowerCase() === word.toLowerCase()))
    return `“${word}” is not in the evidence`;
  const lemma = analysis.lexicon.get(word.toLowerCase())?.lemma ?? word.toLowerCase();
  const known = (['n', 'v', 'a', 'r'] as const).flatMap((pos) => senses(lemma, pos, 8));
  if (known.length === 0) return null;
  const keyWords = new Set(lemmasIn(key, analysis));
  const fits = known.some((s) => {
    const gloss = new Set(lemmasIn(s.gloss, analysis));
    let shared = 0;
    for (const w of keyWords) if (gloss.has(w) || s.words.includes(w)) shared++;
    return shared >= Math.min(2, keyWords.size);
  });
  return fits ? null : `The key is not a meaning WordNet gives for “${word}”`;
}

const CONTRAST_OPENING =
  /^(?:and yet|but|yet|however|still|although|though|nevertheless|nonetheless|even so|on the other hand)\b/i;

function keyProblem(question: Question, analysis: ReadingAnalysis): string | null {
  const evidence = evidenceText(question, analysis);
  const supported = (text: string, coverage = 0.6) => supportFor(text, evidence, coverage) === 'supported';
  switch (question.type) {
    case 'multiple-choice': {
      const key = question.options.find((o) => o.id === question.answer.optionId)!.text;
      if (question.lens !== null && question.id.includes('-lens-')) {
        // A lens is read off the paragraph's vocabulary; the explanation names the words.
        return /speaks of/.test(question.explanation) ? null : 'A lens question must name its cue words';
      }
      const word = quotedWord(question.prompt);
      if (word) return vocabularyKeyProblem(word, key, evidence, analysis);
      if (/^\d[\d,]*$/.test(key))
        return evidence.some((t) => t.text === key) ? null : `${key} is not in the evidence`;
      return supported(key) ? null : `The evidence does not state “${key}”`;
    }
    case 'multiple-answer': {
      const bad = question.answer.optionIds
        .map((id) => question.options.find((o) => o.id === id)!.text)
        .find((text) => !supported(text));
      return bad ? `The evidence does not state “${bad}”` : null;
    }
    case 'true-false': {
      const statement = stripFraming(question.statement);
      const verdict = supportFor(statement, evidence, 0.6);
      if (question.answer.value && verdict !== 'supported')
        return 'The evidence does not state this, so it cannot be true';
      if (!question.answer.value && verdict !== 'contradicted')
        return 'The evidence does not contradict this, so it cannot be keyed false';
      return null;
    }
    case 'cloze': {
      let filled = question.text;
      question.answer.blanks.forEach((blank, i) => {
        filled = filled.replace(`{{${i + 1}}}`, blank.accepted[0]!);
      });
      const normalise = (t: string) => t.replace(/\s+/g, ' ').trim();
      if (
        question.evidence.some((id) => normalise(analysis.sentenceById.get(id)!.text) === normalise(filled))
      )
        return null;
      return supported(filled, 0.8) ? null : 'The completed sentence is not in the evidence';
    }
    case 'short-answer': {
      if (question.lens !== null && question.id.includes('-lens-')) {
        // A lens rubric names the lens and a theme; its accepted words must be the lens's names or
        // the evidence's own words.
        const lemmas = new Set([...evidence.map((t) => t.lemma), ...LENS_NAMES[question.lens]]);
        const missing = question.rubric.keyPoints.flatMap((k) => k.accept).find((w) => !lemmas.has(w));
        return missing ? `“${missing}” is not in the evidence` : null;
      }
      const bad = question.rubric.keyPoints.find((k) => !supported(k.text));
      if (bad) return `Key point “${bad.text}” is not in the evidence`;
      const promptWords = new Set(lemmasIn(question.prompt, analysis));
      const restates = question.rubric.keyPoints.every((k) => {
        const own = lemmasIn(k.text, analysis);
        return own.filter((w) => promptWords.has(w)).length / Math.max(1, own.length) > 0.7;
      });
      return restates ? 'The key points only restate the question' : null;
    }
    case 'claim-evidence-reasoning':
    case 'select-evidence': {
      const key = analysis.sentenceById.get(question.answer.sentenceIds[0]!);
      if (!key) return 'The key sentence is not in this reading';
      if (CONTRAST_OPENING.test(key.text))
        return 'The key sentence opens by turning against what came before';
      if (key.isQuestion) return 'The key sentence is a question';
      const claimWords = new Set(lemmasIn(question.claim, analysis));
      const paragraph = analysis.paragraphs[key.paragraphIndex]!;
      const claimInParagraph = paragraph.sentences.some(
        (s) => supportFor(question.claim, sentenceText(s), 0.6) === 'supported',
      );
      const linked = [...key.content].some((l) => claimWords.has(l));
      if (!claimInParagraph && !linked) return 'The key sentence is not connected to the claim';
      if (question.type === 'claim-evidence-reasoning') {
        const bad = question.rubric.keyPoints.find((k) => !supported(k.text));
        if (bad) return `Key point “${bad.text}” is not in the evidence`;
      }
      return null;
    }
    case 'matching': {
      for (const term of question.left) {
        const rightId = question.answer.pairs[term.id]!;
        const right = question.right.find((r) => r.id === rightId)!.text;
        const paragraph = /^Paragraph (\d+)$/.exec(term.text);
        if (paragraph) {
          const sentences = analysis.paragraphs[Number(paragraph[1]) - 1]?.sentences ?? [];
          if (!sentences.some((s) => supportFor(right, sentenceText(s), 0.6) === 'supported')) {
            return `Paragraph ${paragraph[1]} does not say “${right}”`;
          }
        } else {
          const problem = vocabularyKeyProblem(term.text, right, evidence, analysis);
          if (problem) return problem;
        }
      }
      return null;
    }
    case 'ordering': {
      const position = new Map(analysis.sentences.map((s, i) => [s.id, i]));
      const located = question.answer.order.map((id) => {
        const text = question.items.find((i) => i.id === id)!.text;
        const at = question.evidence.find(
          (e) => supportFor(text, sentenceText(analysis.sentenceById.get(e)!), 0.6) === 'supported',
        );
        return at === undefined ? -1 : position.get(at)!;
      });
      if (located.includes(-1)) return 'An item is not found in the evidence';
      return located.every((p, i) => i === 0 || p > located[i - 1]!)
        ? null
        : 'The key order is not the order of the text';
    }
  }
}

// ---- More than one defensible answer ----

/**
 * Simplified Lesk: the WordNet sense whose gloss shares most words with the paragraph. A key that
 * is a WordNet gloss must be that sense, and clearly so; a word with one sense always fits.
 */
function senseFit(
  word: string,
  key: string,
  question: Question,
  analysis: ReadingAnalysis,
): 'fits' | 'ambiguous' | 'unknown' {
  const lemma = analysis.lexicon.get(word.toLowerCase())?.lemma ?? word.toLowerCase();
  const all = (['n', 'v', 'a', 'r'] as const).flatMap((pos) => senses(lemma, pos, 8));
  const keyIndex = all.findIndex((s) => definitionOf(s).toLowerCase() === key.toLowerCase());
  if (all.length === 0 || keyIndex === -1) return 'unknown';
  if (all.length === 1) return 'fits';
  const context = new Set(
    question.evidence.flatMap((id) => [
      ...(analysis.paragraphs[analysis.sentenceById.get(id)!.paragraphIndex]?.content ?? []),
    ]),
  );
  context.delete(lemma);
  const scores = all
    .map((s) => new Set(lemmasIn(`${s.gloss} ${s.words.join(' ')}`, analysis)))
    .map((words) => [...words].filter((w) => w !== lemma && context.has(w)).length);
  const best = Math.max(...scores);
  const clear = best >= 1 && scores[keyIndex] === best && scores.filter((x) => x === best).length === 1;
  return clear || vectorsPick(lemma, word, all[keyIndex]!, question, analysis) ? 'fits' : 'ambiguous';
}

/** Whether the word's sentence clearly picks this sense among the word's senses of its part of speech. */
function vectorsPick(
  lemma: string,
  word: string,
  sense: Synset,
  question: Question,
  analysis: ReadingAnalysis,
): boolean {
  const sentence = question.evidence
    .map((id) => analysis.sentenceById.get(id)!)
    .find((s) => s.tokens.some((t) => t.text.toLowerCase() === word.toLowerCase()));
  if (!sentence) return false;
  const candidates = senses(lemma, sense.pos, 6).filter((s) => s.offset === sense.offset || !isInstance(s));
  const forms = new Set([lemma, word.toLowerCase()]);
  const choice = senseInContext(
    lemma,
    candidates,
    sentence.tokens.map((t) => t.normal),
    (w) => forms.has(w),
  );
  return choice.clear && candidates[choice.best]?.offset === sense.offset;
}

/** Sentences that share at least two content words with a text: where it could also be said. */
function sentencesNear(text: string, analysis: ReadingAnalysis, limit = 6): SentenceAnalysis[] {
  const counts = new Map<string, number>();
  for (const lemma of new Set(lemmasIn(text, analysis))) {
    for (const id of analysis.sentencesWithLemma.get(lemma) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => analysis.sentenceById.get(id)!);
}

function ambiguityProblem(question: Question, analysis: ReadingAnalysis): string | null {
  const evidence = evidenceText(question, analysis);
  switch (question.type) {
    case 'multiple-choice': {
      if (question.lens !== null && question.id.includes('-lens-')) return null;
      const word = quotedWord(question.prompt);
      const distractors = question.options.filter((o) => o.id !== question.answer.optionId);
      if (word) {
        const fit = senseFit(
          word,
          question.options.find((o) => o.id === question.answer.optionId)!.text,
          question,
          analysis,
        );
        return fit === 'ambiguous' ? `The context does not single out this sense of “${word}”` : null;
      }
      const defensible = distractors.find(
        (d) => !/^\d/.test(d.text) && supportFor(d.text, evidence, 0.6) === 'supported',
      );
      return defensible ? `The evidence also supports “${defensible.text}”` : null;
    }
    case 'multiple-answer': {
      const subject = /about (.+?)\? Select/.exec(question.prompt)?.[1];
      const keys = new Set(question.answer.optionIds);
      for (const option of question.options.filter((o) => !keys.has(o.id))) {
        const statement = subject
          ? `${subject} ${option.text.charAt(0).toLowerCase()}${option.text.slice(1)}`
          : option.text;
        // Only sentences about the subject count: "the Trump administration has signaled…" is not about Putin.
        const near = sentencesNear(option.text, analysis).filter(
          (s) => !subject || (s.resolved ?? s.text).startsWith(subject),
        );
        if (near.some((s) => supportFor(statement, sentenceText(s), 0.6) === 'supported')) {
          return `The text also says “${option.text}”`;
        }
      }
      return null;
    }
    case 'true-false': {
      if (question.answer.value) return null;
      const statement = stripFraming(question.statement);
      const elsewhere = sentencesNear(statement, analysis).find(
        (s) =>
          !question.evidence.includes(s.id) && supportFor(statement, sentenceText(s), 0.7) === 'supported',
      );
      return elsewhere ? `${elsewhere.id} states it, so it is not simply false` : null;
    }
    case 'cloze': {
      const key = question.answer.blanks[0]!.accepted[0]!;
      const keyLemma = lemmasIn(key, analysis)[0] ?? key.toLowerCase();
      const related = new Set<string>();
      for (const pos of ['n', 'v', 'a'] as const)
        if (lookup(keyLemma, pos)) for (const w of relationsOf(keyLemma, pos).related) related.add(w);
      const synonym = (question.wordBank ?? []).find((w) => w !== key && related.has(w.toLowerCase()));
      if (synonym) return `“${synonym}” could also fill the blank`;
      // A distractor that the text itself uses in the same slot fits too.
      const [before] = question.text.split('{{1}}');
      const previousWord = before?.trim().split(/\s+/).at(-1)?.toLowerCase();
      if (previousWord && previousWord.length > 2) {
        const fits = (question.wordBank ?? []).find(
          (w) =>
            w !== key &&
            analysis.sentences.some((s) =>
              s.text.toLowerCase().includes(`${previousWord} ${w.toLowerCase()}`),
            ),
        );
        if (fits) return `“${previousWord} ${fits}” also occurs in the text`;
      }
      return null;
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const key = analysis.sentenceById.get(question.answer.sentenceIds[0]!)!;
      for (const option of question.options) {
        if (question.answer.sentenceIds.includes(option.id)) continue;
        const sentence = analysis.sentenceById.get(option.id);
        if (!sentence) return `Option ${option.id} is not a sentence of this reading`;
        if (sentence.paragraphIndex === key.paragraphIndex)
          return `${option.id} is in the same paragraph as the key and may support the claim too`;
        if (supportFor(question.claim, sentenceText(sentence), 0.6) === 'supported')
          return `${option.id} restates the claim`;
      }
      return null;
    }
    case 'matching': {
      for (const term of question.left) {
        if (/^Paragraph \d+$/.test(term.text)) continue;
        const definition = question.right.find((r) => r.id === question.answer.pairs[term.id])!.text;
        if (senseFit(term.text, definition, question, analysis) === 'ambiguous') {
          return `The context does not single out this sense of “${term.text}”`;
        }
      }
      const texts = question.right.map((r) => new Set(lemmasIn(r.text, analysis)));
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!;
          const b = texts[j]!;
          const shared = [...a].filter((w) => b.has(w)).length;
          if (shared / Math.max(1, Math.min(a.size, b.size)) >= 0.6)
            return 'Two descriptions say nearly the same thing';
        }
      }
      return null;
    }
    case 'ordering': {
      const located = new Set(question.evidence);
      return located.size < question.items.length ? 'Two items come from the same sentence' : null;
    }
    default:
      return null;
  }
}

// ---- Distractors ----

/** Whether an option of `a` words stands out as much longer than one of `b` words. */
export const muchLonger = (a: number, b: number) => a > 1.8 * b + 2;

function distractorProblem(question: Question, analysis: ReadingAnalysis): string | null {
  if (question.type === 'multiple-choice' || question.type === 'multiple-answer') {
    const texts = question.options.map((o) => o.text.toLowerCase());
    if (new Set(texts).size < texts.length) return 'Two options are the same';
    const keyIds =
      question.type === 'multiple-choice' ? [question.answer.optionId] : question.answer.optionIds;
    const keys = question.options.filter((o) => keyIds.includes(o.id));
    const distractors = question.options.filter((o) => !keyIds.includes(o.id));
    if (question.type === 'multiple-choice' && distractors.length < 3) return 'Fewer than three distractors';
    if (question.type === 'multiple-answer' && distractors.length < 2) return 'Fewer than two distractors';
    const numeric = (t: string) => /^\d[\d,.]*$/.test(t);
    if (keys.some((k) => numeric(k.text)) !== distractors.some((d) => numeric(d.text))) {
      return 'The distractors are of another kind than the key';
    }
    const length = (t: string) => t.split(/\s+/).length;
    const distractorLengths = distractors.map((d) => length(d.text));
    for (const key of keys) {
      const longest = Math.max(...distractorLengths);
      const shortest = Math.min(...distractorLengths);
      if (muchLonger(length(key.text), longest)) return 'The key is much longer than every distractor';
      if (muchLonger(shortest, length(key.text))) return 'The key is much shorter than every distractor';
    }
    if (question.type === 'multiple-choice' && !quotedWord(question.prompt)) {
      // The check every template makes when it picks distractors (`fairDistractors`), made again
      // here for questions from anywhere: no option the key turned around, restated or implied.
      const lens = question.lens !== null && question.id.includes('-lens-');
      for (const distractor of lens ? [] : distractors) {
        const clash = clashWithKey(keys[0]!.text, distractor.text);
        if (clash) return `“${distractor.text}” ${clash === 'entailed' ? 'implies' : clash} the key`;
      }
      const promptWords = new Set(lemmasIn(question.prompt, analysis));
      const shared = (t: string) => lemmasIn(t, analysis).filter((w) => promptWords.has(w)).length;
      const key = keys[0]!;
      if (shared(key.text) >= 2 && distractors.every((d) => shared(d.text) === 0)) {
        return 'Only the key repeats words of the question';
      }
    }
    return null;
  }
  if (question.type === 'cloze') {
    const bank = question.wordBank;
    if (bank && bank.length < 4) return 'The word bank has fewer than four words';
    if (bank) {
      const key = question.answer.blanks[0]!.accepted[0]!;
      const plural = (w: string) => /[^s]s$/.test(w);
      if (bank.filter((w) => w !== key).every((w) => plural(w) !== plural(key)))
        return 'Only the key fits the grammar';
    }
    return null;
  }
  if (question.type === 'select-evidence' || question.type === 'claim-evidence-reasoning') {
    return question.options.length < 4 ? 'Fewer than four sentences to choose from' : null;
  }
  if (question.type === 'matching') return question.left.length < 3 ? 'Fewer than three pairs' : null;
  return null;
}
