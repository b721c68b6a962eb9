import { type Token, tokenize } from './tokens';
import { lookup } from './wordnet';

/**
 * A grammar check by parsing: compromise tags the words of a text we wrote (a prompt, a
 * statement, an option) and these rules look for the errors that string-built questions make:
 * a verb after "do"/"does"/a modal that is not in its base form ("do not could", "will
 * expelled"), a negated or inverted imperative without a subject ("Does not let …"), a
 * statement with no finite verb, a singular subject with a plural verb ("the world are"),
 * doubled words, "a" before a vowel, unbalanced quotation marks or brackets, and a text that
 * stops on "the" or "of". It errs on the side of passing: it exists to catch the broken, not
 * to grade style.
 */

export type GrammarProblem = { rule: string; at: string };

const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']);
const DO = new Set(['do', 'does', 'did']);
const DANGLING_END = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'that',
  'with',
  'by',
  'for',
  'in',
  'his',
  'her',
  'their',
  'our',
  'its',
]);
const SINGULAR_VERBS = new Set(['is', 'was', 'has', 'does']);
const PLURAL_VERBS = new Set(['are', 'were', 'have', 'do']);

const skip = (t: Token) => t.isNegator || t.pos === 'adv' || t.normal === 'not';

/** Whether a verb token is in its base form: "make", not "made", "makes", "making". */
function isBaseForm(token: Token): boolean {
  if (token.tags.has('Modal')) return false;
  if (token.tags.has('Gerund') || token.tags.has('PastTense') || token.tags.has('Participle')) {
    // "put", "cut", "set": past and base forms are one word.
    return token.normal === token.lemma;
  }
  if (token.tags.has('PresentTense') && token.normal !== token.lemma && token.normal.endsWith('s'))
    return false;
  return true;
}

function nextVerb(tokens: Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (skip(t)) continue;
    return t;
  }
  return undefined;
}

