import nlp from 'compromise';
import type { ParsedReading } from '@/questions/reading/types';
import { isContent, type Token, tokenize, tokenizeDoc } from '../language/tokens';
import { denotesPeople } from '../language/wordnet';
import { clausesOf, propositionOf } from './clauses';
import { danglingReference } from './references';

/**
 * What the generator knows about a reading before it writes a question: per sentence its words
 * (lemmas, parts of speech, negation), a version with a leading "He"/"His" replaced by the
 * person it refers to, argument and causal markers, named entities and numbers; per paragraph
 * its topic sentence; for the reading, who the main actor is and how distinctive each word is.
 */

export type Marker = 'causal' | 'argument' | 'vulnerability' | 'contrast' | 'prediction' | 'conditional';

export type SentenceAnalysis = {
  id: string;
  paragraphIndex: number;
  /** 1-based, as students see it. */
  paragraphNumber: number;
  indexInParagraph: number;
  text: string;
  tokens: Token[];
  /** Tokens of `resolved` when it differs from the text. */
  resolvedTokens: Token[] | null;
  content: Set<string>;
  /** Content lemmas but adverbs: what a sentence is about ("once again" ties no sentences together). */
  topical: Set<string>;
  /** The sentence with a leading pronoun replaced by its referent; null when it opens on a reference it cannot resolve. */
  resolved: string | null;
  isQuestion: boolean;
  wordCount: number;
  markers: Set<Marker>;
  people: string[];
  places: string[];
  organizations: string[];
  /** Noun phrases, as compromise finds them. */
  nounPhrases: string[];
  /** The first verb phrase ("has overplayed"), if any. */
  firstVerb: string | null;
};

export type ParagraphAnalysis = {
  id: string;
  index: number;
  number: number;
  sentences: SentenceAnalysis[];
  content: Set<string>;
  /** The sentence the paragraph is built around, if one can stand alone. */
  topic: SentenceAnalysis | null;
};

export type ReadingAnalysis = {
  reading: ParsedReading;
  readingSlug: string;
  /** "Burns", or "the author" when the reading names none. */
  authorName: string;
  /** The person most often named ("Mr. Putin"), as the text most often names them. */
  mainActor: string | null;
  sentences: SentenceAnalysis[];
  sentenceById: Map<string, SentenceAnalysis>;
  paragraphs: ParagraphAnalysis[];
  /** Lemma → ids of the sentences that use it. */
  sentencesWithLemma: Map<string, string[]>;
  /** Lemma → how characteristic it is of this reading (frequent here, concentrated in few paragraphs). */
  keyness: Map<string, number>;
  /** Word (lower case) → its lemma as compromise read it in this reading, and whether it carries meaning. */
  lexicon: Map<string, { lemma: string; content: boolean; proper: boolean }>;
};

const MARKERS: [Marker, RegExp][] = [
  [
    'causal',
    /\b(because|since|so that|therefore|thus|as a result|which means|leads? to|in order to|the longer\b.+\bthe (further|more|less))\b/i,
  ],
  [
    'argument',
    /\b(needs? to|should|must|ought to|has to|have to|it[’']s (critical|time|essential|vital)|is (critical|essential|vital)|next step|it[’']s a way to|cannot|can[’']t|won[’']t)\b/i,
  ],
  ['vulnerability', /\b(vulnerab\w*|weakness\w*|weak)\b/i],
  ['contrast', /\b(but|while|although|though|however|yet|whereas)\b/i],
  [
    'prediction',
    /\b(will|would)\s+(\w+\s+)?(unsettle|fall|make|mean|end|lead|cause|stimulate|perpetuate|waste)\b/i,
  ],
  // A condition anywhere changes what is true: "… or we would be there if it were not so cold".
  ['conditional', /\b(if|unless|(?:so|as) long as|provided that)\b/i],
];

