import type { Token } from '../../language/tokens';
import { LENSES, type Lens } from '../../schema';
import type { ParagraphAnalysis, ReadingAnalysis } from '../analyse';
import {
  ARMED_FORCES_WORDS,
  COERCIVE_TRADE_WORDS,
  INTERNATIONAL_WORDS,
  LENS_NAMES,
  LENS_SUMMARIES,
  lensCueLemmas,
  lensCues,
  placeKey,
  STATES_WORDS,
  setAsideLemmas,
} from '../concepts';
import { type Draft, draftBase, quote, shuffledOptions } from './common';

/**
 * Applying a theory lens: which IR perspective a paragraph's argument reflects most clearly,
 * and why. Written only where one lens's cue words clearly outnumber the others', and the
 * explanation names the words that decided it, so an instructor can check the call.
 */

const MIN_CUES = 3;
const MIN_MARGIN = 2;

/** "partners, concert, and sanctions". */
const listed = (words: readonly string[]) =>
  new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(words);

/** The place a reading names most often: the speaker's own country, as a rule. */
function homePlace(analysis: ReadingAnalysis): string | null {
  const counts = new Map<string, number>();
  for (const s of analysis.sentences)
    for (const p of s.places) counts.set(placeKey(p), (counts.get(placeKey(p)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The words of international politics among some tokens; "in every nation and culture",
 * "another nation" too: one of many states, as "nations" is.
 */
const internationalWords = (tokens: readonly Token[]) =>
  tokens.filter(
    (t, i) =>
      INTERNATIONAL_WORDS.has(t.lemma) ||
      STATES_WORDS.has(t.normal) ||
      (t.normal === 'nation' && /^(every|each|another|any|other|no)$/.test(tokens[i - 1]?.normal ?? '')),
  );

/**
 * Words of international politics per 1,000 a text must use for its paragraphs' own words to
 * make them about it. Speeches and essays on foreign affairs use 4 to 37 (the evaluation texts'
 * range); Madison on domestic faction (Federalist No. 10) about 2, where "adversaries to liberty"
 * or "civilized nations" in passing are no subject for an IR lens.
 */
const MIN_INTERNATIONAL_PER_1000 = 3;

/** How often one lens may be the key in a reading. */
const LENS_ASKED_MOST = 2;

/**
 * Whether a paragraph is about international politics: a place abroad, or, in a text about it, its
 * words. One such word in a paragraph that says it speaks of home ("here at home … recognized
 * around the world") is not enough.
 */
function aboutInternationalPolitics(
  paragraph: ParagraphAnalysis,
  home: string | null,
  textAboutIt: boolean,
): boolean {
  if (paragraph.sentences.some((s) => s.places.some((p) => placeKey(p) !== home))) return true;
  if (!textAboutIt) return false;
  const tokens = paragraph.sentences.flatMap((s) => s.tokens);
  const international = internationalWords(tokens);
  const atHome = tokens.some((t, i) => t.normal === 'home' && tokens[i - 1]?.normal === 'at');
  // Armed forces are the realist's subject wherever they are built ("here at home we are
  // building much stronger military forces").
  const armed = international.some((t) => ARMED_FORCES_WORDS.has(t.lemma));
  // "enough food to feed all of us and then the world beyond": "world" alone is often everyone, or
  // everywhere, and one mention makes no paragraph on heroes at home an IR argument.
  const onlyWorld = international.every((t) => t.lemma === 'world');
  return international.length >= ((atHome && !armed) || onlyWorld ? 2 : 1);
}

export function lensQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: Draft[] = [];
  const home = homePlace(analysis);
  const tokens = analysis.sentences.flatMap((s) => s.tokens);
  const textAboutIt = internationalWords(tokens).length * 1000 >= MIN_INTERNATIONAL_PER_1000 * tokens.length;
  let lensParagraphs = 0;
  const asked = new Map<Lens, number>();
  for (const paragraph of analysis.paragraphs) {
    if (!aboutInternationalPolitics(paragraph, home, textAboutIt)) continue;
    const cues = lensCues(paragraph.sentences.flatMap((s) => lensCueLemmas(s.tokens)));
    if (
      paragraph.sentences.some((s) =>
        s.tokens.some((t) => COERCIVE_TRADE_WORDS.has(t.lemma) || COERCIVE_TRADE_WORDS.has(t.normal)),
      )
    )
      cues.liberal = cues.liberal.filter((w) => w !== 'trade' && w !== 'commerce');
    const ranked = (LENSES as readonly Lens[])
      .map((lens) => ({ lens, words: [...new Set(cues[lens])] }))
      .sort((a, b) => b.words.length - a.words.length);
    const [best, second] = ranked;
    if (!best || best.words.length < MIN_CUES || best.words.length - (second?.words.length ?? 0) < MIN_MARGIN)
      continue;
    // "Not just with missiles and tanks, but with sturdy alliances"; "our power alone cannot
    // protect us": the paragraph contests the lens its words would suggest.
    const setAside = lensCues(paragraph.sentences.flatMap((s) => setAsideLemmas(s.tokens)));
    if (setAside[best.lens].length > 0) continue;
    // A paper that argues in one lens throughout (Hamilton on standing armies: five paragraphs,
    // all realist) would ask the same four options with the same key paragraph after paragraph,
    // and a student learns the answer, not the argument: a lens is asked twice at most, once as
    // a choice and once in the student's words.
    if ((asked.get(best.lens) ?? 0) >= LENS_ASKED_MOST) continue;
    const cueSentences = paragraph.sentences.filter((s) =>
      lensCueLemmas(s.tokens).some((l) => best.words.includes(l)),
    );
    const evidence = cueSentences.slice(0, 3).map((s) => s.id);
    if (evidence.length === 0) continue;
    asked.set(best.lens, (asked.get(best.lens) ?? 0) + 1);
    const id = `lens-${paragraph.id}`;
    // The cue words as the paragraph writes them ("partners", not "partner").
    const paragraphTokens = paragraph.sentences.flatMap((s) => s.tokens);
    const written = best.words.map(
      (lemma) => paragraphTokens.find((t) => t.lemma === lemma)?.normal ?? lemma,
    );
    const cueList = written.map((w) => `“${w}”`).join(', ');
    const lensName = LENS_NAMES[best.lens][0]!;
    // The argument, not the words: blind raters called an explanation that only lists "armies",
    // "defense", "powers" word-spotting. The sentence with the most of the lens's words states it.
    const cuesIn = (s: (typeof cueSentences)[number]) =>
      new Set(lensCueLemmas(s.tokens).filter((l) => best.words.includes(l))).size;
    const argument = [...cueSentences].sort((a, b) => cuesIn(b) - cuesIn(a))[0]!;
    const base = {
      evidence,
      skill: 'inference' as const,
      difficulty: 3 as const,
      explanation: `Paragraph ${paragraph.number} argues in the terms of ${lensName}: ${quote(argument.text)} The paragraph speaks of ${cueList}, the words of ${lensName}.`,
    };
    // One question a paragraph, choice and open in turn through the text: the open one beside the
    // choice of the same paragraph would be answered by it (blind raters found every such pair
    // repeating itself, and the old open prompt named the lens the choice asked for).
    if (lensParagraphs++ % 2 === 0) {
      const others = (Object.keys(LENS_SUMMARIES) as (keyof typeof LENS_SUMMARIES)[])
        .filter((l) => l !== best.lens)
        .map((l) => LENS_SUMMARIES[l]);
      const { options, keyId } = shuffledOptions(LENS_SUMMARIES[best.lens], others, id);
      drafts.push({
        template: 'theory-lens',
        anchor: paragraph.id,
        quality: 0.7,
        question: {
          ...draftBase(analysis, { ...base, id }),
          lens: best.lens,
          type: 'multiple-choice',
          prompt: `Which theoretical lens does the argument of paragraph ${paragraph.number} reflect most clearly?`,
          options,
          answer: { optionId: keyId },
        },
      });
      continue;
    }
    drafts.push({
      template: 'theory-lens',
      anchor: paragraph.id,
      quality: 0.65,
      question: {
        ...draftBase(analysis, { ...base, id: `${id}-why` }),
        lens: best.lens,
        type: 'short-answer',
        prompt: `Which IR theory does the argument of paragraph ${paragraph.number} reflect most clearly? Name it, and say what in the paragraph shows it.`,
        rubric: {
          keyPoints: [
            { id: 'lens', text: `It is ${lensName}`, accept: LENS_NAMES[best.lens], weight: 1 },
            // What in the paragraph shows it: its cue words, said together. (Tried on 8 December: the
            // first clause of its argument sentence instead. On the Burns paragraph that clause was
            // a past fact, "We have demonstrated our ability to work in concert on painful
            // sanctions …", and an answer naming the paragraph's partners and concerted sanctions
            // fell to "partly met", so the words stayed.)
            {
              id: 'theme',
              text: `The paragraph speaks of ${listed(written)}`,
              accept: [],
              weight: 1,
            },
          ],
        },
        modelAnswer: `${LENS_SUMMARIES[best.lens]}. Paragraph ${paragraph.number} speaks of ${listed(written)}.`,
      },
    });
  }
  return drafts;
}
