import { escapeRegExp, WORD_END, WORD_START } from '@/questions/language/regexp';
import type { ReadingSection } from '@/questions/reading/types';

export type GlossaryEntry = { id: string; term: string; aliases: string[] };

/** A piece of a sentence: plain text, or a glossary term to mark. */
export type SentenceSegment = { text: string; termId?: string };

/**
 * Splits each sentence into segments, marking the first mention of each glossary term in every
 * section (longest form first, so "sanctions passed by Congress" wins over "sanctions").
 */
export function markGlossaryTerms(
  sentencesByParagraph: Map<string, { id: string; text: string }[]>,
  sections: ReadingSection[],
  entries: GlossaryEntry[],
): Map<string, SentenceSegment[]> {
  const forms = entries
    .flatMap((e) => [e.term, ...e.aliases].filter(Boolean).map((form) => ({ form, termId: e.id })))
    .sort((a, b) => b.form.length - a.form.length);
  const result = new Map<string, SentenceSegment[]>();
  if (forms.length === 0) {
    for (const sentences of sentencesByParagraph.values())
      for (const s of sentences) result.set(s.id, [{ text: s.text }]);
    return result;
  }
  const pattern = new RegExp(
    `${WORD_START}(${forms.map((f) => escapeRegExp(f.form)).join('|')})${WORD_END}`,
    'giu',
  );
  const termOf = new Map(forms.map((f) => [f.form.toLowerCase(), f.termId]));

  for (const section of sections) {
    const marked = new Set<string>();
    for (const paragraphId of section.paragraphIds) {
      for (const sentence of sentencesByParagraph.get(paragraphId) ?? []) {
        const segments: SentenceSegment[] = [];
        let last = 0;
        for (const match of sentence.text.matchAll(pattern)) {
          const termId = termOf.get(match[0].toLowerCase());
          if (!termId || marked.has(termId) || match.index === undefined) continue;
          marked.add(termId);
          if (match.index > last) segments.push({ text: sentence.text.slice(last, match.index) });
          segments.push({ text: match[0], termId });
          last = match.index + match[0].length;
        }
        if (last < sentence.text.length) segments.push({ text: sentence.text.slice(last) });
        result.set(sentence.id, segments);
      }
    }
  }
  return result;
}

/** The first sentence of a reading that mentions a glossary term: the back of its flashcard, its evidence. */
export function sentenceOfTerm(paragraphs: { sentences: { text: string }[] }[], term: string): string | null {
  const needle = term.toLowerCase();
  for (const p of paragraphs)
    for (const s of p.sentences) if (s.text.toLowerCase().includes(needle)) return s.text;
  return null;
}
