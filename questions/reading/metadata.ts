/**
 * What a pasted page carries besides the essay: title and byline, dates, where it was first
 * published, its licence or provenance, who is speaking, and running headers and footers. Each
 * recogniser looks at one block (a paragraph or a line) and says what it is; `extractMetadata`
 * applies them to the top and the bottom of the text, where such lines live, and drops what is
 * debris anywhere. Nothing here knows any particular essay: the patterns are the shapes these
 * lines take on news sites, government transcripts and document archives.
 */

export type Block = { kind: 'heading'; depth: number; text: string } | { kind: 'paragraph'; text: string };

export type FoundMetadata = {
  title: string | null;
  author: string | null;
  authorNote: string | null;
  source: string | null;
  publishedOn: string | null;
};

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const DATE = `${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const TIME = '(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?';
const DATE_PREFIX =
  '(?:(?:published|posted|updated|last updated|date|dated|delivered|released|first published|issued)(?:\\s+on)?:?\\s+)?';

/** A title and its date on one line: "Address on the State of the Union …. January 20, 1972". */
const TITLE_WITH_DATE = new RegExp(`^([^.!?]{10,200}?)[.,]\\s+(${DATE})\\.?$`, 'i');

/** Most words capitalised, as a title is: "Address on the State of the Union Delivered Before …". */
function isTitleCased(text: string): boolean {
  const all = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return all.length >= 2 && all.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * all.length;
}

/** A line that is only a date, perhaps after "Published", perhaps with a time. */
const DATE_LINE = new RegExp(`^${DATE_PREFIX}(${DATE})${TIME}\\.?$`, 'i');
const DATE_INSIDE = new RegExp(DATE, 'i');

const NAME_WORD = "(?:(?:[A-Z]\\.){2,3}|[A-Z][\\p{L}'’-]*\\.?|[A-Z]\\.)";
const NAME = `${NAME_WORD}(?:\\s+(?:de|van|von|der|da|al|bin|la|le)?\\s*${NAME_WORD}){1,3}`;
/** "By William J. Burns", "Written by A and B", "BY ANA RUIZ, April 3, 2018". */
const BYLINE = new RegExp(
  `^(?:by|written by|words by)\\s+(${NAME}(?:(?:,\\s*|\\s+and\\s+)${NAME})*)(?:[,|•·\\s]+(${DATE}))?\\.?$`,
  'iu',
);
const PERSON_NAME = new RegExp(`^${NAME}$`, 'u');
/** Longest line read as a byline ("By A, B, C and D, April 3, 2018" is about 50 characters). */
const BYLINE_MOST = 160;

const PUBLISHED_IN =
  /^(?:this|the|an earlier version of this|a version of this) (?:article|op-ed|essay|piece|column|commentary|speech|text|interview)(?: was)? (?:originally |first )?(?:published|appeared|ran|posted) (?:in|on|by) (.+?)(?:\s+on\s+(.+?))?\.?$/i;
const ORIGINALLY =
  /^(?:originally|first) (?:published|appeared|posted) (?:in|on|by) (.+?)(?:,?\s+on\s+(.+?))?\.?$/i;
const IN_PRINT =
  /^a version of this (?:article|op-ed|essay|column) appears in print on (.+?)(?:,\s*(?:section|on page)\b.*)?\.?$/i;

/** Licence and provenance wording: a line that says where a text comes from or who owns it. */
const LICENCE =
  /\b(public domain|copyright|all rights reserved|creative commons|licensed under|reprinted (?:with|by) permission|used (?:with|by) permission|courtesy of)\b|©|\(c\)\s*\d{4}|\bCC[- ]BY\b/i;
// A bare "From" opens headlines ("From Guantanamo to Montevideo and on to Havana") as often as it
// names a source, so it counts only with its colon ("From: Reuters").
const SOURCE_LINE =
  /^(?:(?:source|via|transcript(?: from| courtesy of| by)?|retrieved from|credit)\s*:?|from\s*:)\s+(.+?)\.?$/i;

/** "For the Independent Journal.", "From the New York Packet.": the paper an essay was written for. */
const WRITTEN_FOR = /^(?:[Ff]or|[Ff]rom) ([Tt]he (?:\p{Lu}[\p{L}'’-]*\s*){1,6})\.$/u;
/** "To the People of the State of New York:", "Fellow-Citizens of the Senate …:": an address, not text. */
const SALUTATION =
  /^(?:to the|to my|dear|my dear|fellow[- ]citizens|my fellow|ladies and gentlemen|gentlemen)\b[^.!?]{0,160}:$/i;
/** "JAY", "HAMILTON OR MADISON": a name in capitals on a line of its own. */
const SHOUTED_NAME = /^\p{Lu}[\p{Lu}.'’-]+(?:\s+(?:OR|AND|\p{Lu}[\p{Lu}.'’-]+)){0,3}\.?$/u;

/** An address on a line of its own: short, no verb of its own, no "I" or "we" (not "To the skeptics, I say:"). */
const isSalutation = (text: string) =>
  SALUTATION.test(text) &&
  words(text) <= 14 &&
  !/\b(?:i|we|you|is|are|was|were|be|will|must|should|can|say|says|offer|ask)\b/i.test(
    text.replace(/^to\b/i, ''),
  );

const NAV_DEBRIS =
  /^(more\s*(>|›|»|→)?|read more\b.*|continue reading\b.*|advertisement|sponsored( content)?|share( this)?( article| story| page)?|share on \w+|tweet|email|print( this)?( page| article)?|subscribe\b.*|sign up for\b.*|sign in|log in|related:?.*|related (?:articles|stories|content)\b.*|\d+ comments?|comments?|leave a comment|skip to (?:main )?content|back to top|listen to this (?:article|story)\b.*|\d+ min(?:ute)?s? read|follow (?:us|@?\w+) on \w+.*|click here\b.*|tags?:.*|filed under:?.*|photo(?:graph)?:.*|image:.*|(?:photo|image) credit:?.*|home\s*[>›»/].*|https?:\/\/\S+|www\.\S+)$/i;
const PAGE_NUMBER =
  /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^\d{1,4}\s*\|\s*page$|^page\s*\|\s*\d{1,4}$/i;
/** Stage directions a transcript adds inside the text: "(Applause.)", "[Laughter]". */
const STAGE_DIRECTION =
  /\s*[[(](?:applause|laughter|cheers|cheering|boos|booing|inaudible|crosstalk|music|audience [a-z]+|pause|sic)[^\])]{0,30}[\])]/gi;
/** An editor's note that opens a paragraph at the end of a transcript: "Note:", "Editor's note:". */
const EDITORS_NOTE_START = /^(?:note|editor['’]s note|editorial note)\s*:/i;
/** An editor's note in square brackets: "[At this point, a moment of silence was observed.]". */
const EDITORS_NOTE = /\s*\[(?:at this point|here|the (?:president|speaker|audience))\b[^\]]{0,200}\]/gi;
/**
 * A photograph's caption and credit at the start of a paragraph, left by a web page: "President
 * X greets members of Congress … Jan. 31, 2006. White House photo by Eric Draper". The credit
 * names its photographer (first and last name); the text goes on after it, even when the page's
 * copy glued the two ("… by Eric DraperEvery time I'm invited …").
 */
const PHOTO_CAPTION =
  /^[^\n]{0,500}?\b[Pp](?:hoto|hotograph|icture)\s+(?:by|courtesy of)\s+\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+\s*/u;

/** A dash that marks a list item at a paragraph's start: "--We will honor …", "--50 percent of …". */
const LIST_DASH = /^\s*(?:--|[—–])\s*(?=["“‘']?[\p{Lu}\d])/u;

const ROLE =
  '(?:The\\s+)?(?:President|Vice\\s+President|Speaker|Chairman|Chairwoman|Chair|Secretary(?:\\s+of\\s+State)?|Senator|Representative|Ambassador|Prime\\s+Minister|Chancellor|General|Moderator|Questioner|Q|A)';
/** "THE PRESIDENT:", "Speaker Foley.", "President Kennedy:", "MR. SMITH:" at the start of a paragraph. */
const SPEAKER_LABEL = new RegExp(
  `^(${ROLE}(?:\\s+${NAME_WORD}){0,3}|[A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]+){0,3})(:|\\.)\\s+(?=["“‘']?[A-Z])`,
  'u',
);
const ROLE_ONLY = new RegExp(`^${ROLE}$`, 'i');

const BIO_WORDS =
  /\b(fellow|professor|director|editor|author|president|ambassador|secretary|senior|analyst|columnist|contributor|correspondent|researcher|lecturer|served as|teaches|writes)\b/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function isDateLine(text: string): string | null {
  const match = DATE_LINE.exec(text.trim());
  return match ? match[1]!.replace(/,(\S)/, ', $1') : null;
}

export function isNavigationDebris(text: string): boolean {
  return NAV_DEBRIS.test(text) || PAGE_NUMBER.test(text);
}

export const isPageNumber = (text: string) => PAGE_NUMBER.test(text);

export function isNameLine(line: string): boolean {
  return line.length < 60 && PERSON_NAME.test(line);
}

/** "ADDRESS TO A JOINT SESSION" → "Address to a Joint Session"; acronyms stay as they are. */
export function titleCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  const small = new Set(
    'a an and as at but by for from in into nor of on or over the to upon with before after'.split(' '),
  );
  return text
    .split(/(\s+)/)
    .map((word, i) => {
      const bare = word.replace(/[^\p{L}.]/gu, '');
      if (/^\s+$/.test(word) || isAcronym(bare)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && small.has(lower)) return lower;
      // "CARTER'S" → "Carter's"
      return lower.replace(/^(\P{L}*)(\p{L})/u, (_, pre: string, first: string) => pre + first.toUpperCase());
    })
    .join('');
}

