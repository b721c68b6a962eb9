import { describe, expect, it } from 'vitest';
import { parseReading } from '@/questions/reading/parse';
import { applyParagraphEdit, questionsOnText, ReadingEditError, textRevision } from './paragraph-edits';

const parsed = parseReading({
  text: [
    'Sanctions rarely work alone. They need allies. Allies share the cost.',
    'Diplomacy is slow. It is also durable.',
    'Force is a last resort. It invites escalation. It costs lives.',
  ].join('\n\n'),
  format: 'text',
});
const stored = { ...parsed, issuedIds: null };

describe('paragraph edits on a stored reading', () => {
  it('moves the notes of a merged or deleted paragraph beside the one that took its place', () => {
    expect(applyParagraphEdit(stored, { kind: 'merge', firstId: 'p1', secondId: 'p2' }).moveNotes).toEqual([
      ['p2', 'p1'],
    ]);
    expect(applyParagraphEdit(stored, { kind: 'delete', paragraphId: 'p2' }).moveNotes).toEqual([
      ['p2', 'p1'],
    ]);
    expect(applyParagraphEdit(stored, { kind: 'delete', paragraphId: 'p1' }).moveNotes).toEqual([
      ['p1', 'p2'],
    ]);
    expect(
      applyParagraphEdit(stored, { kind: 'split', paragraphId: 'p3', beforeSentenceId: 'p3.s2' }).moveNotes,
    ).toEqual([]);
  });

  it('names the sentence ids an edit retires, and none for a merge or a split', () => {
    expect(applyParagraphEdit(stored, { kind: 'delete', paragraphId: 'p2' }).retired).toEqual([
      'p2.s1',
      'p2.s2',
    ]);
    const edited = applyParagraphEdit(stored, {
      kind: 'edit',
      paragraphId: 'p1',
      text: 'Sanctions rarely work alone. Trade is a weapon too. Allies share the cost.',
    });
    expect(edited.retired).toEqual(['p1.s2']);
    expect(edited.reading.issuedIds?.sentence.p1).toBe(4);
    expect(applyParagraphEdit(stored, { kind: 'merge', firstId: 'p2', secondId: 'p3' }).retired).toEqual([]);
    const split = applyParagraphEdit(stored, { kind: 'split', paragraphId: 'p1', beforeSentenceId: 'p1.s3' });
    expect(split.retired).toEqual([]);
    expect(split.reading.paragraphs.map((p) => p.id)).toEqual(['p1', 'p4', 'p2', 'p3']);
  });

  it('keeps the ids it has issued, so a deleted paragraph’s id is never given again', () => {
    const deleted = applyParagraphEdit(stored, { kind: 'delete', paragraphId: 'p3' }).reading;
    const inserted = applyParagraphEdit(
      { ...deleted, issuedIds: deleted.issuedIds ?? null },
      { kind: 'insert', afterParagraphId: 'p2', text: 'A new closing paragraph.' },
    ).reading;
    expect(inserted.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p4']);
  });

  it('refuses what cannot be done, in words', () => {
    expect(() => applyParagraphEdit(stored, { kind: 'merge', firstId: 'p1', secondId: 'p3' })).toThrow(
      ReadingEditError,
    );
    expect(() =>
      applyParagraphEdit(stored, { kind: 'split', paragraphId: 'p1', beforeSentenceId: 'p1.s1' }),
    ).toThrow(/not the first/);
    expect(() => applyParagraphEdit(stored, { kind: 'edit', paragraphId: 'p9', text: 'x' })).toThrow(
      /no paragraph p9/,
    );
  });

  it('fingerprints the text, and counts the questions resting on each paragraph', () => {
    const merged = applyParagraphEdit(stored, { kind: 'merge', firstId: 'p1', secondId: 'p2' }).reading;
    expect(textRevision(parsed.paragraphs)).not.toBe(textRevision(merged.paragraphs));
    expect(textRevision(parsed.paragraphs)).toBe(textRevision(structuredClone(parsed.paragraphs)));
    const counts = questionsOnText(merged.paragraphs, [
      { id: 'q1', evidence: ['p2.s1', 'p1.s1'] },
      { id: 'q2', evidence: ['p3.s2'] },
      { id: 'q3', evidence: ['p7.s1'] },
    ]);
    expect(Object.fromEntries(counts.byParagraph)).toEqual({ p1: 1, p3: 1 });
    expect(counts.restingOn(['p3.s2', 'p7.s1'])).toEqual(['q2', 'q3']);
  });
});
