import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, watchQueries } from '@/db';
import { upsertShippedReading } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { type QuestionRow, questions } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { sortBankRows } from '@/lib/question-bank/bank-order';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import type { Question } from '@/questions/schema';
import {
  BANK_ORDERS,
  copyId,
  GENERATED_BATCH_ROWS,
  insertGeneratedQuestions,
  listBankPage,
  listReadingQuestions,
  setQuestionStatus,
} from './questions';

setUpTestDatabase();

const SLUG = 'burns-lead-with-diplomacy';

/**
 * As many generated questions as a long reading gives, made from the authored Burns bank: every
 * type, qualities with ties and gaps (a question without an estimate), evidence all over the text.
 */
function generatedBank(count: number, sentenceIds: string[], prefix = 'gen'): Question[] {
  const authored = loadAuthoredBank(SLUG);
  return Array.from({ length: count }, (_, i) => {
    const q = authored[i % authored.length]!;
    return {
      ...q,
      id: `${prefix}-${String(i).padStart(4, '0')}`,
      source: 'generated',
      status: 'draft',
      quality: i % 9 === 0 ? undefined : ((i * 37) % 40) / 40 + 0.2,
      evidence: [sentenceIds[(i * 13) % sentenceIds.length]!, sentenceIds[(i * 7) % sentenceIds.length]!],
    } as Question;
  });
}

async function setUp() {
  const reading = await upsertShippedReading(loadShippedReading(SLUG));
  const sentenceIds = reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
  return { reading, sentenceIds };
}

describe('storing generated questions', () => {
  it('stores every draft of a large generation in batches, and a second run adds only what is new', async () => {
    const { reading, sentenceIds } = await setUp();
    const reviewer = (await insertUser({ email: 'reviewer@questions.test', name: 'Reviewer' }))!;
    // More than three batches, the last one short.
    const generated = generatedBank(GENERATED_BATCH_ROWS * 3 + 17, sentenceIds);
    expect(await insertGeneratedQuestions({ readingId: reading.id, generated })).toBe(generated.length);
    const stored = await listReadingQuestions({ readingId: reading.id, statuses: ['draft'] });
    expect(stored.map((r) => r.id).sort()).toEqual(generated.map((q) => q.id).sort());
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const q of generated) {
      const row = byId.get(q.id)!;
      expect(row.data).toEqual({ ...q, status: 'draft' });
      expect([row.type, row.skill, row.source, row.ownerId]).toEqual([q.type, q.skill, 'generated', null]);
    }

    // A reviewed question keeps its review when the same question is generated again.
    await setQuestionStatus({ ids: [generated[5]!.id], status: 'approved', reviewerId: reviewer.id });
    const again = [...generated, ...generatedBank(3, sentenceIds, 'new')];
    expect(await insertGeneratedQuestions({ readingId: reading.id, generated: again })).toBe(3);
    const after = await listReadingQuestions({ readingId: reading.id });
    expect(after).toHaveLength(generated.length + 3);
    expect(after.find((r) => r.id === generated[5]!.id)?.status).toBe('approved');
  });

  it('leaves the thread to a request between two statements, however many turns of the event loop it takes to reach its query', async () => {
    const { reading, sentenceIds } = await setUp();
    const generated = generatedBank(GENERATED_BATCH_ROWS * 8, sentenceIds, 'paced');
    const db = await getDb();
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const order: ('insert' | 'request')[] = [];
    const stop = watchQueries((query) => {
      if (query.startsWith('insert into "question"')) order.push('insert');
      else if (query === 'select 1 as request') order.push('request');
    });
    try {
      const storing = insertGeneratedQuestions({ readingId: reading.id, generated });
      while (!order.includes('insert')) await turn();
      // A request arrives while drafts are being stored, and (as a route handler does) takes a few
      // turns of the event loop before it sends its own query.
      const arrived = order.length;
      for (let i = 0; i < 6; i++) await turn();
      await db.execute(sql`select 1 as request`);
      expect(await storing).toBe(generated.length);
      const waitedBehind = order.slice(arrived, order.indexOf('request')).length;
      expect(order.filter((q) => q === 'insert')).toHaveLength(8);
      // At most the statement that started as it arrived; with a single turn between statements
      // it would wait behind one for each of its turns.
      expect(waitedBehind).toBeLessThanOrEqual(1);
    } finally {
      stop();
    }
  });

  it("stores an instructor's copy under ids of its own", async () => {
    const { reading, sentenceIds } = await setUp();
    const owner = (await insertUser({ email: 'copy-owner@questions.test', name: 'Owner' }))!;
    const generated = generatedBank(GENERATED_BATCH_ROWS + 1, sentenceIds, 'copy');
    expect(await insertGeneratedQuestions({ readingId: reading.id, ownerId: owner.id, generated })).toBe(
      generated.length,
    );
    const copy = await listReadingQuestions({ readingId: reading.id, ownerId: owner.id });
    expect(copy.map((r) => r.id).sort()).toEqual(generated.map((q) => copyId(q.id, owner.id)).sort());
    expect(copy.every((r) => r.ownerId === owner.id && r.data.id === r.id)).toBe(true);
  });
});

