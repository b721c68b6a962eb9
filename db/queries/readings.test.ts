import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { insertUser } from '@/db/queries/users';
import { glossaryTerms, readings } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { loadShippedReading } from '@/lib/reading/content';
import { mayEditReading, mayViewReading } from '@/lib/server/policy';
import { parseReading } from '@/questions/reading/parse';
import {
  createReadingDraft,
  deleteHighlight,
  getReadingProgress,
  getReadingSummary,
  getSentenceOrder,
  getSentences,
  listHighlights,
  listVisibleReadings,
  saveHighlight,
  saveReadingProgress,
  upsertShippedReading,
} from './readings';

setUpTestDatabase();

const user = async (email: string) => (await insertUser({ email, name: email.split('@')[0] }))!;

describe('shipped readings', () => {
  it('seeds the Burns reading with its glossary and notes, and seeding again changes nothing', async () => {
    const shipped = loadShippedReading('burns-lead-with-diplomacy');
    const first = await upsertShippedReading(shipped);
    const second = await upsertShippedReading(shipped);
    expect(second.id).toBe(first.id);
    const db = await getDb();
    expect(await db.select().from(readings)).toHaveLength(1);
    expect((await db.select().from(glossaryTerms)).length).toBe(shipped.glossary.length);
    expect(first.status).toBe('published');
    expect(first.sections.map((s) => s.title)[0]).toBe('The expulsions, and a question');
  });

  it('has a glossary covering the terms students meet in the essay', () => {
    const { glossary, notes } = loadShippedReading('burns-lead-with-diplomacy');
    const terms = glossary.map((g) => [g.term, ...g.aliases].join(' ').toLowerCase()).join(' | ');
    for (const needed of [
      'skripal',
      'expel',
      'opcw',
      'sanctions',
      'congress',
      'asymmetric',
      'revanchism',
      'crony',
      'foreign direct investment',
      'covert action',
      'brexit',
      'iranian nuclear',
      'grand bargain',
    ]) {
      expect(terms, needed).toContain(needed);
    }
    expect(notes.some((n) => /Burns/.test(n.body) && /ambassador to Russia/.test(n.body))).toBe(true);
  });
});

describe('reading progress', () => {
  it('saves the place, and never moves the furthest point or the sections read backwards', async () => {
    const student = await user('progress@example.org');
    const reading = await upsertShippedReading(loadShippedReading('burns-lead-with-diplomacy'));
    const first = await saveReadingProgress({
      userId: student.id,
      readingId: reading.id,
      lastParagraphId: 'p9',
      furthestParagraph: 9,
      sectionsRead: ['sec1', 'sec2', 'sec3'],
      completed: false,
    });
    expect(first.firstSave).toBe(true);
    // A stale second tab reports an earlier place.
    const second = await saveReadingProgress({
      userId: student.id,
      readingId: reading.id,
      lastParagraphId: 'p2',
      furthestParagraph: 2,
      sectionsRead: ['sec1'],
      completed: false,
    });
    expect(second.firstSave).toBe(false);
    const progress = await getReadingProgress({ userId: student.id, readingId: reading.id });
    expect(progress).toMatchObject({
      lastParagraphId: 'p2',
      furthestParagraph: 9,
      sectionsRead: ['sec1', 'sec2', 'sec3'],
      completedAt: null,
    });
    await saveReadingProgress({
      userId: student.id,
      readingId: reading.id,
      lastParagraphId: 'p16',
      furthestParagraph: 16,
      sectionsRead: ['sec5'],
      completed: true,
    });
    const done = await getReadingProgress({ userId: student.id, readingId: reading.id });
    expect(done?.sectionsRead).toEqual(['sec1', 'sec2', 'sec3', 'sec5']);
    expect(done?.completedAt).toBeInstanceOf(Date);
  });

  it('keeps each student to their own progress', async () => {
    const a = await user('a-progress@example.org');
    const b = await user('b-progress@example.org');
    const reading = await upsertShippedReading(loadShippedReading('burns-lead-with-diplomacy'));
    await saveReadingProgress({
      userId: a.id,
      readingId: reading.id,
      lastParagraphId: 'p5',
      furthestParagraph: 5,
      sectionsRead: [],
      completed: false,
    });
    expect(await getReadingProgress({ userId: b.id, readingId: reading.id })).toBeNull();
  });
});

