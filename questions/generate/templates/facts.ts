import type { ReadingAnalysis, SentenceAnalysis } from '../analyse';
import { continueSentence } from '../analyse';
import { seededShuffle, stableHash } from '../deterministic';
import { ellipticalSubject } from '../discourse';
import { danglingReference } from '../references';
import { type Draft, draftBase, nearestFirst, quote, shuffledOptions, words } from './common';

/**
 * Questions on what the text states: what the author says a thing is, how many, and which
 * statements the text makes about its main actor.
 */

type Clause = { sentence: SentenceAnalysis; subject: string; predicate: string };

/** Subject and predicate of a sentence's main clause, cut at its first comma or dash. */
function clauseOf(sentence: SentenceAnalysis): Clause | null {
  const resolved = sentence.resolved;
  if (!resolved || sentence.isQuestion) return null;
  const verb = sentence.firstVerb;
  if (!verb) return null;
  const at = resolved.indexOf(verb);
  if (at <= 0) return null;
  const subject = resolved.slice(0, at).trim();
  if (
    !subject ||
    /[,;:—]/.test(subject) ||
    words(subject) > 6 ||
    /^(it|that|this|there|these|those|they|while|although|if|because|when|as|since|by|now)\b/i.test(subject)
  ) {
    return null;
  }
  const full = resolved
    .slice(at)
    .replace(/[.!?]+["”’]?$/, '')
    .trim();
  const predicate = full.split(/,\s|\s[—–]\s|;\s|:\s/)[0]!.trim();
  // "knows that the longer he is denied…", cut at its comma, says nothing.
  if (predicate !== full && /\b(that|the longer|whether|if)\b/.test(predicate)) return null;
  if (words(predicate) < 3 || words(predicate) > 16) return null;
  return { sentence, subject, predicate };
}

function isMainActor(subject: string, mainActor: string): boolean {
  const last = mainActor.split(/\s+/).at(-1)!;
  return (
    subject === mainActor || (subject.endsWith(last) && !subject.includes('’s') && !subject.includes("'s"))
  );
}

export function actorStatementQuestions(analysis: ReadingAnalysis): Draft[] {
  const actor = analysis.mainActor;
  if (!actor) return [];
  const lastName = actor.split(/\s+/).at(-1)!;
  // Each statement must stand alone: "has refined that playbook" does not.
  const clauses = analysis.sentences
    .map(clauseOf)
    .filter((c): c is Clause => c !== null && danglingReference(`${actor} ${c.predicate}`) === null);
  const about = clauses.filter((c) => isMainActor(c.subject, actor));
  const others = clauses.filter(
    (c) =>
      !isMainActor(c.subject, actor) &&
      !c.subject.includes(lastName) &&
      !c.predicate.includes(lastName) &&
      !/^(he|she|we|i)\b/i.test(c.subject),
  );
  const drafts: Draft[] = [];
  for (let start = 0; start + 3 <= about.length; start += 3) {
    const keys = about.slice(start, start + 3);
    const id = `actor-${keys[0]!.sentence.id}`;
    const from = keys[1]!.sentence.paragraphIndex;
    const distractors = nearestFirst(others, (c) => c.sentence.paragraphIndex, from, id).slice(0, 2);
    if (distractors.length < 2) break;
    const keyTexts = keys.map((k) => k.predicate);
    const all = seededShuffle([...keyTexts, ...distractors.map((d) => d.predicate)], id);
    const options = all.map((text, i) => ({
      id: 'abcdefgh'[i]!,
      text: text.charAt(0).toUpperCase() + text.slice(1),
    }));
    drafts.push({
      template: 'actor-statements',
      anchor: keys[0]!.sentence.id,
      quality: 0.6,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: keys.map((k) => k.sentence.id),
          skill: 'evidence',
          difficulty: 2,
          explanation: `The essay says this of ${actor} in ${keys.map((k) => `paragraph ${k.sentence.paragraphNumber}`).join(', ')}; the other statements are about ${distractors.map((d) => d.subject).join(' and ')}.`,
        }),
        type: 'multiple-answer',
        prompt: `Which of these does ${analysis.authorName} say about ${actor}? Select all that apply.`,
        options,
        answer: { optionIds: keyTexts.map((t) => options[all.indexOf(t)]!.id) },
      },
    });
  }
  return drafts;
}

const SUPERLATIVE_SUBJECT =
  /\b(biggest|greatest|main|key|central|first|next|best|worst|only|real|most important)\b/i;

