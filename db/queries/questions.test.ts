import { describe, expect, it } from 'vitest';
import { upsertShippedReading } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import type { Question } from '@/questions/schema';
import {
  copyId,
  GENERATED_BATCH_ROWS,
  insertGeneratedQuestions,
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