/** International bodies and states written in capitals; an all-capitals title keeps them so. */
const ACRONYMS = new Set(
  'UN US USA UK EU NATO USSR OPEC IMF WTO OPCW OSCE ASEAN IAEA NGO GDP UNESCO UNICEF NAFTA PRC DPRK ROK AU OAS ICC ICJ WHO'.split(
    ' ',
  ),
);
const isAcronym = (word: string) =>
  /^(?:\p{Lu}\.){2,}$/u.test(word) ||
  ACRONYMS.has(word) ||
  (word.length <= 5 && !/[AEIOUY]/.test(word) && /^\p{Lu}+$/u.test(word));

/** "PRESIDENT JIMMY CARTER'S ADDRESS TO …" names its speaker. */
function speakerFromTitle(title: string): string | null {
  const match = new RegExp(
    `^(?:(?:President|Prime Minister|Secretary(?: of State)?|Ambassador|Senator|General)\\s+)?(${NAME})['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}(?:address|speech|remarks|message|statement|lecture|testimony)\\b`,
    'iu',
  ).exec(titleCase(title));
  return match ? match[1]! : null;
}

type Provenance = { author?: string; date?: string; source?: string };

/**
 * "John F. Kennedy, January 20, 1961. Public domain …", "Source: U.S. Department of State",
 * "© 2018 The New York Times Company": who and when, and what the line says of its origin.
 */
