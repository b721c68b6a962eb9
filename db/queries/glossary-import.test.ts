import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { insertUser } from '@/db/queries/users';
import { glossaryTerms } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { parseReading } from '@/questions/reading/parse';
import { createReadingDraft, importGlossaryTerms, listGlossary, saveGlossaryTerm } from './readings';

setUpTestDatabase();

async function draftWithTerm() {
  const author = (await insertUser({
    email: `teacher-${crypto.randomUUID()}@example.org`,
    name: 'teacher',
  }))!;
  const parsed = parseReading({ text: 'Pressure\n\nEmbargoes rarely topple a regime.', format: 'text' });
  const reading = await createReadingDraft({ createdBy: author.id, parsed });
  await saveGlossaryTerm({
    readingId: reading.id,
    term: 'Embargo',
    definition: 'Old wording.',
    aliases: ['embargo'],
  });
  return reading;
}

describe('importGlossaryTerms', () => {
  it('adds new terms and skips the ones the glossary has, in any case', async () => {
    const reading = await draftWithTerm();
    const counts = await importGlossaryTerms({
      readingId: reading.id,
      duplicates: 'skip',
      terms: [
        { term: 'embargo', definition: 'A ban on trade with a country.', aliases: ['Embargoes'] },
        { term: 'regime', definition: 'A government, often an unelected one.', aliases: [] },
      ],
    });
    expect(counts).toEqual({ added: 1, replaced: 0, skipped: 1 });
    const glossary = await listGlossary({ readingId: reading.id });
    expect(glossary.map((g) => [g.term, g.definition])).toEqual([
      ['Embargo', 'Old wording.'],
      ['regime', 'A government, often an unelected one.'],
    ]);
  });

  it('replaces a duplicate definition and merges its other forms', async () => {
    const reading = await draftWithTerm();
    const counts = await importGlossaryTerms({
      readingId: reading.id,
      duplicates: 'replace',
      terms: [{ term: 'EMBARGO', definition: 'A ban on trade with a country.', aliases: ['Embargoes'] }],
    });
    expect(counts).toEqual({ added: 0, replaced: 1, skipped: 0 });
    const [row] = await listGlossary({ readingId: reading.id });
    expect(row).toMatchObject({
      term: 'Embargo',
      definition: 'A ban on trade with a country.',
      aliases: ['embargo', 'Embargoes'],
    });
  });

  it('writes nothing when one row fails', async () => {
    const reading = await draftWithTerm();
    await expect(
      importGlossaryTerms({
        readingId: reading.id,
        duplicates: 'skip',
        terms: [
          { term: 'regime', definition: 'A government.', aliases: [] },
          // A null definition breaks the NOT NULL constraint inside the transaction.
          { term: 'topple', definition: null as unknown as string, aliases: [] },
        ],
      }),
    ).rejects.toThrow();
    const db = await getDb();
    expect(await db.select().from(glossaryTerms).where(eq(glossaryTerms.readingId, reading.id))).toHaveLength(
      1,
    );
  });

  it('refuses a list or a term past the bounds of a glossary, and writes nothing (every form is marked on every view)', async () => {
    const reading = await draftWithTerm();
    const most = { terms: 3, aliases: 2 };
    const term = (t: string) => ({ term: t, definition: `About ${t}.`, aliases: [] });
    expect(
      await importGlossaryTerms({
        readingId: reading.id,
        duplicates: 'skip',
        most,
        terms: [term('a'), term('b'), term('c')],
      }),
    ).toBe('full');
    expect(await listGlossary({ readingId: reading.id })).toHaveLength(1);
    expect(
      await importGlossaryTerms({
        readingId: reading.id,
        duplicates: 'skip',
        most,
        terms: [term('a'), term('b')],
      }),
    ).toEqual({
      added: 2,
      replaced: 0,
      skipped: 0,
    });
    expect(await saveGlossaryTerm({ readingId: reading.id, ...term('d'), mostTerms: 3 })).toBe('full');
    // Merged forms stay within the bound.
    await importGlossaryTerms({
      readingId: reading.id,
      duplicates: 'replace',
      most,
      terms: [{ term: 'Embargo', definition: 'New.', aliases: ['embargoes', 'embargoed', 'embargoing'] }],
    });
    const embargo = (await listGlossary({ readingId: reading.id })).find((t) => t.term === 'Embargo');
    expect(embargo?.aliases).toHaveLength(2);
  });
});