describe('a page of the question bank', () => {
  it('gives, page after page, the bank in the order the bank lists it, filtered and counted by the database', async () => {
    const db = await getDb();
    await db.delete(questions);
    const { reading, sentenceIds } = await setUp();
    const reviewer = (await insertUser({ email: 'pager@questions.test', name: 'Pager' }))!;
    const generated = generatedBank(130, sentenceIds);
    await insertGeneratedQuestions({ readingId: reading.id, generated });
    // Some approved and some rejected, so that the status groups show in the order.
    await setQuestionStatus({
      ids: generated.filter((_, i) => i % 4 === 1).map((q) => q.id),
      status: 'approved',
      reviewerId: reviewer.id,
    });
    await setQuestionStatus({
      ids: generated.filter((_, i) => i % 10 === 3).map((q) => q.id),
      status: 'retired',
      reviewerId: reviewer.id,
    });
    const rows = await listReadingQuestions({ readingId: reading.id });
    const pageSize = 25;

    const walk = async (order: (typeof BANK_ORDERS)[number], filter = {}) => {
      const seen: QuestionRow[] = [];
      for (let page = 1; ; page++) {
        const listed = await listBankPage({
          readingId: reading.id,
          filter,
          order,
          sentenceOrder: sentenceIds,
          page,
          pageSize,
        });
        expect(listed.page).toBe(page);
        expect(listed.rows.length).toBeLessThanOrEqual(pageSize);
        seen.push(...listed.rows);
        if (page === listed.pageCount) return { seen, total: listed.total, pageCount: listed.pageCount };
      }
    };

    for (const order of BANK_ORDERS) {
      const { seen, total, pageCount } = await walk(order);
      expect(total).toBe(rows.length);
      expect(pageCount).toBe(Math.ceil(rows.length / pageSize));
      expect(
        seen.map((r) => r.id),
        order,
      ).toEqual(sortBankRows(rows, order, sentenceIds).map((r) => r.id));
    }

    const approvedCloze = rows.filter((r) => r.status === 'approved' && r.type === 'cloze');
    const filtered = await walk('quality', { status: 'approved', type: 'cloze' });
    expect(filtered.total).toBe(approvedCloze.length);
    expect(filtered.seen.map((r) => r.id)).toEqual(sortBankRows(approvedCloze, 'quality').map((r) => r.id));

    // A page past the last shows the last; an empty bank has one empty page.
    const past = await listBankPage({ readingId: reading.id, order: 'quality', page: 99, pageSize });
    expect([past.page, past.rows.length]).toEqual([6, rows.length - 5 * pageSize]);
    const none = await listBankPage({ readingId: crypto.randomUUID(), order: 'type', page: 3, pageSize });
    expect(none).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});