export function readProvenance(text: string): Provenance | null {
  const line = text.trim();
  if (line.length > 300) return null;
  const source = SOURCE_LINE.exec(line);
  const licence = LICENCE.test(line);
  if (!licence && !source) return null;
  const found: Provenance = {};
  const parts = line.split(
    /(?<=(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr))[\p{Ll}\d]{2}\.)\s+(?=\p{Lu}|\()|\s+[|•·–—]\s+/u,
  );
  const rest: string[] = [];
  for (const part of parts) {
    const who = new RegExp(`^(${NAME}),\\s+(${DATE})\\.?$`, 'u').exec(part);
    if (who && !found.author) {
      found.author = who[1]!;
      found.date = who[2]!;
      continue;
    }
    const date = isDateLine(part);
    if (date && !found.date) {
      found.date = date;
      continue;
    }
    const from = SOURCE_LINE.exec(part);
    rest.push(from ? from[1]! : part);
  }
  const remainder = rest
    .join(' ')
    .replace(/\s*[.…]+$/, '')
    .trim();
  if (remainder) found.source = remainder;
  return found;
}

/** A paragraph's speaker label, when it has one, and the text after it. */
export function speakerLabel(text: string): { speaker: string; rest: string } | null {
  // "NOTE: The President spoke at 12:34 p.m. …" is the editor's, and no one speaks it.
  if (EDITORS_NOTE_START.test(text)) return null;
  const match = SPEAKER_LABEL.exec(text);
  if (!match) return null;
  const label = match[1]!.trim();
  // A full stop ends a label only for a role ("The President.", "Speaker Foley."); a bare name
  // followed by a full stop is a sentence. A colon marks a label in any case.
  if (match[2] === '.') {
    const role = new RegExp(`^${ROLE}\\b`, 'i').test(label);
    if (!role || /^(?:A|Q)$/i.test(label)) return null;
    // "PRESIDENT GEORGE W. BUSH'S ADDRESS …", "GEORGE H.W. BUSH": the full stop of a middle
    // initial, not a label's.
    if (/[\s.]\p{Lu}$/u.test(label)) return null;
  }
  if (words(label) > 5) return null;
  // "THEME: …", "Venue: …": a field of a statement's head, not a person speaking.
  // Nor is an editor's "UPDATE:" or "CORRECTION:" below an op-ed.
  if (
    /^(?:theme|topic|subject|venue|location|place|date|time|title|item|agenda|re|update|updated|correction|clarification|editor's note|note|ps|p\.s)$/i.test(
      label,
    )
  )
    return null;
  // "Senator the Honourable Dr.": the courtesy before a name ("… Dr. Amery Browne"), not a label.
  if (
    match[2] === '.' &&
    !/\.\s/.test(label) &&
    /\b(?:dr|mr|mrs|ms|prof|hon|rev|gen|sen|rep|st)$/i.test(label)
  )
    return null;
  return { speaker: label.replace(/\s+/g, ' '), rest: text.slice(match[0].length) };
}