describe('highlights', () => {
  it('keeps one highlight per sentence, updates its note, and lets only its owner remove it', async () => {
    const owner = await user('owner@example.org');
    const other = await user('other@example.org');
    const reading = await upsertShippedReading(loadShippedReading('burns-lead-with-diplomacy'));
    const first = await saveHighlight({
      userId: owner.id,
      readingId: reading.id,
      sentenceId: 'p9.s1',
      note: null,
    });
    const again = await saveHighlight({
      userId: owner.id,
      readingId: reading.id,
      sentenceId: 'p9.s1',
      note: 'his loneliness',
    });
    expect(again.id).toBe(first.id);
    expect(await listHighlights({ userId: owner.id, readingId: reading.id })).toMatchObject([
      { sentenceId: 'p9.s1', note: 'his loneliness' },
    ]);
    expect(await listHighlights({ userId: other.id, readingId: reading.id })).toEqual([]);
    expect(await deleteHighlight({ userId: other.id, highlightId: first.id })).toBe(false);
    expect(await deleteHighlight({ userId: owner.id, highlightId: first.id })).toBe(true);
    expect(await listHighlights({ userId: owner.id, readingId: reading.id })).toEqual([]);
  });
});

describe('drafts', () => {
  it('are visible and editable by their creator alone until published', async () => {
    const author = await user('author@example.org');
    const student = await user('student@example.org');
    const parsed = parseReading({
      text: 'Coalitions\n\nAllies share the costs of pressure.',
      format: 'text',
    });
    const draft = await createReadingDraft({ createdBy: author.id, parsed });
    const twin = await createReadingDraft({ createdBy: author.id, parsed });
    expect(draft.slug).toBe('coalitions');
    expect(twin.slug).toMatch(/^coalitions-[0-9a-f]{6}$/);
    expect(mayViewReading({ id: author.id }, draft)).toBe(true);
    expect(mayViewReading({ id: student.id }, draft)).toBe(false);
    expect(mayEditReading({ id: student.id }, draft)).toBe(false);
    expect((await listVisibleReadings({ userId: student.id })).map((r) => r.id)).not.toContain(draft.id);
    expect((await listVisibleReadings({ userId: author.id })).map((r) => r.id)).toContain(draft.id);
    expect(mayViewReading({ id: student.id }, { ...draft, status: 'published' })).toBe(true);
    expect(mayEditReading({ id: author.id }, { createdBy: null })).toBe(false);
  });
});

describe('quoting a reading without loading it', () => {
  it('finds sentences by id with their paragraph numbers, and the sentence order, inside the database', async () => {
    const shipped = loadShippedReading('burns-lead-with-diplomacy');
    const reading = await upsertShippedReading(shipped);
    const inOrder = shipped.reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
    expect(await getSentenceOrder({ readingId: reading.id })).toEqual(inOrder);

    const third = shipped.reading.paragraphs[2]!;
    const last = shipped.reading.paragraphs.at(-1)!;
    const wanted = [last.sentences[0]!.id, third.sentences.at(-1)!.id, 'p999.s1', third.sentences.at(-1)!.id];
    const found = await getSentences({ readingId: reading.id, ids: wanted });
    expect([...found.keys()].sort()).toEqual([last.sentences[0]!.id, third.sentences.at(-1)!.id].sort());
    expect(found.get(third.sentences.at(-1)!.id)).toEqual({
      text: third.sentences.at(-1)!.text,
      paragraph: 3,
    });
    expect(found.get(last.sentences[0]!.id)?.paragraph).toBe(shipped.reading.paragraphs.length);
    expect((await getSentences({ readingId: 'no-such-reading', ids: wanted })).size).toBe(0);
    expect((await getReadingSummary({ id: reading.id }))?.title).toBe(reading.title);
    expect(await getReadingSummary({ id: reading.id })).not.toHaveProperty('paragraphs');
  });
});
