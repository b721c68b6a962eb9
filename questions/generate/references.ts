import { lookup } from '../language/wordnet';

/**
 * Whether a text we wrote stands on its own: a pronoun or "that bet" with nothing before it to
 * refer to reads as nonsense out of the essay. Quotations are exempt, since they are read in
 * the context of the essay.
 */

const REPORTING = new Set(
  'all say says said argue argues argued think thinks believe believes claim claims show shows signal sign message mean means know knows knew critical clear important vital essential so such fact hope illusion idea betting tells tell told warn warns ensure likely possible true is was be ensure evidence view'.split(
    ' ',
  ),
);

/** Verbs of knowing and finding that take a "that" clause. */
const KNOWING =
  /^(know|knew|see|saw|learn|learnt|find|found|think|thought|feel|felt|hear|heard|understand|understood)$/;

/** Nouns of our own templates ("this sentence", "these points"), which refer to the question itself. */
const OUR_OWN_NOUNS =
  /^(sentence|sentences|point|points|statement|statements|steps|question|paragraph|paragraphs|word|words|claim|essay|text|reading|events|views|view)$/;
const DETERMINER_BEFORE = new Set(
  'of in on at to with about from for by after before into over under lose win take make see tighten end'.split(
    ' ',
  ),
);
/** A word that may be a plural noun for "their" to stand for, and words ending in s that are not. */
const PLURAL_LIKE = /^[a-z]{3,}s[,.;:]?$/i;
const NOT_PLURAL = new Set(
  'was has does this thus its his hers ours yours less unless across always perhaps besides'.split(' '),
);
/** What follows "the latter" or "the former" when it stands for a thing named before. */
const PRONOUN_LIKE_NEXT =
  /^(is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|seems|seem|being|which|who|in|of|to|by)$/;
const RELATIVE_VERB = /^(will|would|can|could|is|are|was|were|has|have|had|may|might|should|must)$/;

/**
 * The first reference in a text that has nothing before it to refer to, if any. `fromText`: the
 * words are the reading's own, so "this question", "this point" point back into it, not at the
 * question we ask.
 */
