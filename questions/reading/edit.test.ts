import { describe, expect, it } from 'vitest';
import {
  deleteParagraph,
  editParagraph,
  insertParagraph,
  issuedIds,
  mergeParagraphs,
  paragraphOfSentence,
  ReadingEditError,
  splitParagraph,
} from './edit';
import { parseReading } from './parse';
import type { ParsedReading } from './types';

const original = parseReading({
  text: [
    'Sanctions rarely work alone. They need allies. Allies share the cost.',
    'Diplomacy is slow. It is also durable.',
    'Force is a last resort. It invites escalation. It costs lives.',
  ].join('\n\n'),
  format: 'text',
});

const ids = (reading: ParsedReading) => reading.paragraphs.map((p) => [p.id, p.sentences.map((s) => s.id)]);
const texts = (reading: ParsedReading) => reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));

describe('editing paragraphs keeps sentence ids stable', () => {
  it('keeps unchanged and lightly edited sentences, gives new ones fresh ids', () => {
    const edited = editParagraph(
      original,
      'p1',
      'Sanctions rarely work on their own. A new sentence about trade appears here. They need allies.',
    );
    expect(edited.paragraphs[0]!.sentences).toEqual([
      { id: 'p1.s1', text: 'Sanctions rarely work on their own.' },
      { id: 'p1.s4', text: 'A new sentence about trade appears here.' },
      { id: 'p1.s2', text: 'They need allies.' },
    ]);
    // p1.s3 ("Allies share the cost.") is gone, and its number is never issued again.
    const again = editParagraph(edited, 'p1', `${edited.paragraphs[0]!.text} Allies share the cost.`);
    expect(again.paragraphs[0]!.sentences.at(-1)).toEqual({ id: 'p1.s5', text: 'Allies share the cost.' });
    expect(original.paragraphs[0]!.sentences).toHaveLength(3);
  });

  it('merges neighbours, keeping every sentence id, and finds a sentence’s paragraph after it', () => {
    const merged = mergeParagraphs(original, 'p1', 'p2');
    expect(ids(merged)).toEqual([
      ['p1', ['p1.s1', 'p1.s2', 'p1.s3', 'p2.s1', 'p2.s2']],
      ['p3', ['p3.s1', 'p3.s2', 'p3.s3']],
    ]);
    expect(merged.paragraphs[0]!.text).toBe(
      'Sanctions rarely work alone. They need allies. Allies share the cost. Diplomacy is slow. It is also durable.',
    );
    expect(paragraphOfSentence(merged, 'p2.s2')?.id).toBe('p1');
    expect(merged.sections.flatMap((s) => s.paragraphIds)).toEqual(['p1', 'p3']);
    expect(() => mergeParagraphs(original, 'p1', 'p3')).toThrow(ReadingEditError);
  });

  it('splits before a sentence into a paragraph with a fresh id, never reusing a deleted one', () => {
    const withoutLast = deleteParagraph(original, 'p3');
    const split = splitParagraph(withoutLast, 'p1', 'p1.s2');
    expect(ids(split)).toEqual([
      ['p1', ['p1.s1']],
      ['p4', ['p1.s2', 'p1.s3']],
      ['p2', ['p2.s1', 'p2.s2']],
    ]);
    expect(split.sections.flatMap((s) => s.paragraphIds)).toEqual(['p1', 'p4', 'p2']);
    expect(issuedIds(split).paragraph).toBe(4);
    expect(() => splitParagraph(original, 'p1', 'p1.s1')).toThrow(/not the first/);
    expect(() => splitParagraph(original, 'p1', 'p2.s1')).toThrow(/not a sentence of p1/);
  });

  it('inserts and deletes, recounting words and refusing to empty the reading', () => {
    const inserted = insertParagraph(original, 'p2', 'Trade ties bind states together. Or so liberals say.');
    expect(ids(inserted)[2]).toEqual(['p4', ['p4.s1', 'p4.s2']]);
    expect(inserted.wordCount).toBe(original.wordCount + 9);
    const first = insertParagraph(original, null, 'An opening line.');
    expect(first.paragraphs[0]!.id).toBe('p4');
    expect(first.sections[0]!.paragraphIds[0]).toBe('p4');
    let reading = original;
    for (const p of ['p1', 'p2']) reading = deleteParagraph(reading, p);
    expect(texts(reading)).toEqual(['Force is a last resort.', 'It invites escalation.', 'It costs lives.']);
    expect(() => deleteParagraph(reading, 'p3')).toThrow(/at least one paragraph/);
    expect(() => editParagraph(original, 'p9', 'x')).toThrow(/no paragraph p9/);
    expect(() => editParagraph(original, 'p1', '   ')).toThrow(/cannot be empty/);
  });

  it('keeps the text of a paragraph equal to its sentences', () => {
    let reading = editParagraph(original, 'p2', 'Diplomacy   is slow.\n\nIt is also durable and cheap.');
    reading = mergeParagraphs(reading, 'p2', 'p3');
    for (const p of reading.paragraphs) expect(p.sentences.map((s) => s.text).join(' ')).toBe(p.text);
    expect(reading.paragraphs[1]!.sentences.map((s) => s.id)).toEqual([
      'p2.s1',
      'p2.s2',
      'p3.s1',
      'p3.s2',
      'p3.s3',
    ]);
  });
});
