import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setQuestionStatus } from '@/db/queries/questions';
import { getReadingBySlug, listGlossary, saveGlossaryTerm, saveReadingProgress } from '@/db/queries/readings';
import { addQuestionCards, countCardsForExport, ensureGlossaryCards } from '@/db/queries/review';
import { insertUser } from '@/db/queries/users';
import type { Reading } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { seedShippedReadings } from '@/lib/seed';
import { loadSqlJs } from './anki/apkg';
import { exportForAnki } from './anki-export';
import { newCardFields } from './schedule';

setUpTestDatabase();

let reading: Reading;
let n = 0;

beforeAll(async () => {
  await seedShippedReadings();
  reading = (await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' }))!;
});

/** A student who opened the Burns reading (13 glossary cards) and missed two questions. */
async function studentWithCards() {
  const user = (await insertUser({ email: `anki-${n++}@example.org`, name: 'Anki Student' }))!;
  await saveReadingProgress({
    userId: user.id,
    readingId: reading.id,
    lastParagraphId: 'p1',
    furthestParagraph: 1,
    sectionsRead: [],
    completed: false,
  });
  await ensureGlossaryCards({ userId: user.id, readingId: reading.id, fields: newCardFields(new Date()) });
  await addQuestionCards({
    userId: user.id,
    cards: ['burns-tf-expulsions', 'burns-main-argument'].map((questionId) => ({
      questionId,
      readingId: reading.id,
      reason: 'missed' as const,
    })),
    fields: newCardFields(new Date()),
  });
  return user;
}

async function notesOf(userId: string) {
  const file = await exportForAnki({ userId, format: 'apkg' });
  const SQL = await loadSqlJs();
  const db = new SQL.Database(unzipSync(file.body as Uint8Array)['collection.anki2']);
  const [result] = db.exec('select guid, mod, flds from notes order by guid');
  db.close();
  return {
    file,
    notes: (result?.values ?? []).map(([guid, mod, flds]) => ({
      guid: String(guid),
      mod: Number(mod),
      fields: String(flds).split('\x1f'),
    })),
  };
}

describe('exporting a student’s cards for Anki', () => {
  it('holds the student’s own cards, with the evidence sentences, and the text file has the same guids', async () => {
    const student = await studentWithCards();
    const other = await studentWithCards();
    const { notes } = await notesOf(student.id);
    expect(notes).toHaveLength(15);
    expect(await countCardsForExport({ userId: student.id })).toBe(15);
    const others = await notesOf(other.id);
    expect(others.notes.filter((o) => notes.some((m) => m.guid === o.guid))).toEqual([]);

    const expulsions = notes.find((note) => note.fields[0]!.includes('expel'))!;
    const sentences = new Map(reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text])));
    expect(expulsions.fields[2]).toContain(sentences.get('p1.s1')!.slice(0, 40));
    expect(expulsions.fields[3]).toBe(reading.title);
    const revanchism = notes.find((note) => note.fields[0] === 'revanchism')!;
    expect(revanchism.fields[1]!.length).toBeGreaterThan(20);

    const text = await exportForAnki({ userId: student.id, format: 'txt' });
    expect(text.filename).toBe('statecraft-review.txt');
    const rows = String(text.body).split('\n').slice(6, -1);
    expect(rows.map((r) => r.split('\t')[0]).sort()).toEqual(notes.map((m) => m.guid).sort());
  });

  it('gives the same file again, and after an edit the same guid with a later date and the new text', async () => {
    const student = await studentWithCards();
    const first = await notesOf(student.id);
    const again = await notesOf(student.id);
    expect(again.file.body).toEqual(first.file.body);

    const term = (await listGlossary({ readingId: reading.id })).find((t) => t.term === 'revanchism')!;
    // The edit is made a minute later (Anki dates notes in whole seconds).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    try {
      expect(await saveGlossaryTerm({ ...term, definition: 'Wanting back a territory that was lost.' })).toBe(
        'saved',
      );
    } finally {
      vi.useRealTimers();
    }
    const edited = await notesOf(student.id);
    const before = first.notes.find((m) => m.fields[0] === 'revanchism')!;
    const after = edited.notes.find((m) => m.fields[0] === 'revanchism')!;
    expect(after.guid).toBe(before.guid);
    expect(after.fields[1]).toBe('Wanting back a territory that was lost.');
    expect(after.mod).toBeGreaterThan(before.mod);
    expect(edited.notes.map((m) => m.guid)).toEqual(first.notes.map((m) => m.guid));
  });

  it('leaves out a question that no longer reaches students, as review does', async () => {
    const student = await studentWithCards();
    await setQuestionStatus({ ids: ['burns-main-argument'], status: 'retired', reviewerId: student.id });
    const { notes } = await notesOf(student.id);
    expect(notes).toHaveLength(14);
    expect(await countCardsForExport({ userId: student.id })).toBe(14);
    await setQuestionStatus({ ids: ['burns-main-argument'], status: 'approved', reviewerId: student.id });
  });

  it('exports nothing for a student without cards', async () => {
    const user = (await insertUser({ email: `anki-none-${n++}@example.org`, name: 'No Cards' }))!;
    expect((await exportForAnki({ userId: user.id, format: 'txt' })).notes).toBe(0);
  });
});
