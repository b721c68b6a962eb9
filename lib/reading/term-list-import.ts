import { createHash } from 'node:crypto';
import {
  findTerms,
  parseTermList,
  type TermListProblem,
  type TermPlace,
  type TermSeparator,
} from '@/questions/glossary/term-list';
import type { ReadingParagraph } from '@/questions/reading/types';

/** One line of a pasted term list as the preview shows it. */
export type TermListRow = {
  line: number;
  term: string;
  definition: string;
  /** Where the term first occurs, with that sentence; null: not in the text. */
  place: (TermPlace & { sentenceText: string }) | null;
  /** The glossary's entry for this term (any case), if it has one. */
  existing: { term: string; definition: string } | null;
};

export type TermListPreview = {
  rows: TermListRow[];
  problems: TermListProblem[];
  separator: string;
  /** What was read, as sent: the confirmation sends it back, so it confirms this preview's list. */
  read: { text: string; separator: TermSeparator; custom: string };
  /** Of what the preview showed: the confirmation is refused if the text or glossary changed since. */
  digest: string;
};

export type TermListChoices = {
  duplicates: 'skip' | 'replace';
  /** Lines of terms not found in the text that the instructor ticked to add anyway. */
  addAnyway: number[];
};

/** Reads a list against a reading and its glossary; writes nothing. Throws TermListTooLargeError. */
export function previewTermList({
  text,
  separator,
  custom,
  paragraphs,
  glossary,
}: {
  text: string;
  separator: TermSeparator;
  custom?: string;
  paragraphs: readonly ReadingParagraph[];
  glossary: readonly { term: string; definition: string }[];
}): TermListPreview {
  const parsed = parseTermList(text, { separator, custom });
  const places = findTerms(
    parsed.entries.map((e) => e.term),
    paragraphs,
  );
  const sentenceText = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  const byTerm = new Map(glossary.map((g) => [g.term.toLowerCase(), g]));
  const rows = parsed.entries.map((entry, i): TermListRow => {
    const place = places[i] ?? null;
    const existing = byTerm.get(entry.term.toLowerCase());
    return {
      ...entry,
      place: place && { ...place, sentenceText: sentenceText.get(place.sentenceId) ?? '' },
      existing: existing ? { term: existing.term, definition: existing.definition } : null,
    };
  });
  const digest = createHash('sha256')
    .update(JSON.stringify([rows, parsed.problems]))
    .digest('hex')
    .slice(0, 32);
  return {
    rows,
    problems: parsed.problems,
    separator: parsed.separator,
    read: { text, separator, custom: custom ?? '' },
    digest,
  };
}

/**
 * The terms to write. A term the text does not contain is left out unless ticked: the reader
 * marks terms where the text uses them, so a term it never uses is most often a list made for
 * another reading or a misspelling, and an instructor expects the preview to catch it rather
 * than fill the glossary; ticked, it is added all the same (it still becomes a review card).
 * A term found in another form ("sanctions" for "sanction") keeps that form as an alias, so the
 * reader, which marks a term's written forms, marks it.
 */
export function termsToWrite(preview: TermListPreview, choices: TermListChoices) {
  const ticked = new Set(choices.addAnyway);
  return preview.rows
    .filter((row) => row.place || ticked.has(row.line))
    .map((row) => ({
      term: row.term,
      definition: row.definition,
      aliases:
        row.place && row.place.written.toLowerCase() !== row.term.toLowerCase() ? [row.place.written] : [],
    }));
}
