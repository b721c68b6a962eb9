import { createHash } from 'node:crypto';
import type { Reading } from '@/db/schema';
import {
  deleteParagraph,
  editParagraph,
  insertParagraph,
  mergeParagraphs,
  ReadingEditError,
  splitParagraph,
} from '@/questions/reading/edit';
import type { ParsedReading, ReadingParagraph } from '@/questions/reading/types';

/**
 * The reading editor's paragraph tools, on a stored reading: each edit is one of the engine's
 * pure edits (questions/reading/edit.ts, which keeps every sentence id that still names its
 * sentence), plus what follows from it for the things beside the text: context notes beside a
 * paragraph that is gone move to the paragraph that took its place, and the sentence ids the edit
 * retired are named, so the editor can say which questions lost their evidence.
 */

export type ParagraphEdit =
  | { kind: 'edit'; paragraphId: string; text: string }
  | { kind: 'merge'; firstId: string; secondId: string }
  | { kind: 'split'; paragraphId: string; beforeSentenceId: string }
  | { kind: 'delete'; paragraphId: string }
  | { kind: 'insert'; afterParagraphId: string | null; text: string };

export { ReadingEditError };

type StoredText = Pick<
  Reading,
  | 'title'
  | 'author'
  | 'authorNote'
  | 'source'
  | 'publishedOn'
  | 'paragraphs'
  | 'sections'
  | 'wordCount'
  | 'readingMinutes'
  | 'issuedIds'
>;

export type AppliedEdit = {
  reading: ParsedReading;
  /** Context notes to move: [from paragraph, to paragraph]. */
  moveNotes: [string, string][];
  /** Sentence ids that named a sentence before the edit and name none after it. */
  retired: string[];
};

const sentenceIds = (paragraphs: ReadingParagraph[]) =>
  paragraphs.flatMap((p) => p.sentences.map((s) => s.id));

function asParsed(stored: StoredText): ParsedReading {
  return {
    title: stored.title,
    author: stored.author,
    authorNote: stored.authorNote,
    source: stored.source,
    publishedOn: stored.publishedOn,
    paragraphs: stored.paragraphs,
    sections: stored.sections,
    wordCount: stored.wordCount,
    readingMinutes: stored.readingMinutes,
    ...(stored.issuedIds ? { issuedIds: stored.issuedIds } : {}),
  };
}

/** Applies one edit; throws ReadingEditError, with a sentence a person can act on, when it cannot. */
export function applyParagraphEdit(stored: StoredText, edit: ParagraphEdit): AppliedEdit {
  const before = asParsed(stored);
  let reading: ParsedReading;
  let moveNotes: [string, string][] = [];
  switch (edit.kind) {
    case 'edit':
      reading = editParagraph(before, edit.paragraphId, edit.text);
      break;
    case 'merge':
      reading = mergeParagraphs(before, edit.firstId, edit.secondId);
      moveNotes = [[edit.secondId, edit.firstId]];
      break;
    case 'split':
      reading = splitParagraph(before, edit.paragraphId, edit.beforeSentenceId);
      break;
    case 'delete': {
      const index = before.paragraphs.findIndex((p) => p.id === edit.paragraphId);
      const neighbour = before.paragraphs[index - 1] ?? before.paragraphs[index + 1];
      reading = deleteParagraph(before, edit.paragraphId);
      if (neighbour) moveNotes = [[edit.paragraphId, neighbour.id]];
      break;
    }
    case 'insert':
      reading = insertParagraph(before, edit.afterParagraphId, edit.text);
      break;
  }
  const after = new Set(sentenceIds(reading.paragraphs));
  return { reading, moveNotes, retired: sentenceIds(before.paragraphs).filter((id) => !after.has(id)) };
}

/**
 * A short fingerprint of a reading's text: a paragraph form carries the one it was shown with,
 * and an edit made on text that has changed since (another tab) is refused, not applied blind.
 */
export function textRevision(paragraphs: ReadingParagraph[]): string {
  return createHash('sha256').update(JSON.stringify(paragraphs)).digest('hex').slice(0, 16);
}

/** How many live questions rest on each paragraph's sentences, and which rest on the sentences given. */
export function questionsOnText(
  paragraphs: ReadingParagraph[],
  questions: { id: string; evidence: string[] | null }[],
): { byParagraph: Map<string, number>; restingOn: (sentences: string[]) => string[] } {
  const paragraphOf = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, p.id] as const)));
  const byParagraph = new Map<string, number>();
  for (const q of questions) {
    const held = new Set((q.evidence ?? []).flatMap((id) => paragraphOf.get(id) ?? []));
    for (const paragraph of held) byParagraph.set(paragraph, (byParagraph.get(paragraph) ?? 0) + 1);
  }
  return {
    byParagraph,
    restingOn: (sentences) => {
      const wanted = new Set(sentences);
      return questions.filter((q) => (q.evidence ?? []).some((id) => wanted.has(id))).map((q) => q.id);
    },
  };
}