/** Problems in a text we wrote; `kind` says whether it must be a whole sentence or may be a phrase. */
export function grammarProblems(text: string, kind: 'sentence' | 'phrase' = 'sentence'): GrammarProblem[] {
  const problems: GrammarProblem[] = [];
  const plain = text.replace(/“[^”]*”|"[^"]*"/g, (quoted) => (kind === 'sentence' ? ' “…” ' : quoted));
  const tokens = tokenize(plain).filter((t) => t.normal !== '…');
  if (tokens.length === 0) return [{ rule: 'empty', at: text }];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (
      next &&
      next.normal === token.normal &&
      next.written &&
      token.written &&
      /^[a-z]+$/.test(token.normal) &&
      token.normal !== 'that' &&
      token.normal !== 'had'
    ) {
      problems.push({ rule: 'doubled word', at: `${token.text} ${next.text}` });
    }
    if (token.normal === 'to' && DO.has(next?.normal ?? '') && tokens[i + 2]?.isNegator) {
      problems.push({ rule: '"to do not"', at: 'to do not' });
    }
    if (DO.has(token.normal) && tokens[i + 1]?.isNegator) {
      // "did not peace": after "do not" comes a verb.
      const after = nextVerb(tokens, i + 1);
      if (after && !after.tags.has('Verb') && lookup(after.normal, 'v') === null)
        problems.push({ rule: 'no verb after "do not"', at: `${token.text} not ${after.text}` });
    }
    if (DO.has(token.normal) && (token.tags.has('Auxiliary') || token.tags.has('Verb'))) {
      const verb = nextVerb(tokens, i + 1);
      if (verb && (verb.tags.has('Modal') || (verb.tags.has('Verb') && !isBaseForm(verb)))) {
        // "do" as a main verb ("did it", "does more") is followed by an object, not a verb.
        problems.push({ rule: 'verb after "do" not in its base form', at: `${token.text} … ${verb.text}` });
      }
    }
    if (MODALS.has(token.normal) && token.tags.has('Modal') && kind === 'sentence' && !/\?\s*$/.test(text)) {
      // In a statement a modal needs its verb: "neither can two great groups" has none.
      const after = nextVerb(tokens, i + 1);
      // compromise sometimes reads a verb as a noun ("cannot camouflage"); WordNet knows it is a verb.
      const verbLike =
        after !== undefined &&
        (after.tags.has('Verb') ||
          after.tags.has('Copula') ||
          after.tags.has('Auxiliary') ||
          lookup(after.normal, 'v') !== null);
      if (!verbLike) {
        problems.push({ rule: 'modal without a verb', at: `${token.text} ${after?.text ?? ''}`.trim() });
      }
    }
    if (MODALS.has(token.normal) && token.tags.has('Modal')) {
      const verb = nextVerb(tokens, i + 1);
      if (
        verb &&
        (verb.tags.has('Modal') ||
          (verb.tags.has('Verb') && !verb.tags.has('Auxiliary') && !isBaseForm(verb)))
      ) {
        problems.push({
          rule: 'verb after a modal not in its base form',
          at: `${token.text} … ${verb.text}`,
        });
      }
    }
    if (
      token.normal === 'to' &&
      next?.tags.has('Verb') &&
      next.tags.has('PastTense') &&
      next.normal !== next.lemma &&
      !next.tags.has('Participle')
    ) {
      problems.push({ rule: '"to" before a past-tense verb', at: `to ${next.text}` });
    }
    if ((token.normal === 'a' || token.normal === 'an') && next?.written && /^[a-z]/i.test(next.written)) {
      const word = next.written.toLowerCase();
      const vowelSound =
        /^[aeio]|^u(?!ni|s[aeiu]|r[aeiou]|til)|^hour|^honou?r|^heir/.test(word) &&
        !/^(one|once|eu|ur)/.test(word);
      if (token.normal === 'a' && vowelSound && !/^[A-Z]{2,}/.test(next.written))
        problems.push({ rule: '"a" before a vowel', at: `a ${next.written}` });
      if (
        token.normal === 'an' &&
        !vowelSound &&
        /^[bcdfgjklmnpqrstvwxz]/.test(word) &&
        !/^[A-Z]{2,}/.test(next.written)
      ) {
        problems.push({ rule: '"an" before a consonant', at: `an ${next.written}` });
      }
    }
    // "the world are": a bare singular noun right before a plural verb, or the other way round.
    if ((SINGULAR_VERBS.has(token.normal) || PLURAL_VERBS.has(token.normal)) && token.written && i > 0) {
      const subject = tokens[i - 1]!;
      const window = tokens.slice(Math.max(0, i - 5), i - 1);
      const before = window.map((t) => t.normal);
      // Only a bare noun phrase: "working in coalitions is" has a gerund for its subject.
      const simple =
        !window.some((t) => t.tags.has('Preposition') || t.tags.has('Gerund')) &&
        !before.includes('of') &&
        !before.includes('and') &&
        !before.includes('or') &&
        !/[,;:]/.test(subject.post);
      if (
        simple &&
        subject.tags.has('Noun') &&
        !subject.tags.has('Pronoun') &&
        !subject.tags.has('Uncountable')
      ) {
        // compromise reads "the world are" as a plural noun; the word's own form says otherwise.
        const plural =
          subject.tags.has('Plural') &&
          !(
            subject.normal === subject.lemma &&
            !/(s|people|police|data|media|staff|personnel)$/.test(subject.normal)
          );
        if (plural && SINGULAR_VERBS.has(token.normal) && token.normal !== 'does')
          problems.push({ rule: 'agreement', at: `${subject.text} ${token.text}` });
        if (
          !plural &&
          PLURAL_VERBS.has(token.normal) &&
          token.normal !== 'do' &&
          !subject.tags.has('ProperNoun')
        )
          problems.push({ rule: 'agreement', at: `${subject.text} ${token.text}` });
      }
    }
  }

  const opens = (plain.match(/[“(]/g) ?? []).length;
  const closes = (plain.match(/[”)]/g) ?? []).length;
  if (opens !== closes) problems.push({ rule: 'unbalanced quotation marks or brackets', at: text });
  const last = [...tokens].reverse().find((t) => t.written);
  // A question may end on its preposition ("what is he betting on?"); a statement may not.
  const question = /\?\s*$/.test(text) && /^\s*(?:[^,]*,\s*)?(what|who|whom|which|where)\b/i.test(text);
  const strandedPreposition = question && /^(on|for|to|with|of|in|about|by|from)$/.test(last?.normal ?? '');
  if (last && DANGLING_END.has(last.normal) && !/[”"’]$/.test(plain.trim()) && !strandedPreposition)
    problems.push({ rule: 'ends on a function word', at: last.text });
  // "everyone realizes that when it comes to welfare, government": a "that" clause interrupted
  // by a subordinate one must go on to its own verb after the comma.
  const interrupted =
    /\bthat\s+(?:when|whenever|if|because|although|though|while|unless|once|since|as)\b[^,;:]*,\s*([^,;:]+)$/i.exec(
      plain.replace(/[.!?]+\s*$/, ''),
    );
  if (
    interrupted &&
    !tokenize(interrupted[1]!).some((t) => t.tags.has('Verb') || t.tags.has('Modal') || t.tags.has('Copula'))
  )
    problems.push({ rule: 'a "that" clause cut before its verb', at: interrupted[0] });
  // "… Americans will look back and say": a verb of saying or telling after a modal, "to" or
  // "and" wants what is said; the text was cut before it.
  const beforeLast = [...tokens].reverse().filter((t) => t.written)[1];
  if (
    last &&
    !question &&
    /^(say|tell|ask|argue|claim|declare|insist|answer|reply)$/.test(last.normal) &&
    beforeLast &&
    (MODALS.has(beforeLast.normal) || /^(and|to)$/.test(beforeLast.normal))
  )
    problems.push({ rule: 'ends on a verb of saying', at: `${beforeLast.text} ${last.text}` });

  if (kind === 'sentence') {
    const finite = tokens.some(
      (t, i) =>
        t.tags.has('Modal') ||
        t.tags.has('Copula') ||
        // "does the speaker present …": after do-support the verb may be read as a noun.
        (DO.has(t.normal) && tokens.slice(i + 1).some((n) => lookup(n.normal, 'v') !== null)) ||
        (t.tags.has('Verb') &&
          (t.tags.has('PastTense') ||
            t.tags.has('PresentTense') ||
            t.tags.has('Imperative') ||
            t.tags.has('Infinitive'))),
    );
    if (!finite) problems.push({ rule: 'no verb', at: text });
    const first = tokens[0]!;
    if (DO.has(first.normal) && tokens[1]?.isNegator && !/\?\s*$/.test(text)) {
      problems.push({ rule: 'negated imperative without a subject', at: text.slice(0, 30) });
    }
  }
  return problems;
}

/** Words that open only a subordinate clause ("because of" is a preposition). */
const SUBORDINATOR =
  /^(?:once|when|whenever|if|unless|although|though|while|whereas|because(?! of)|as soon as|even if|even though|now that|so that)\s/i;
/** Words that open a clause or a phrase: a clause when a subject pronoun follows. */
const SUBORDINATOR_OR_PREPOSITION = /^(?:since|after|before|until|till)\s+(?:i|we|you|he|she|it|they)\s/i;

/**
 * "Once we have made the hard choices": a subordinate clause with no main clause after it, which
 * says nothing on its own. A clause it leads into follows a comma ("If they come, we will …"); a
 * phrase may lead into one without ("Since 1945 the fords have stayed open").
 */
export function isLoneSubordinateClause(text: string): boolean {
  return (
    (SUBORDINATOR.test(text) || SUBORDINATOR_OR_PREPOSITION.test(text)) && !/[,;:—–]|\s-{1,2}\s/.test(text)
  );
}

const verdicts = new Map<string, boolean>();

/** Whether a text passes the check; memoised, since options and prompts recur across drafts. */
export function isGrammatical(text: string, kind: 'sentence' | 'phrase' = 'sentence'): boolean {
  const key = `${kind}:${text}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size > 50_000) verdicts.clear();
    verdict = grammarProblems(text, kind).length === 0;
    verdicts.set(key, verdict);
  }
  return verdict;
}