/** Sentences that open on a reference to something before them. */
const UNRESOLVED_OPENING = /^(it|that|this|these|those|they|their|them|such|both|its)\b/i;
/** "It's critical to…", "It may very well be that…": an empty "it" that needs no referent. */
const EXPLETIVE_IT = /^it(?:[’']s| is| was| may| might| will| would)\s+(?:\w+\s+){0,2}?(?:that|to)\b/i;
const PERSONAL_OPENING = /^(he|she|his|her)\b/i;

/**
 * Noun phrases and the first verb group of a sentence, read off its tagged words (a noun phrase
 * is a run of determiners, adjectives, numbers and nouns that ends on a noun).
 */
function phrasesOf(tokens: Token[]): { nounPhrases: string[]; firstVerb: string | null } {
  const nounPhrases: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && run.at(-1)!.pos !== 'noun') run.pop();
    if (run.length > 0)
      nounPhrases.push(
        run
          .map(
            (t) => (t.written || t.text) + (t.tags.has('Abbreviation') && t.post.startsWith('.') ? '.' : ''),
          )
          .join(' ')
          .replace(/[,;:!?]+$/, '')
          .replace(/(?<!\b(?:Mr|Mrs|Ms|Dr|St))\.$/, ''),
      );
    run = [];
  };
  for (const token of tokens) {
    const fits =
      token.written !== '' &&
      (token.pos === 'noun' ||
        token.pos === 'adj' ||
        token.pos === 'number' ||
        token.tags.has('Determiner') ||
        (token.tags.has('Possessive') && token.tags.has('Pronoun')));
    if (fits) run.push(token);
    const abbreviation = token.tags.has('Abbreviation') && /^\.\s*$/.test(token.post);
    if (!fits || (/[,;:.!?]/.test(token.post) && !abbreviation)) flush();
  }
  flush();
  let firstVerb: string | null = null;
  const start = tokens.findIndex(
    (t) =>
      t.tags.has('Modal') ||
      t.tags.has('Copula') ||
      t.tags.has('Auxiliary') ||
      (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive')),
  );
  if (start !== -1) {
    const group: string[] = [];
    for (let i = start; i < tokens.length; i++) {
      const t = tokens[i]!;
      const verbish =
        t.tags.has('Verb') ||
        t.tags.has('Modal') ||
        t.tags.has('Copula') ||
        t.tags.has('Auxiliary') ||
        t.isNegator ||
        t.pos === 'adv';
      if (!verbish || (i > start && !t.written)) break;
      group.push(t.written || t.text);
      if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Modal') && !t.tags.has('Copula'))
        break;
      if (/[,;:.!?]/.test(t.post)) break;
    }
    firstVerb = group.join(' ') || null;
  }
  return { nounPhrases, firstVerb };
}

function clean(entity: string): string {
  return entity.replace(/^[\s,.;:]+|[\s,.;:]+$/g, '').replace(/[’']s$/, '');
}

/**
 * How a speech addresses its listeners: "my fellow citizens", "my countrymen", "Mr. Speaker",
 * "ladies and gentlemen", "I want to thank", "God bless", "tonight", "I stand here".
 */
const ADDRESS =
  /\b(?:fellow[- ](?:citizens|americans)|(?:my )?(?:fellow[- ])?country(?:men|women)|mr\.? (?:speaker|president|vice president|chief justice)|madam speaker|ladies and gentlemen|my friends|(?:i|we) (?:want to |wish to )?thank|thank you|god bless|tonight|i stand (?:here|before you))\b/i;

export function analyseReading(reading: ParsedReading, readingSlug: string): ReadingAnalysis {
  // A text without an author that speaks in the first person to listeners it addresses is a
  // speech: "the speaker". An op-ed in the first person is written ("the author": blind raters
  // marked "the speaker says" in nine of 39 op-ed items).
  const texts = reading.paragraphs.map((p) => p.text);
  const firstPerson = texts
    .map((t) => t.match(/\b(?:I|we|our|us|my)\b/g)?.length ?? 0)
    .reduce((a, b) => a + b, 0);
  // Where a speech greets or thanks its listeners: its opening or closing paragraphs. An op-ed may
  // turn to "Mr President" in the middle of its argument (a blind rater marked "the speaker" there).
  const addressed = [...texts.slice(0, 2), ...texts.slice(2).slice(-2)].some((t) => ADDRESS.test(t));
  const authorName = reading.author
    ? (reading.author.trim().split(/\s+/).at(-1) ?? 'the author')
    : addressed && firstPerson / Math.max(1, reading.wordCount) > 0.015
      ? 'the speaker'
      : 'the author';
  const sentences: SentenceAnalysis[] = [];
  const personMentions = new Map<string, Map<string, number>>();
  const paragraphs: ParagraphAnalysis[] = [];

  const placeNames = namesUsedAsPlaces(reading.paragraphs.map((p) => p.text));
  reading.paragraphs.forEach((paragraph, paragraphIndex) => {
    const doc = nlp(paragraph.text);
    // A name starts with a capital letter; compromise sometimes tags "o'clock" as a person.
    const named = (doc.people().out('array') as string[]).map(clean).filter((p) => /^\p{Lu}/u.test(p));
    const people = named.filter((p) => !placeNames.has(p));
    const places = [
      ...(doc.places().out('array') as string[]).map(clean).filter(Boolean),
      ...named.filter((p) => placeNames.has(p)),
    ];
    const organizations = (doc.organizations().out('array') as string[]).map(clean).filter(Boolean);
    for (const person of people) {
      const last = person.split(/\s+/).at(-1)!;
      if (reading.author?.includes(last)) continue;
      const forms = personMentions.get(last) ?? new Map<string, number>();
      forms.set(person, (forms.get(person) ?? 0) + 1);
      personMentions.set(last, forms);
    }
    // compromise splits sentences as parseReading did (it uses compromise too), so its sentence
    // numbers line up with ours; if the counts differ, each sentence is parsed on its own.
    const aligned = doc.sentences().length === paragraph.sentences.length;
    // One compromise pass per paragraph; its sentences line up with ours when the counts agree.
    const paragraphTokens = tokenizeDoc(doc);
    const tokensAligned =
      aligned && new Set(paragraphTokens.map((t) => t.sentence)).size === paragraph.sentences.length;
    const analysed = paragraph.sentences.map((sentence, indexInParagraph): SentenceAnalysis => {
      const tokens = tokensAligned
        ? paragraphTokens.filter((t) => t.sentence === indexInParagraph)
        : tokenize(sentence.text);
      const markers = new Set<Marker>();
      for (const [marker, pattern] of MARKERS) if (pattern.test(sentence.text)) markers.add(marker);
      const within = (names: string[]) => names.filter((n) => sentence.text.includes(n));
      return {
        id: sentence.id,
        paragraphIndex,
        paragraphNumber: paragraphIndex + 1,
        indexInParagraph,
        text: sentence.text,
        tokens,
        content: new Set(tokens.filter(isContent).map((t) => t.lemma)),
        topical: new Set(tokens.filter((t) => isContent(t) && t.pos !== 'adv').map((t) => t.lemma)),
        resolved: null,
        resolvedTokens: null,
        isQuestion: /\?["”’)]*$/.test(sentence.text),
        wordCount: sentence.text.split(/\s+/).length,
        markers,
        people: within(people),
        places: within(places),
        organizations: within(organizations),
        ...phrasesOf(tokens),
      };
    });
    sentences.push(...analysed);
    paragraphs.push({
      id: paragraph.id,
      index: paragraphIndex,
      number: paragraphIndex + 1,
      sentences: analysed,
      content: new Set(analysed.flatMap((s) => [...s.content])),
      topic: null,
    });
  });

  const mainActor = pickMainActor(personMentions);
  resolveOpenings(sentences, mainActor);

  const sentencesWithLemma = new Map<string, string[]>();
  const paragraphFrequency = new Map<string, number>();
  const frequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const lemma of sentence.content) {
      const ids = sentencesWithLemma.get(lemma) ?? [];
      ids.push(sentence.id);
      sentencesWithLemma.set(lemma, ids);
    }
    for (const token of sentence.tokens) {
      if (isContent(token)) frequency.set(token.lemma, (frequency.get(token.lemma) ?? 0) + 1);
    }
  }
  for (const paragraph of paragraphs) {
    for (const lemma of paragraph.content)
      paragraphFrequency.set(lemma, (paragraphFrequency.get(lemma) ?? 0) + 1);
  }
  const keyness = new Map<string, number>();
  for (const [lemma, count] of frequency) {
    const spread = paragraphFrequency.get(lemma) ?? 1;
    keyness.set(lemma, Math.log(1 + count) * Math.log(1 + paragraphs.length / spread));
  }
  for (const paragraph of paragraphs) paragraph.topic = pickTopic(paragraph);
  const lexicon: ReadingAnalysis['lexicon'] = new Map();
  for (const sentence of sentences) {
    for (const token of sentence.tokens) {
      if (!lexicon.has(token.normal)) {
        lexicon.set(token.normal, {
          lemma: token.lemma,
          content: isContent(token),
          proper: token.tags.has('ProperNoun'),
        });
      }
    }
  }

  return {
    reading,
    readingSlug,
    authorName,
    mainActor,
    sentences,
    sentenceById: new Map(sentences.map((s) => [s.id, s])),
    paragraphs,
    sentencesWithLemma,
    keyness,
    lexicon,
  };
}

const COMMON_WORDS = new Set(
  'a an the of to in on at by for with from and or but not no is are was were be been being has have had do does did will would can could should must may might this that these those it its he his she her they their them we our you your i which what who whom whose why how when where than then there here as so if about into over after before also more most very just only such each every any some all other another same own according following select apply true false main point paragraph sentence essay author'.split(
    ' ',
  ),
);

/**
 * Content lemmas of a text we wrote (a prompt, an option), read with the reading's own
 * lexicon: its words were already lemmatised by compromise, so no new parse is needed. Words
 * the reading does not use count as they are written.
 */
export function lemmasIn(text: string, analysis: ReadingAnalysis): string[] {
  const lemmas: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'-][\p{L}]+)*/gu) ?? []) {
    const word = raw.replace(/[’']s$/, '');
    const known = analysis.lexicon.get(word);
    if (known) {
      if (known.content) lemmas.push(known.lemma);
    } else if (!COMMON_WORDS.has(word) && word.length > 2) {
      lemmas.push(word);
    }
  }
  return lemmas;
}

/**
 * Words that end a title rather than a name: a title alone ("President", from a salutation; "the
 * First Lady", "Mr. Majority Leader") names no one in particular.
 */
const TITLES =
  /^(president|speaker|chairman|chairwoman|senator|secretary|minister|general|ambassador|governor|justice|lady|leader|mr|mrs|ms|dr)$/i;

function pickMainActor(mentions: Map<string, Map<string, number>>): string | null {
  let best: { name: string; count: number } | null = null;
  for (const [last, forms] of mentions) {
    if (TITLES.test(last)) continue;
    const count = [...forms.values()].reduce((a, b) => a + b, 0);
    // The form the text uses most ("Mr. Putin" rather than "Vladimir Putin").
    const name = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    if (!best || count > best.count) best = { name, count };
  }
  return best && best.count >= 2 ? best.name : null;
}

/**
 * A sentence whose subject is a person spoken of by a common noun, not by name ("The real hero of
 * this struggle is the American Negro", "Private Markwell's mother did receive this letter"): a
 * "his" after it may well mean them rather than the last person named. A phrase without a verb
 * ("A man of humility who came to greatness") describes the last one.
 */
function subjectIsAPersonByNoun(sentence: SentenceAnalysis): boolean {
  if (sentence.people.length > 0) return false;
  const first = clausesOf(sentence.tokens)[0];
  const proposition = first ? propositionOf(first) : null;
  if (!proposition) return false;
  const cut = proposition.subject.findIndex((t) =>
    /^(of|in|on|at|for|from|with|who|that|which)$/.test(t.normal),
  );
  const head = (cut >= 0 ? proposition.subject.slice(0, cut) : proposition.subject).findLast(
    (t) => t.pos === 'noun',
  );
  return (
    head !== undefined && /^\p{Ll}/u.test(head.text) && !head.tags.has('Plural') && denotesPeople(head.lemma)
  );
}

/**
 * Replaces an opening "He"/"His" by the person last named before it: the text's main actor
 * wherever it was last named, anyone else only from this paragraph or the one before, and no one
 * when a sentence since spoke of a person by a common noun. Leaves other sentences as they are
 * unless they open on "It", "That", "This"… that point back, which cannot stand alone.
 */
function resolveOpenings(sentences: SentenceAnalysis[], mainActor: string | null) {
  let lastPerson: string | null = null;
  let namedIn = 0;
  const lastName = mainActor?.split(/\s+/).at(-1);
  for (const sentence of sentences) {
    const text = sentence.text;
    if (lastPerson !== mainActor && sentence.paragraphIndex - namedIn > 1) lastPerson = null;
    if (PERSONAL_OPENING.test(text)) {
      if (lastPerson) {
        sentence.resolved = text.replace(PERSONAL_OPENING, (word) =>
          /^(his|her)$/i.test(word) ? `${lastPerson}’s` : lastPerson!,
        );
      }
    } else if (!UNRESOLVED_OPENING.test(text) || EXPLETIVE_IT.test(text)) {
      sentence.resolved = text;
    }
    if (sentence.resolved && sentence.resolved !== text)
      sentence.resolvedTokens = tokenize(sentence.resolved);
    const named = sentence.people.at(-1);
    if (named) {
      lastPerson = lastName && named.endsWith(lastName) ? mainActor : named;
      namedIn = sentence.paragraphIndex;
    } else if (lastPerson !== mainActor && subjectIsAPersonByNoun(sentence)) {
      lastPerson = null;
    } else if (lastPerson && text.includes(lastPerson.split(/\s+/).at(-1)!)) {
      // "General Eisenhower" after "General Dwight D. Eisenhower", which compromise may not tag.
      namedIn = sentence.paragraphIndex;
    }
  }
}

/**
 * One-word names the text puts after "in", "at" or "near" ("In Selma as elsewhere"): places, though
 * compromise may know the word as a first name and take it for a person whom a "his" could mean.
 */
function namesUsedAsPlaces(texts: string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(/\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(\p{Lu}\p{Ll}+)\b(?![’'\s]*\p{Lu}|['’]s\b)/gu))
      names.add(m[1]!);
  return names;
}

const ADDITIVE_OPENING = /^(moreover|furthermore|in addition|besides|also|likewise|similarly)\b/i;

function pickTopic(paragraph: ParagraphAnalysis): SentenceAnalysis | null {
  let best: { sentence: SentenceAnalysis; score: number } | null = null;
  for (const sentence of paragraph.sentences) {
    if (!sentence.resolved || sentence.isQuestion || sentence.wordCount < 6 || sentence.wordCount > 40)
      continue;
    if (danglingReference(sentence.resolved)) continue;
    // "Sometimes in life we are called to do great things. But …": the next sentence takes back
    // what this one grants, and carries the point.
    const next = paragraph.sentences[sentence.indexInParagraph + 1];
    if (next && /^(but|yet|however|still|nevertheless)\b/i.test(next.text)) continue;
    let overlap = 0;
    for (const other of paragraph.sentences) {
      if (other === sentence) continue;
      for (const lemma of sentence.topical) if (other.topical.has(lemma)) overlap++;
    }
    const score =
      overlap +
      (sentence.indexInParagraph === 0 ? 1.5 : 0) +
      (sentence.markers.has('argument') || sentence.markers.has('vulnerability') ? 1 : 0) -
      // "Moreover, everyone should be aware …": a sentence that adds to a point is not the point,
      // unless the paragraph has no other.
      (ADDITIVE_OPENING.test(sentence.text) ? 100 : 0) -
      sentence.wordCount / 40;
    if (!best || score > best.score) best = { sentence, score };
  }
  return best?.sentence ?? null;
}

/** Lower-cases the first letter unless the first word is a name ("Mr. Putin", "Moscow"). */
export function continueSentence(
  sentence: SentenceAnalysis,
  text = sentence.resolved ?? sentence.text,
): string {
  const first = sentence.tokens[0];
  const keepCapital =
    text.slice(0, 12) !== sentence.text.slice(0, 12) ||
    first?.tags.has('ProperNoun') ||
    /^(I|Mr|Mrs|Ms|Dr)\b/.test(text);
  const body = keepCapital ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return body.replace(/[.!]+["”’]?$/, '');
}