/**
 * Takes metadata out of the blocks of a page: returns the blocks that are the text itself, and
 * fills in what it found (never overwriting what `meta` already holds).
 */
export function extractMetadata(blocks: Block[], meta: FoundMetadata): Block[] {
  let kept = blocks
    .map((block) => ({
      ...block,
      text: block.text
        .replace(STAGE_DIRECTION, '')
        .replace(EDITORS_NOTE, '')
        .replace(PHOTO_CAPTION, '')
        .replace(LIST_DASH, '')
        .trim(),
    }))
    .filter((block) => block.text && !isNavigationDebris(block.text));
  kept = dropRunningHeaders(kept);
  kept = attributeSpeakers(kept, meta);
  kept = readStatementHead(kept, meta);

  // Set when the head holds an address to the readers: a text written as a letter.
  let addressed = false;
  const take = (block: Block, position: 'head' | 'tail' | 'body', index: number): boolean => {
    const text = block.text;
    const published = PUBLISHED_IN.exec(text) ?? ORIGINALLY.exec(text);
    if (published?.[1] && text.length < 200) {
      meta.source ??= published[1].replace(/^the\s+/i, 'The ');
      if (published[2]) meta.publishedOn ??= isDateLine(published[2]) ?? published[2];
      return true;
    }
    const inPrint = IN_PRINT.exec(text);
    if (inPrint?.[1]) {
      meta.publishedOn ??= DATE_INSIDE.exec(inPrint[1])?.[0] ?? inPrint[1];
      return true;
    }
    if (position === 'body') return false;
    // "Address on the State of the Union Delivered Before a Joint Session of the Congress. January
    // 20, 1972": a first line in title case that ends on its date is the title and the date.
    const titled = position === 'head' && index === 0 ? TITLE_WITH_DATE.exec(text) : null;
    if (titled && isTitleCased(titled[1]!)) {
      meta.title ??= titled[1]!;
      meta.publishedOn ??= titled[2]!;
      return true;
    }
    // A name in capitals on a line above the address to the readers names the author ("JAY"),
    // never the first line, which is the title ("INAUGURAL ADDRESS" over "My fellow citizens:").
    if (
      position === 'head' &&
      index > 0 &&
      SHOUTED_NAME.test(text) &&
      words(text) <= 4 &&
      isSalutation(kept[index + 1]?.text ?? '')
    ) {
      meta.author ??= titleCase(text.replace(/\.$/, ''));
      return true;
    }
    // A text addressed to its readers ("To the People of the State of New York:") may be signed
    // with one name in capitals on its last line ("PUBLIUS."); that name is no part of the text.
    if (
      position === 'tail' &&
      index === kept.length - 1 &&
      addressed &&
      /^\p{Lu}[\p{Lu}'’-]+\.$/u.test(text)
    ) {
      meta.author ??= titleCase(text.replace(/\.$/, ''));
      return true;
    }
    if (position === 'head' && isSalutation(text)) {
      addressed = true;
      return true;
    }
    // "For the Independent Journal.": below the title, with its full stop.
    const writtenFor = position === 'head' && index > 0 ? WRITTEN_FOR.exec(text) : null;
    if (writtenFor?.[1]) {
      meta.source ??= writtenFor[1].trim().replace(/^the\s+/i, 'The ');
      return true;
    }
    // A byline is a short line; the pattern's name groups backtrack exponentially on a long one.
    const byline = text.length <= BYLINE_MOST ? BYLINE.exec(text) : null;
    if (byline?.[1]) {
      meta.author ??= titleCase(byline[1]);
      if (byline[2]) meta.publishedOn ??= byline[2];
      return true;
    }
    const date = isDateLine(text);
    if (date) {
      meta.publishedOn ??= date;
      return true;
    }
    const provenance = readProvenance(text);
    if (provenance) {
      if (provenance.author) meta.author ??= provenance.author;
      if (provenance.date) meta.publishedOn ??= provenance.date;
      if (provenance.source) meta.source ??= provenance.source;
      return true;
    }
    // A short biography at either end: "Ana Ruiz is a senior fellow at …".
    const bioName = new RegExp(`^(${NAME})\\s+(?:is|was|has been|served|teaches|writes)\\b`, 'u').exec(text);
    if (
      bioName &&
      words(text) <= 60 &&
      // "our fellow Americans" is no fellowship at an institute.
      // The words after the name: "President Obama is not all powerful" names a president, and
      // says nothing of the writer.
      BIO_WORDS.test(
        text
          .slice(bioName[0].length)
          .replace(/\bfellow\s+(?:Americans|citizens|countrymen|men|man|workers)\b/gi, ''),
      ) &&
      (!meta.author || meta.author.includes(bioName[1]!.split(/\s+/).at(-1)!))
    ) {
      meta.author ??= bioName[1]!;
      meta.authorNote ??= text;
      return true;
    }
    // An all-capitals line at the top is the title (or the section's heading, left to the caller).
    if (position === 'head' && index === 0 && block.kind === 'paragraph' && isShoutedTitle(text)) {
      if (!meta.title) meta.title = titleCase(text);
      meta.author ??= speakerFromTitle(text);
      return true;
    }
    return false;
  };

  // The head: metadata lines before the first real paragraph, and the byline box.
  const head: Block[] = [];
  let start = 0;
  for (; start < kept.length; start++) {
    const block = kept[start]!;
    const next = kept[start + 1];
    if (block.kind === 'paragraph' && isNameLine(block.text) && next?.text.startsWith(block.text)) {
      meta.author ??= block.text;
      meta.authorNote ??= next.text;
      start++;
      continue;
    }
    if (start < 8 && take(block, 'head', start)) continue;
    // A title or heading line may sit among the metadata, with a subtitle or two ("The Same
    // Subject Continued", "(Concerning Dangers From Foreign Force)"); keep them and look past.
    if (start < 8 && isShortLine(block.text) && head.length < 3) {
      head.push(block);
      continue;
    }
    break;
  }
  // "Note: The President spoke at 9:05 p.m. in the House Chamber …" and what follows it: an
  // editor's note on how the text was delivered, set after its last words.
  const noteAt = kept.findIndex(
    (block, i) => i >= start && i >= kept.length - 4 && EDITORS_NOTE_START.test(block.text),
  );
  if (noteAt !== -1) kept = kept.slice(0, noteAt);
  // A page's links after the text ("WEB RESOURCES >>", "State of the Union Archives", "Campaign
  // Finance Database", …): a run of short lines that end no sentence is no part of an essay or a
  // speech, whose last words end on a stop.
  let linksFrom = kept.length;
  while (linksFrom > start && isShortLine(kept[linksFrom - 1]!.text)) linksFrom--;
  if (kept.length - linksFrom >= TRAILING_LINKS) kept = kept.slice(0, linksFrom);
  const body: Block[] = [...head];
  for (let i = start; i < kept.length; i++) {
    const block = kept[i]!;
    const next = kept[i + 1];
    if (block.kind === 'paragraph' && isNameLine(block.text) && next?.text.startsWith(block.text)) {
      meta.author ??= block.text;
      meta.authorNote ??= next.text;
      i++;
      continue;
    }
    const tail = i >= kept.length - 4;
    if (take(block, tail ? 'tail' : 'body', i)) continue;
    body.push(block);
  }
  return body;
}

/** How many short unpunctuated lines at the end make a block of page links rather than a sign-off. */
const TRAILING_LINKS = 4;

const isShortLine = (text: string) => text.length <= 120 && words(text) <= 14 && !/[.!?:;,]$/.test(text);

function isShoutedTitle(text: string): boolean {
  return (
    text.length <= 200 &&
    words(text) >= 2 &&
    !/\p{Ll}/u.test(text) &&
    /\p{Lu}{3,}/u.test(text) &&
    !/[.!?]$/.test(text)
  );
}

/** A short line repeated three times or more is a running header or footer. */
function dropRunningHeaders(blocks: Block[]): Block[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.text.length <= 80) counts.set(block.text, (counts.get(block.text) ?? 0) + 1);
  }
  return blocks.filter((block) => (counts.get(block.text) ?? 0) < 3);
}