/** "His biggest vulnerability is his diplomatic loneliness" → "What is Mr. Putin's biggest vulnerability?" */
export function statedFactQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: Draft[] = [];
  const complements: { sentence: SentenceAnalysis; text: string }[] = [];
  const candidates: { sentence: SentenceAnalysis; subject: string; verb: string; complement: string }[] = [];
  for (const sentence of analysis.sentences) {
    if (!sentence.resolved || sentence.isQuestion) continue;
    const match = /^(.{6,90}?) (is|are|was|were) ((?:an?|the|his|her|its|their|our) .{3,110})$/.exec(
      continueSentence(sentence),
    );
    if (!match) continue;
    complements.push({ sentence, text: match[3]! });
    if (
      SUPERLATIVE_SUBJECT.test(match[1]!) &&
      !/\b(this|that|it)\b/i.test(match[1]!) &&
      // "The first is the position as of today": the first of what, the question cannot say.
      !ellipticalSubject(match[1]!) &&
      !/^(and|but|or|so|yet|now|then)\b/i.test(match[1]!) &&
      // "Among the most important were the two Conferences at Geneva": a phrase before an inverted
      // verb is no subject, and "what were among the most important?" says not of what.
      !/^(among|of|in|on|at|by|with|for|from|to|into|through|under|over)\b/i.test(match[1]!) &&
      // "Total employment, real income are the highest in history": a list asked as one thing.
      !(/,/.test(match[1]!) && /^(are|were)$/.test(match[2]!))
    ) {
      // "America, at its best, is …": the subject without the comma that closed its aside; and
      // "Last January, Iraq's only law was …": without a fronted time or place before its comma.
      const subject = match[1]!
        .replace(/[,;:]+$/, '')
        .replace(
          /^(?:last|next|this|in|on|at|by|during|after|before|since|today|tonight|now|then|yesterday)\b[^,]*,\s+/i,
          '',
        );
      candidates.push({ sentence, subject, verb: match[2]!, complement: match[3]! });
    }
  }
  for (const candidate of candidates) {
    const id = `fact-${candidate.sentence.id}`;
    const keyWords = words(candidate.complement);
    const pool = analysis.sentences
      .filter((s) => s.paragraphIndex !== candidate.sentence.paragraphIndex)
      .flatMap((s) => s.nounPhrases.map((text) => ({ sentence: s, text })))
      .concat(complements.filter((c) => c.sentence !== candidate.sentence))
      .map((c) => ({ ...c, text: c.text.replace(/[.,;:!?]+$/, '') }))
      .filter(
        (c) =>
          /^(an?|the|his|her|its|their|our)\s/i.test(c.text) &&
          words(c.text) >= Math.max(2, keyWords / 2) &&
          words(c.text) <= keyWords * 2 + 1 &&
          !/\b(this|that|these|those|it|they|them)\b/i.test(c.text.replace(/^\S+\s/, '')),
      );
    const distractors: string[] = [];
    for (const option of nearestFirst(
      pool,
      (c) => c.sentence.paragraphIndex,
      candidate.sentence.paragraphIndex,
      id,
    )) {
      if (distractors.some((d) => d.toLowerCase() === option.text.toLowerCase())) continue;
      distractors.push(option.text);
      if (distractors.length === 3) break;
    }
    if (distractors.length < 3) continue;
    const { options, keyId } = shuffledOptions(candidate.complement, distractors, id);
    drafts.push({
      template: 'stated-fact',
      anchor: candidate.sentence.id,
      quality: 0.75,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: [candidate.sentence.id],
          skill: candidate.sentence.markers.has('argument') ? 'claim-and-reason' : 'evidence',
          difficulty: 1,
          explanation: `Paragraph ${candidate.sentence.paragraphNumber}: ${quote(candidate.sentence.text)}`,
        }),
        type: 'multiple-choice',
        // In the sentence's tense: "what was Iraq's only law?", not "what is …" of a past state.
        prompt: `According to ${analysis.authorName}, what ${candidate.verb} ${candidate.subject.replace(/^the /i, 'the ')}?`,
        options,
        answer: { optionId: keyId },
      },
    });
  }
  return drafts;
}

/** "27 countries expelled more than 150 Russian diplomats" → "How many countries expelled…?" */
export function howManyQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: Draft[] = [];
  const allNumbers = [
    ...new Set(analysis.sentences.flatMap((s) => s.text.match(/\b\d{1,6}\b/g) ?? []).map(Number)),
  ];
  for (const sentence of analysis.sentences) {
    const match = /(?:^|,\s)(\d{1,6}) ([a-z]+(?: [a-z]+)?) ((?:[a-z]+ly )?[a-z]+ed\b[^,;.]*)/.exec(
      sentence.text,
    );
    if (!match) continue;
    const value = Number(match[1]);
    const id = `how-many-${sentence.id}`;
    const near = allNumbers.filter((n) => n !== value && n > 1 && n / value < 4 && value / n < 4);
    const made = [Math.round(value / 2), Math.round(value * 1.5), value * 2, value + 10].filter(
      (n) => n !== value && n > 1 && !near.includes(n),
    );
    const distractors = [...seededShuffle(near, id), ...made].slice(0, 3).map(String);
    if (distractors.length < 3) continue;
    const { options, keyId } = shuffledOptions(String(value), distractors, `${id}:${stableHash(id)}`);
    drafts.push({
      template: 'how-many',
      anchor: sentence.id,
      quality: 0.5,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: [sentence.id],
          skill: 'context',
          difficulty: 1,
          explanation: `Paragraph ${sentence.paragraphNumber}: ${quote(sentence.text)}`,
        }),
        type: 'multiple-choice',
        prompt: `According to the essay, how many ${match[2]} ${match[3]!.trim()}?`,
        options,
        answer: { optionId: keyId },
      },
    });
  }
  return drafts;
}