export function danglingReference(text: string, { fromText = false } = {}): string | null {
  // Quotations are the author's words, read in context: only our own words must stand alone.
  const own = text.replace(/“[^”]*”|"[^"]*"/g, ' … ');
  const words = own.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase().replace(/[^a-z’']/g, '');
    const before = words.slice(0, i).join(' ');
    const next = words[i + 1]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
    const clauseStart = i === 0 || /[.,;:?!]$/.test(words[i - 1] ?? '');
    if (/^(he|him|his|she|her)$/.test(word)) {
      // A name earlier in the text ("Mr. Putin", "Burns") gives the pronoun its referent.
      if (
        !/(^|\s)(Mr\.|Mrs\.|Ms\.|Dr\.)?\s?[A-Z][a-z]+/.test(
          before.replace(/^(True or false|Why|What|How|Which|According)\b/, ''),
        )
      ) {
        return words[i]!;
      }
    } else if (
      /^(they|them|their)$/.test(word) &&
      !before
        .replace(/^(True or false|According to [^,]+,)/, '')
        .split(/\s+/)
        .some((w) => {
          const bare = w.toLowerCase().replace(/[^a-z]/g, '');
          // "Which of these does Bush say in paragraphs 47–51? … Some of them have noble titles":
          // our own nouns are no antecedent.
          return PLURAL_LIKE.test(w) && !NOT_PLURAL.has(bare) && !OUR_OWN_NOUNS.test(bare);
        })
    ) {
      // "to reduce their number": nothing plural before it for "their" to stand for.
      return words[i]!;
    } else if (word === 'instead' && next !== 'of') {
      // "We seek, instead, to …": instead of what the sentence before said.
      return words[i]!;
    } else if (
      /^(they|them|their|its)$/.test(word) ||
      (word === 'it' && clauseStart && !/^(is|was|may|might|will|would|s)$/.test(next))
    ) {
      if (i === 0 || (word !== 'its' && clauseStart && !/\b[a-z]{4,}s\b/i.test(before))) return words[i]!;
    } else if (
      word === 'it' &&
      /^(?:we|i|you|they)(?:\s+[a-z]+){1,2}$/i.test(
        before
          .split(/[.,;:?!]\s+/)
          .at(-1)!
          .replace(/^According to [^,]+,\s*/, ''),
      ) &&
      /^(in|at|on|through|by|with|from|everywhere|again|now|today|here|there|)$/.test(next)
    ) {
      // "We see it in the renaissance in education": the thing seen is in another sentence.
      return words[i]!;
    } else if (/^(this|these|those)$/.test(word)) {
      // "shelter for those who cannot provide for themselves": the clause after it says who.
      if (word === 'those' && /^(who|whom|whose|that|which)$/.test(next)) continue;
      // "this sentence", "Which of these does…": our own words about the question itself.
      const previousWord = words[i - 1]?.toLowerCase() ?? '';
      if (
        !fromText &&
        (OUR_OWN_NOUNS.test(next) || (previousWord === 'of' && /^(does|do|is|are)$/.test(next)))
      )
        continue;
      if (!next || !before.toLowerCase().includes(next.slice(0, 5)))
        return `${words[i]} ${words[i + 1] ?? ''}`.trim();
    } else if (word === 'same' && /^the$/i.test(words[i - 1] ?? '') && !/^(time|times)$/.test(next)) {
      // "has contributed to the same ends": the same as something the sentence before named. Not
      // "the same goods as …", "both treaties serve the same purpose" (the comparison is inside)
      // nor "at the same time".
      const after = words
        .slice(i + 1)
        .join(' ')
        .toLowerCase();
      // Only this sentence counts: a prompt before it ("Select all that apply.") compares nothing.
      const sentence = before
        .split(/[.?!]\s+/)
        .at(-1)!
        .toLowerCase();
      const within = /\b(both|all|each|every|two|three|several|alike)\b/.test(sentence);
      if (!/\b(as|that|which|who)\b/.test(after) && !within && next && !sentence.includes(next.slice(0, 5)))
        return `the same ${words[i + 1]}`.replace(/[.,;:?!]$/, '');
    } else if (
      /^(latter|former)$/.test(word) &&
      /^the$/i.test(words[i - 1] ?? '') &&
      (/[.,;:?!]$/.test(words[i]!) || next === '' || PRONOUN_LIKE_NEXT.test(next))
    ) {
      // "The latter is that which …": the second of two things the sentences before named. Not
      // "the former Soviet Union" nor "the latter half", where the word describes a noun.
      const sentence = before.split(/[.?!]\s+/).at(-1)!;
      if (
        !/\b(and|or)\b|[,;]/.test(
          sentence.replace(/^True or false:\s*/, '').replace(/^According to [^,]+,/, ''),
        )
      )
        return `the ${word}`;
    } else if (word === 'such' && next !== 'as') {
      // "no such report", "such a step": the kind of thing meant was named before the sentence.
      const noun = /^(a|an)$/.test(next) ? (words[i + 2]?.toLowerCase().replace(/[^a-z]/g, '') ?? '') : next;
      if (noun && !before.toLowerCase().includes(noun.slice(0, 5))) return `${words[i]} ${noun}`.trim();
    } else if (word === 'that') {
      const previous = words[i - 1]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
      // "we have learned that is not so": a clause of a pronoun, perhaps an auxiliary, and a verb
      // of knowing or saying, then "that" and a verb at once: "that" is the subject, pointing back.
      // Not "we have allies that will …" (a noun) nor "the values we share that will …".
      const leadStart = words.slice(0, i).findLastIndex((w) => /[.,;:?!]$/.test(w)) + 1;
      const lead = words.slice(leadStart, i).map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
      if (
        RELATIVE_VERB.test(next) &&
        (lead.length === 2 || (lead.length === 3 && /^(have|has|had)$/.test(lead[1]!))) &&
        /^(we|i|they|he|she|you)$/.test(lead[0]!) &&
        (/ed$/.test(previous) || REPORTING.has(previous) || KNOWING.test(previous))
      )
        return words[i]!;
      if (REPORTING.has(previous)) continue;
      // "All of us must realize, of course, that development …": an aside between a verb of
      // knowing or saying and its "that".
      const chunks = before.split(/,\s*/).filter(Boolean);
      const beforeAside = chunks.at(-2)?.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      if (
        clauseStart &&
        /^(of course|indeed|i believe|i think|we know|in fact|after all|therefore|too|then)$/i.test(
          chunks.at(-1) ?? '',
        ) &&
        (REPORTING.has(beforeAside) ||
          KNOWING.test(beforeAside) ||
          /^(realize|realise|recognize|agree)$/.test(beforeAside))
      )
        continue;
      // "…agreement, that will make it easier": a relative pronoun, not a pointer back.
      if (i > 0 && RELATIVE_VERB.test(next)) continue;
      if (clauseStart) return words[i]!;
      // "lose that bet", "refined that playbook": a determiner after a verb or preposition.
      // So is "to meet that goal", "we can reach that goal": after a verb that follows "to", a
      // modal or a subject pronoun (a verb of saying or knowing was passed over above).
      const beforeVerb = words[i - 2]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
      const afterVerb =
        /^(to|we|they|i|you|will|would|can|could|shall|should|must|may|might)$/.test(beforeVerb) &&
        !KNOWING.test(previous) &&
        // "to assure that our vigilance …": a determiner after "that" opens a clause's subject.
        !/^(the|a|an|our|their|his|her|its|my|your|this|these|those|all|every|each|no)$/.test(next) &&
        lookup(previous, 'v') !== null;
      const determinerSlot = /(ed|ing|en)$/.test(previous) || DETERMINER_BEFORE.has(previous) || afterVerb;
      // The noun is the next word, or the one after it ("that false promise"), where the phrase ends.
      const endsAt = (k: number) => {
        const word = words[k] ?? '';
        const after = words[k + 1] ?? '';
        return (
          word.replace(/[^a-z]/gi, '').length > 2 &&
          (/[.,;:?!]$/.test(word) || after === '' || /^(in|on|of|to|and|with|is|was)$/.test(after))
        );
      };
      // After a verb, "that" and a noun and a verb open a clause ("to verify that the regime is
      // disarming"): only a phrase that ends the sentence or its clause is a thing pointed at.
      const closes = (k: number) =>
        words[k] !== undefined && (/[.,;:?!]$/.test(words[k]) || words[k + 1] === undefined);
      const nounAt =
        afterVerb && !DETERMINER_BEFORE.has(previous)
          ? closes(i + 1)
            ? i + 1
            : closes(i + 2)
              ? i + 2
              : -1
          : endsAt(i + 1)
            ? i + 1
            : endsAt(i + 2)
              ? i + 2
              : -1;
      const noun = nounAt === -1 ? '' : words[nounAt]!.toLowerCase().replace(/[^a-z]/g, '');
      if (determinerSlot && noun && !before.toLowerCase().includes(noun.slice(0, 5))) {
        return words.slice(i, nounAt + 1).join(' ');
      }
    }
  }
  return null;
}