/**
 * In a transcript, paragraphs open with who speaks ("The President.", "MR. SMITH:"). The labels
 * go; the words of whoever speaks most are the text, and what others say (an introduction, a
 * chair's remarks) is dropped. A speaker named by name becomes the author when there is none.
 */
function attributeSpeakers(blocks: Block[], meta: FoundMetadata): Block[] {
  const labelled = blocks.map((block) => (block.kind === 'paragraph' ? speakerLabel(block.text) : null));
  const speakers = new Set(labelled.filter((l) => l !== null).map((l) => l.speaker.toLowerCase()));
  if (speakers.size === 0) return blocks;
  // A label-like opening used once in a long text that has no others is probably not a label.
  if (speakers.size === 1 && labelled.filter(Boolean).length === 1 && blocks.length > 6) {
    const only = labelled.find(Boolean)!;
    if (!/:/.test(blocks[labelled.indexOf(only)]!.text.slice(0, only.speaker.length + 1))) {
      const role = new RegExp(`^${ROLE}\\b`, 'i').test(only.speaker);
      if (!role) return blocks;
    }
  }
  const wordsBy = new Map<string, number>();
  const speakerOf: (string | null)[] = [];
  let current: string | null = null;
  blocks.forEach((block, i) => {
    const label = labelled[i];
    if (label) current = label.speaker.toLowerCase();
    speakerOf.push(current);
    if (current) wordsBy.set(current, (wordsBy.get(current) ?? 0) + words(label ? label.rest : block.text));
  });
  const main = [...wordsBy.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const mainLabel = labelled.find((l) => l?.speaker.toLowerCase() === main)!.speaker;
  if (!meta.author && !ROLE_ONLY.test(mainLabel)) {
    const name = mainLabel.replace(new RegExp(`^${ROLE}\\s+`, 'i'), '');
    if (PERSON_NAME.test(titleCase(name)) || /^[A-Z][\p{L}'’-]+$/u.test(titleCase(name)))
      meta.author = titleCase(name);
  }
  const result: Block[] = [];
  blocks.forEach((block, i) => {
    const speaker = speakerOf[i];
    if (speaker !== null && speaker !== main) return;
    const label = labelled[i];
    const text = label ? label.rest.trim() : block.text;
    if (text) result.push({ ...block, text });
  });
  return result;
}

// ---- The head of a statement as a government prints it ----

/**
 * Lines the printed copy of a statement carries above its text: "Check against delivery",
 * "(Provisional Translation)", "1672 words", a classification ("OFFICIAL", "UNCLASSIFIED"),
 * "Transcript, E&OE", "Location: New York", a browser's print header ("9/24/24, 4:31 PM …").
 */
const PRINT_DEBRIS =
  /^(?:\(?\s*check against delivery\s*[!.]?\s*\)?|\(?\s*(?:provisional|unofficial|informal)(?: english)? translation\s*\)?|\d[\d,]*\s+words|official(?: sensitive)?|unclassified\b.*|final|draft|e&oe|transcript,?\s+e&oe|location:\s.*|\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}\s*[ap]m\b.*)$/i;

/** One way a speaker addresses the room: "Mr. President", "Excellencies", "Distinguished Delegates". */
const ADDRESS_FORM =
  /^(?:and\s+)?(?:(?:(?:mr|mister|madam|madame|mdm|monsieur|m)\.?\s+(?:le\s+)?)?(?:president|secretary[- ]general|chair(?:man|woman|person)?|speaker|co-chairs?)(?:\s+of\s+the\s+(?:general\s+assembly|united\s+nations|\d+\S*\s+session(?:\s+of\s+the\s+(?:un\s+|united\s+nations\s+)?general\s+assembly)?))?|(?:your|their)\s+(?:excellenc(?:y|ies)|majest(?:y|ies)|highness(?:es)?|royal\s+highness(?:es)?)|excellenc(?:y|ies|es)|(?:(?:dear|distinguished|honou?rable|esteemed|fellow|my|all)\s+)*(?:ladies\s+and\s+gentlemen|delegates|colleagues|friends(?:\s+of\s+my\s+country)?|guests|leaders|heads\s+of\s+(?:state|delegation)s?(?:\s+and\s+(?:of\s+)?government)?|representatives|participants|members(?:\s+of\s+the\s+assembly)?))$/i;

/**
 * "Mr. President, Excellencies, Ladies and Gentlemen," on a line (or a paragraph) of its own:
 * only forms of address, and it ends as an address does.
 */
function isAddressLine(text: string): boolean {
  if (words(text) > 30) return false;
  const parts = text
    .split(/[,;:!—–…]|\.\.\./)
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter(Boolean);
  // "Mdm President, Your Excellencies" may end on no mark; one form alone must ("President,").
  // "Mr. President." on its own line ends on a full stop too.
  const ended = /[,;:!—–….]$/.test(text.trim());
  return (ended ? parts.length > 0 : parts.length > 1) && parts.every((part) => ADDRESS_FORM.test(part));
}

/** "Statement by", "Address by H.E. …", "Remarks by President …", "STATEMENT DELIVERED BY". */
const STATEMENT_BY =
  /\b(?:statement|address|speech|remarks|intervention|message)\b(?:\s+(?:delivered|made|given))?\s+(?:by|of)\b\s*:?\s*(.*)$|^by\b\s*:?\s*(.*)$/i;

/** "… Dr Vivian Balakrishnan's National Statement", "THE PRIME MINISTER'S ADDRESS". */
const POSSESSIVE_STATEMENT =
  /^(.{3,120}?)['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:statement|address|speech|remarks)\b/iu;

/** An office, then a courtesy title, then a name of two to four words ("Minister for … Dr Vivian Balakrishnan"). */
const NAMED_AFTER_TITLE =
  /^(.*?)(?:^|\s)(?:Dr|Mr|Mrs|Ms|H\.\s?E|His Excellency|Her Excellency|Hon|The Honou?rable|Senator|Professor|President|Prime Minister|Minister|Chancellor)\.?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})$/u;

/** Words that open a speaker's office: "President of the Republic of …", "Minister for Foreign Affairs". */
const OFFICE =
  /^(?:the\s+)?(?:(?:vice|deputy|acting|federal|first|chief|crown|prime|foreign)\s+)*(?:president|prime\s+minister|minister|chairman|chairwoman|chair|adviser|advisor|secretary|head|king|queen|emir|prince|chancellor|premier|ambassador|permanent\s+representative|governor|leader|commander)\b/i;

/** Courtesy titles before a name: "H.E. Mr.", "His Excellency", "The Honourable", "Senator the Hon", "Dr.". */
const HONORIFIC =
  /^(?:(?:the|his|her)\s+)?(?:h\.?\s?e\.|excellency|majesty|highness|royal\s+highness|(?:the\s+)?rt\.?\s+hon\.?|right\s+honou?rable|honou?rable|hon\.?|mr\.?|mrs\.?|ms\.?|mister|madam|dr\.?|professor|prof\.?|senator|sheikh|shaikh|ambassador|general|president|prime\s+minister|chancellor|minister)(?=\s|,|$)[\s,]*/i;

/** Letters after a name: "PhD.", "GCON", "S.C. M.P.", "DAH". */
const POST_NOMINALS =
  /(?:[\s,]+(?:Ph\.?\s?D\.?|PHD\.?|GCON|GCFR|DAH|QC|KC|MP|M\.P\.|S\.C\.|C\.G\.H|GCMG|KCMG|CBE|OBE|MBE|LLB|LLM))+\.?$/;

/** "AKUFO-ADDO" → "Akufo-Addo", "BECIROVIC" → "Becirovic"; "S." and "McKinley" stay. */
const nameCase = (name: string) =>
  name.replace(/\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*/gu, (word) =>
    /^[IVX]+$/.test(word)
      ? word
      : word
          .toLowerCase()
          .replace(/(^|[-'’])(\p{L})/gu, (_, pre: string, first: string) => pre + first.toUpperCase()),
  );

/** A person's name alone: two to five capitalised words, none an office, a place's or a meeting's word. */
function personName(part: string): string | null {
  let name = part.trim();
  for (let i = 0; i < 4 && HONORIFIC.test(name); i++) name = name.replace(HONORIFIC, '');
  name = name.replace(POST_NOMINALS, '').replace(/[.,]$/, '').trim();
  const nameWords = name.split(/\s+/);
  if (nameWords.length < 2 || nameWords.length > 5) return null;
  if (
    !nameWords.every((w) =>
      /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){1,3}|bin|al|de|da|van|von|der|la|le)$/u.test(w),
    )
  )
    return null;
  if (
    /\b(?:republic|kingdom|session|general|assembly|united|nations|mission|statement|debate|government|ministry|state|states|delegation|permanent|commonwealth|federal|federation|minister|president|island|islands|people|union|council|of|the)\b/i.test(
      name,
    )
  )
    return null;
  return nameCase(name);
}

/**
 * The head of a statement as a foreign ministry or a mission prints it: who speaks ("Statement
 * by H.E. Mr. Petr Pavel" / "President of the Czech Republic"), where and when ("New York, 26
 * September 2024"), what the meeting is, and print debris, down to the first form of address
 * ("Mr. President, Excellencies,"). Each of those lines is metadata, none is text; the address
 * lines go too. Texts that open any other way are left as they are.
 */
function readStatementHead(blocks: Block[], meta: FoundMetadata): Block[] {
  const limit = Math.min(blocks.length, 18);
  let end = -1;
  for (let i = 0; i < limit; i++) {
    const text = blocks[i]!.text;
    if (isAddressLine(text)) {
      end = i;
      break;
    }
    // Prose: a sentence in small letters, or a long stretch.
    if ((words(text) >= 12 && /\p{Ll}/u.test(text) && /[.!?"”’]$/.test(text)) || words(text) > 45) break;
  }
  const head = end === -1 ? [] : blocks.slice(0, end);
  const cueAt = head.findIndex(
    (block) => STATEMENT_BY.test(block.text) || POSSESSIVE_STATEMENT.test(block.text),
  );
  if (end === -1 || (cueAt === -1 && !head.every((b) => words(b.text) <= 12))) {
    // No such head: only print debris at the very top goes.
    let drop = 0;
    while (drop < limit && PRINT_DEBRIS.test(blocks[drop]!.text)) drop++;
    return blocks.slice(drop);
  }
  const lines = head.map((block) => block.text).filter((text) => !PRINT_DEBRIS.test(text));
  for (const line of lines) {
    const date = DATE_INSIDE.exec(line);
    if (date) {
      meta.publishedOn ??= date[0];
      break;
    }
  }
  const owner = cueAt !== -1 ? POSSESSIVE_STATEMENT.exec(head[cueAt]!.text) : null;
  if (owner && !STATEMENT_BY.test(head[cueAt]!.text)) {
    // "Minister for Foreign Affairs Dr Vivian Balakrishnan's National Statement": the name after
    // the last courtesy title, the office before it.
    const named = NAMED_AFTER_TITLE.exec(titleCase(owner[1]!.trim()));
    if (named) {
      meta.author ??= nameCase(named[2]!);
      // The office may sit on the line above ("Minister for Foreign Affairs" / "Dr … Statement").
      const office = named[1]!.trim() || (head[cueAt - 1]?.text ?? '');
      if (OFFICE.test(office) && words(office) <= 12) meta.authorNote ??= titleCase(office);
      meta.title ??= `Statement by ${meta.author}`;
    }
  } else if (cueAt !== -1) {
    const cue = head[cueAt]!.text;
    const match = STATEMENT_BY.exec(cue)!;
    // Who speaks: the rest of the cue line and the lines under it, a line or a comma a part,
    // up to where the meeting begins ("at the General Debate …", "during …", "on the occasion …").
    // A dateline under it ("New York, 24 September 2024") names a place, not the speaker.
    const under = head
      .slice(cueAt + 1)
      .map((b) => b.text)
      .filter((text) => !DATE_INSIDE.test(text));
    const parts = [match[1] ?? match[2] ?? '', ...under]
      .join(', ')
      .split(/\s+(?:at|before|during|on|to|in)(?:\s+|\s*,|$)/i)[0]!
      .split(/\s*,\s*/)
      .map((part) => part.trim())
      .filter(Boolean)
      // A line that stops on "of" goes on in the next: "… of the Republic of" / "Armenia".
      .reduce<string[]>((joined, part) => {
        const last = joined.at(-1);
        if (last && /\b(?:of|the|and|for)$/i.test(last)) joined[joined.length - 1] = `${last} ${part}`;
        else joined.push(part);
        return joined;
      }, []);
    // Speaker and office come before the meeting ("79th session of the General Assembly"); what
    // follows it is where and when ("UNHQ, New York, USA").
    const meeting = parts.findIndex((part) =>
      /\b(?:session|assembly|debate|summit|conference)\b/i.test(part),
    );
    const at = parts.findIndex((part, i) => (meeting === -1 || i < meeting) && personName(part) !== null);
    if (at !== -1) {
      meta.author ??= personName(parts[at]!);
      // "Prime Minister, Minister of Finance" / "of Antigua and Barbuda": the office, in parts.
      const office = titleCase(
        [...parts.slice(0, at), ...parts.slice(at + 1)]
          .filter((part) => OFFICE.test(part) || /^of\b/i.test(part))
          .join(', '),
      ).replace(/,\s+of\b/gi, ' of');
      if (office) meta.authorNote ??= office.replace(/^the\s+/i, '');
      // "Address by Nikol Pashinyan": the kind of text and its speaker, without the courtesy titles.
      const kind =
        /\b(statement|address|speech|remarks|intervention|message)\b/i.exec(cue)?.[1] ?? 'statement';
      meta.title ??= `${kind.charAt(0).toUpperCase()}${kind.slice(1).toLowerCase()} by ${meta.author}`;
    }
    const title = cue.replace(/\s+/g, ' ').trim();
    if (!meta.title && words(title) >= 4) meta.title = titleCase(title);
  } else if (!meta.title) {
    const first = lines.find((line) => !DATE_INSIDE.test(line) && words(line) >= 2);
    if (first) meta.title = titleCase(first);
  }
  let rest = end;
  while (rest < blocks.length && isAddressLine(blocks[rest]!.text)) rest++;
  return blocks.slice(rest);
}
