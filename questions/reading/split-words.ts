import { remember } from '../language/bounded-cache';
import { lookup } from '../language/wordnet';

/**
 * Words that text extraction split in two ("the laws of Go d", "there w ill be", "by t he forces",
 * "Machi nery"), as scanned and PDF-born texts carry them, joined again: a pair is joined only
 * when one half is no word and the two together are one. Every question quotes these sentences,
 * so a split word would reach students as broken language.
 */

/** Words WordNet does not list (it has nouns, verbs, adjectives and adverbs only). */
const FUNCTION_WORDS = new Set(
  'the a an and or nor but if of to in on at by for with from as per is are was were be been being has have had do does did will would shall should can could may might must not no it its he she they we you i me him her them us our your their this that these those there here who whom whose which what when where why how all any each some such than then so very also only into onto upon unto'.split(
    ' ',
  ),
);

/** Endings that extraction cuts off whole ("product ion"); joined only when the first half is a content word. */
const CUT_ENDINGS = new Set(['ion', 'ions', 'tion', 'tions', 'ment', 'ments', 'ness', 'ing', 'ings']);

const INFLECTIONS: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/ly$/, ''],
];

const known = new Map<string, boolean>();

function isWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length === 1) return lower === 'a' || lower === 'i' || lower === 'o';
  let found = known.get(lower);
  if (found === undefined) {
    // Any entry counts, names included: "Iraq is" must not become "Iraqis" (so not hasCommonSense).
    const inWordNet = (w: string) => (['n', 'v', 'a', 'r'] as const).some((pos) => lookup(w, pos) !== null);
    found =
      FUNCTION_WORDS.has(lower) ||
      inWordNet(lower) ||
      INFLECTIONS.some(
        ([ending, base]) => ending.test(lower) && lower.length > 3 && inWordNet(lower.replace(ending, base)),
      );
    remember(known, lower, found, 200_000);
  }
  return found;
}

const WORD = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u;

/** The text with split words joined; everything else, spacing included, as it was. */
export function joinSplitWords(text: string): string {
  const parts = text.split(/( )/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const first = parts[i]!;
    const second = parts[i + 2];
    const a = WORD.exec(first);
    const b = second === undefined || parts[i + 1] !== ' ' ? null : WORD.exec(second);
    // Only bare halves: "1980's have" is no "shave", "(Go d" may open a bracket.
    if (a && b && /^[("“‘[]*$/.test(a[1]!) && a[3] === '' && b[1] === '' && /^\p{Ll}/u.test(b[2]!)) {
      const [left, right] = [a[2]!, b[2]!];
      const joined = `${left}${right}`;
      const oneIsNoWord = !isWord(left) || !isWord(right);
      const cutEnding = CUT_ENDINGS.has(right) && !FUNCTION_WORDS.has(left.toLowerCase()) && left.length >= 4;
      if ((oneIsNoWord || cutEnding) && isWord(joined)) {
        out.push(`${a[1]}${joined}${b[3]}`);
        i += 2;
        continue;
      }
    }
    out.push(first);
  }
  return out.join('');
}
