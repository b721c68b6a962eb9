import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { cleanWord, type TaggedTerm, type Token, tokensOf } from './tokens';

/**
 * The same tokens as `tokenize` (lemmas, parts of speech, clauses, negation scope), from
 * wink-nlp's light English model instead of compromise: a statistical tagger that reads a
 * hundred-word answer in a fraction of a millisecond, where compromise's rule passes take
 * several. The grader reads every answer with it; the question generator keeps compromise,
 * whose grammar its templates are built on.
 */

type Nlp = ReturnType<typeof winkNLP>;
let loaded: Nlp | null = null;

/** The tagger, loaded on first use (about a third of a second). */
export function lightTagger(): Nlp {
  loaded ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return loaded;
}

const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']);
const NEGATIVE = new Set(['not', "n't", 'nt', 'never', 'cannot']);

/** Universal Dependencies part-of-speech tags as the tag names `tokensOf` reads. */
function tagsOf(pos: string, normal: string, lemma: string, previous: string | undefined): Set<string> {
  const tags = new Set<string>();
  switch (pos) {
    case 'NOUN':
      tags.add('Noun');
      break;
    case 'PROPN':
      tags.add('Noun').add('ProperNoun');
      break;
    case 'VERB':
      tags.add('Verb');
      if (normal.endsWith('ing')) tags.add('Gerund');
      else if (previous === 'to') tags.add('Infinitive');
      break;
    case 'AUX':
      if (MODALS.has(lemma)) tags.add('Modal');
      else if (lemma === 'be') tags.add('Copula');
      else tags.add('Auxiliary');
      break;
    case 'ADJ':
      tags.add('Adjective');
      break;
    case 'ADV':
      tags.add('Adverb');
      break;
    case 'ADP':
      tags.add('Preposition');
      break;
    case 'DET':
      tags.add('Determiner');
      break;
    case 'PRON':
      tags.add('Pronoun');
      break;
    case 'CCONJ':
    case 'SCONJ':
      tags.add('Conjunction');
      break;
    case 'PART':
      tags.add('Particle');
      break;
    case 'NUM':
      tags.add('Value').add('Cardinal');
      break;
  }
  if (NEGATIVE.has(normal)) tags.add('Negative');
  return tags;
}

/** "u.s." → "us", "u.n." → "un": initials without their stops, as the vector table spells them. */
const normalOf = (value: string) =>
  /^(\p{L}\.)+$/u.test(value) ? value.replace(/\./g, '').toLowerCase() : cleanWord(value);

/** Tokens of a text with lemmas, parts of speech, clauses and negation scope (wink-nlp's tagger). */
export function lightTokenize(text: string): Token[] {
  const nlp = lightTagger();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const poses = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences = spans.map(([start, end]) => {
    const terms: TaggedTerm[] = [];
    for (let i = start; i <= end; i++) {
      const value = values[i]!;
      let pos = poses[i]!;
      let lemmaOf = lemmas[i] ?? '';
      // A capital at the start of a sentence can make a plural read as a name ("Coalitions
      // fail"): asked again in lower case, an inflected common word shows its lemma.
      if (i === start && pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(value)) {
        const again = nlp.readDoc(value.toLowerCase()).tokens();
        const [otherPos] = again.out(its.pos) as string[];
        const [otherLemma] = again.out(its.lemma as unknown as typeof its.value) as string[];
        if (otherPos && otherPos !== 'PROPN' && otherLemma && otherLemma !== value.toLowerCase()) {
          pos = otherPos;
          lemmaOf = otherLemma;
        }
      }
      if (pos === 'PUNCT' || pos === 'SYM') {
        const last = terms.at(-1);
        if (last) last.post += value;
        continue;
      }
      const normal = normalOf(value);
      // "Putin's": the possessive belongs to the word before it.
      if (pos === 'PART' && (normal === "'s" || normal === 's' || value === "'")) {
        const last = terms.at(-1);
        if (last) (last.tags as Set<string>).add('Possessive');
        continue;
      }
      const lemma = normalOf(lemmaOf) || normal;
      const tags = tagsOf(pos, normal, lemma, terms.at(-1)?.normal);
      if (pos === 'PRON' && /^(my|your|his|her|its|our|their)$/.test(normal)) tags.add('Possessive');
      // "American", "Soviet": a capitalised adjective inside a sentence names a people or a state.
      if (pos === 'ADJ' && i > start && /^\p{Lu}/u.test(value)) tags.add('Demonym');
      terms.push({ text: value, normal, root: lemma, tags, post: '' });
    }
    return terms;
  });
  return tokensOf(sentences);
}
