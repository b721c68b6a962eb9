import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { setQuestionStatus } from '@/db/queries/questions';
import {
  createReadingDraft,
  getReadingHeadBySlug,
  saveContextNote,
  saveGlossaryTerm,
  updateReadingDetails,
} from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { glossaryTerms, quizzes, readings } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { seedShippedReadings } from '@/lib/seed';
import { parseReading } from '@/questions/reading/parse';
import { keptReadingToView, type ReadingPageShared, readingPageShared } from './reading-page';

setUpTestDatabase();

const SLUG = 'burns-lead-with-diplomacy';
let reviewerId: string;

beforeAll(async () => {
  await seedShippedReadings();
  reviewerId = (await insertUser({ email: 'reviewer@reading-page.test', name: 'Reviewer' }))!.id;
});

const head = async () => (await getReadingHeadBySlug({ slug: SLUG }))!;
/** The kept part as a request now finds it. */
const current = async () => (await readingPageShared(await head()))!;
const guidedIds = (shared: ReadingPageShared) => [...shared.guided.values()].flat().map((q) => q.id);

describe("the reading page's kept part", () => {
  it('is read once while the reading is unchanged', async () => {
    const first = await current();
    expect(await current()).toBe(first);
    expect(first.paragraphs.length).toBeGreaterThan(5);
    expect(guidedIds(first).length).toBeGreaterThan(0);
  });

  it('is read again after any change to what the page shows, and shows the change', async () => {
    const readingId = (await head()).id;
    const db = await getDb();
    let withdrawn = '';
    const changes: [string, () => Promise<unknown>, (shared: ReadingPageShared) => boolean][] = [
      [
        'a glossary term added',
        () =>
          saveGlossaryTerm({ readingId, term: 'détente', definition: 'An easing of tension.', aliases: [] }),
        (s) => s.glossary.some((g) => g.term === 'détente'),
      ],
      [
        'a glossary term changed elsewhere than through the app',
        () =>
          db
            .update(glossaryTerms)
            .set({ definition: 'A relaxing of strained relations.' })
            .where(eq(glossaryTerms.term, 'détente')),
        (s) => s.glossary.some((g) => g.definition === 'A relaxing of strained relations.'),
      ],
      [
        'a context note added',
        () =>
          saveContextNote({ readingId, paragraphId: 'p2', title: 'Salisbury', body: 'Where it happened.' }),
        (s) => s.notes.some((n) => n.title === 'Salisbury'),
      ],
      [
        'a guided question withdrawn',
        async () => {
          withdrawn = guidedIds(await current())[0]!;
          await setQuestionStatus({ ids: [withdrawn], status: 'draft', reviewerId });
        },
        (s) => !guidedIds(s).includes(withdrawn),
      ],
      [
        "the reading's title",
        () => updateReadingDetails({ readingId, details: { title: 'Answer Russia with diplomacy' } }),
        (s) => s.header.title === 'Answer Russia with diplomacy',
      ],
      [
        'its default quiz removed',
        () => db.update(quizzes).set({ isDefault: false }).where(eq(quizzes.readingId, readingId)),
        (s) => s.quizId === null,
      ],
    ];
    for (const [change, make, shows] of changes) {
      const before = await current();
      await make();
      const now = await head();
      expect(now.revision, change).toBeGreaterThan(before.reading.revision);
      const after = (await readingPageShared(now))!;
      expect(after, change).not.toBe(before);
      expect(shows(after), change).toBe(true);
      expect(shows(before), change).toBe(false);
    }
  });

  it('lets a reading with a glossary and notes be deleted', async () => {
    const owner = (await insertUser({ email: 'owner@reading-page.test', name: 'Owner' }))!;
    const parsed = parseReading({
      text: 'A short reading\n\nDiplomacy is slow. Coalitions endure.\n\nSanctions bite.',
      format: 'text',
    });
    const draft = await createReadingDraft({ createdBy: owner.id, parsed });
    await saveGlossaryTerm({
      readingId: draft.id,
      term: 'coalition',
      definition: 'Allies acting together.',
      aliases: [],
    });
    await saveContextNote({ readingId: draft.id, paragraphId: 'p1', title: 'Note', body: 'A note.' });
    const db = await getDb();
    const draftHead = (await getReadingHeadBySlug({ slug: draft.slug }))!;
    await db.delete(readings).where(eq(readings.id, draft.id));
    expect(await db.select().from(glossaryTerms).where(eq(glossaryTerms.readingId, draft.id))).toEqual([]);
    // A page that read the head just before the delete finds nothing, rather than failing.
    expect(await readingPageShared(draftHead)).toBeNull();
    expect(await keptReadingToView(owner, draft.slug)).toMatchObject({ status: 'not-found' });
  });
});
