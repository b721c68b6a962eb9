import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '@/db/test-database';
import { readRemovalReceipt, removalReceipt, UNDO_WINDOW_MS } from './removal';

setUpTestDatabase();

const removal = {
  classId: 'class-a',
  userId: 'student-1',
  joinedAt: new Date('2026-09-01T10:00:00Z'),
  removedAt: new Date('2026-12-01T10:00:00Z'),
};

describe('a removal receipt', () => {
  it('undoes the removal it records, within a day, in its own class only', async () => {
    const token = await removalReceipt(removal);
    const soon = new Date(removal.removedAt.getTime() + 60_000);
    expect(await readRemovalReceipt(token, 'class-a', soon)).toEqual(removal);
    expect(await readRemovalReceipt(token, 'class-b', soon)).toBeNull();
    const late = new Date(removal.removedAt.getTime() + UNDO_WINDOW_MS + 1);
    expect(await readRemovalReceipt(token, 'class-a', late)).toBeNull();
  });

  it('cannot be altered to put back someone else', async () => {
    const token = await removalReceipt(removal);
    const [, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ c: 'class-a', u: 'someone-else', j: 0, r: removal.removedAt.getTime() }),
    ).toString('base64url');
    const now = new Date(removal.removedAt.getTime() + 1000);
    expect(await readRemovalReceipt(`${forged}.${signature}`, 'class-a', now)).toBeNull();
    expect(await readRemovalReceipt('garbage', 'class-a', now)).toBeNull();
    expect(await readRemovalReceipt(`${token}.extra`, 'class-a', now)).toBeNull();
  });
});
