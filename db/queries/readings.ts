import 'server-only';
import { and, asc, count, desc, eq, getTableColumns, isNull, notInArray, or, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation } from '@/db';
import {
  contextNotes,
  glossaryTerms,
  highlights,
  type Reading,
  readingProgress,
  readings,
} from '@/db/schema';
import { GLOSSARY_MOST } from '@/questions/glossary/term-list';
import type { ParsedReading, ReadingSection } from '@/questions/reading/types';

/** A reading that ships in content/ as lib/reading/content.ts loads it. */
export type ShippedReading = {
  slug: string;
  guidedMode: boolean;
  reading: ParsedReading;
  glossary: { term: string; definition: string; aliases: string[] }[];
  notes: { paragraphId: string; title: string; body: string }[];
};

// ---- Reading ----

/** A reading without its text: what a page about a reading, rather than of it, needs. */
export type ReadingSummary = Omit<Reading, 'paragraphs' | 'sections' | 'issuedIds'>;
const {
  paragraphs: _text,
  sections: _sections,
  issuedIds: _issued,
  ...summaryColumns
} = getTableColumns(readings);

export async function getReadingSummary({ id }: { id: string }): Promise<ReadingSummary | null> {
  const db = await getDb();
  const [row] = await db.select(summaryColumns).from(readings).where(eq(readings.id, id)).limit(1);
  return row ?? null;
}

/** Every sentence of every reading as a row: `p.n` its paragraph's number, `s.m` its place in it. */
const sentenceRows = sql`${readings} r,
  jsonb_array_elements(r.paragraphs) with ordinality as p(paragraph, n),
  jsonb_array_elements(p.paragraph -> 'sentences') with ordinality as s(sentence, m)`;

/**
 * Some of a reading's sentences, each with its paragraph's number (from 1), picked inside the
 * database: a page that quotes a few sentences of a 25,000-word reading never loads the text.
 */
export async function getSentences({
  readingId,
  ids,
}: {
  readingId: string;
  ids: string[];
}): Promise<Map<string, { text: string; paragraph: number }>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      id: sql<string>`s.sentence ->> 'id'`,
      text: sql<string>`s.sentence ->> 'text'`,
      paragraph: sql<number>`p.n::int`,
    })
    .from(sentenceRows)
    .where(
      sql`r.id = ${readingId} and s.sentence ->> 'id' in (select jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))`,
    );
  return new Map(rows.map((r) => [r.id, { text: r.text, paragraph: Number(r.paragraph) }]));
}

/** A reading's sentence ids in reading order, read inside the database. */
export async function getSentenceOrder({ readingId }: { readingId: string }): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: sql<string>`s.sentence ->> 'id'` })
    .from(sentenceRows)
    .where(sql`r.id = ${readingId}`)
    .orderBy(sql`p.n`, sql`s.m`);
  return rows.map((r) => r.id);
}

export async function getReadingBySlug({ slug }: { slug: string }): Promise<Reading | null> {
  const db = await getDb();
  const [row] = await db.select().from(readings).where(eq(readings.slug, slug)).limit(1);
  return row ?? null;
}

/** What deciding who may see a reading, and whether a kept copy of its page is current, needs. */
export type ReadingHead = Pick<Reading, 'id' | 'slug' | 'title' | 'status' | 'createdBy' | 'revision'>;

export async function getReadingHeadBySlug({ slug }: { slug: string }): Promise<ReadingHead | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: readings.id,
      slug: readings.slug,
      title: readings.title,
      status: readings.status,
      createdBy: readings.createdBy,
      revision: readings.revision,
    })
    .from(readings)
    .where(eq(readings.slug, slug))
    .limit(1);
  return row ?? null;
}

export async function getReadingById({ id }: { id: string }): Promise<Reading | null> {
  const db = await getDb();
  const [row] = await db.select().from(readings).where(eq(readings.id, id)).limit(1);
  return row ?? null;
}

/** Published readings, and this user's own drafts. */
export async function listVisibleReadings({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      id: readings.id,
      slug: readings.slug,
      title: readings.title,
      author: readings.author,
      status: readings.status,
      readingMinutes: readings.readingMinutes,
      createdBy: readings.createdBy,
      paragraphCount: sql<number>`coalesce(${readings.paragraphCount}, 0)`.mapWith(Number),
      furthestParagraph: readingProgress.furthestParagraph,
      completedAt: readingProgress.completedAt,
    })
    .from(readings)
    .leftJoin(
      readingProgress,
      and(eq(readingProgress.readingId, readings.id), eq(readingProgress.userId, userId)),
    )
    .where(or(eq(readings.status, 'published'), eq(readings.createdBy, userId)))
    .orderBy(asc(readings.title));
}

export async function listReadingsByCreator({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      id: readings.id,
      slug: readings.slug,
      title: readings.title,
      status: readings.status,
      wordCount: readings.wordCount,
      updatedAt: readings.updatedAt,
    })
    .from(readings)
    .where(eq(readings.createdBy, userId))
    .orderBy(desc(readings.updatedAt));
}

function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'reading';
}

/** A new draft owned by its creator; the slug is made unique with a short suffix when needed. */
export async function createReadingDraft({
  createdBy,
  parsed,
}: {
  createdBy: string;
  parsed: ParsedReading;
}) {
  const db = await getDb();
  const base = slugify(parsed.title);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${crypto.randomUUID().slice(0, 6)}`;
    const [row] = await db
      .insert(readings)
      .values({
        slug,
        title: parsed.title,
        author: parsed.author,
        authorNote: parsed.authorNote,
        source: parsed.source,
        publishedOn: parsed.publishedOn,
        status: 'draft',
        createdBy,
        paragraphs: parsed.paragraphs,
        sections: parsed.sections,
        issuedIds: parsed.issuedIds ?? null,
        wordCount: parsed.wordCount,
        readingMinutes: parsed.readingMinutes,
      })
      .onConflictDoNothing({ target: readings.slug })
      .returning();
    if (row) return row;
  }
  throw new Error('Could not find a free slug for the reading.');
}

export async function updateReadingDetails({
  readingId,
  details,
}: {
  readingId: string;
  details: Partial<
    Pick<Reading, 'title' | 'author' | 'authorNote' | 'source' | 'publishedOn' | 'guidedMode' | 'status'>
  > & {
    sections?: ReadingSection[];
  };
}) {
  const db = await getDb();
  await db
    .update(readings)
    .set({ ...details, updatedAt: new Date() })
    .where(eq(readings.id, readingId));
}

/** A reading's new text after a paragraph edit, and where the context notes beside it go. */
export type ReadingTextChange = Pick<
  Reading,
  'paragraphs' | 'sections' | 'wordCount' | 'readingMinutes' | 'issuedIds'
> & {
  /** Notes beside a paragraph that is gone move beside another one: [from, to]. */
  moveNotes: [string, string][];
};

/**
 * Changes a reading's text under a lock on its row: `change` gets the row as it is now (another
 * edit waits) and returns the new text, or throws to change nothing. Answers the updated row.
 */
export async function changeReadingText({
  readingId,
  change,
}: {
  readingId: string;
  change: (current: Reading) => ReadingTextChange;
}): Promise<Reading | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(readings).where(eq(readings.id, readingId)).for('update');
    if (!current) return null;
    const { moveNotes, ...text } = change(current);
    const [row] = await tx
      .update(readings)
      .set({ ...text, updatedAt: new Date() })
      .where(eq(readings.id, readingId))
      .returning();
    for (const [from, to] of moveNotes) {
      await tx
        .update(contextNotes)
        .set({ paragraphId: to })
        .where(and(eq(contextNotes.readingId, readingId), eq(contextNotes.paragraphId, from)));
    }
    return row ?? null;
  });
}

/** Creates or refreshes a reading that ships with the app (content/), with its glossary and notes. */
export async function upsertShippedReading(shipped: ShippedReading): Promise<Reading> {
  const db = await getDb();
  const { reading } = shipped;
  const values = {
    slug: shipped.slug,
    title: reading.title,
    author: reading.author,
    authorNote: reading.authorNote,
    source: reading.source,
    publishedOn: reading.publishedOn,
    status: 'published' as const,
    createdBy: null,
    paragraphs: reading.paragraphs,
    sections: reading.sections,
    wordCount: reading.wordCount,
    readingMinutes: reading.readingMinutes,
    guidedMode: shipped.guidedMode,
  };
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(readings).where(eq(readings.slug, shipped.slug)).limit(1);
    let row: Reading;
    if (!existing) {
      [row] = (await tx.insert(readings).values(values).returning()) as [Reading];
    } else if (existing.createdBy !== null) {
      throw new Error(`A user's reading already uses the slug "${shipped.slug}".`);
    } else {
      [row] = (await tx
        .update(readings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(readings.id, existing.id))
        .returning()) as [Reading];
    }
    // Terms keep their ids across restarts: students' flashcards point at them.
    const terms = shipped.glossary.map((g) => g.term);
    await tx
      .delete(glossaryTerms)
      .where(
        and(
          eq(glossaryTerms.readingId, row.id),
          terms.length ? notInArray(glossaryTerms.term, terms) : undefined,
        ),
      );
    if (shipped.glossary.length) {
      await tx
        .insert(glossaryTerms)
        .values(shipped.glossary.map((g) => ({ ...g, readingId: row.id })))
        .onConflictDoUpdate({
          target: [glossaryTerms.readingId, glossaryTerms.term],
          set: { definition: sql`excluded.definition`, aliases: sql`excluded.aliases` },
        });
    }
    await tx.delete(contextNotes).where(eq(contextNotes.readingId, row.id));
    if (shipped.notes.length) {
      await tx
        .insert(contextNotes)
        .values(shipped.notes.map((n, position) => ({ ...n, position, readingId: row.id })));
    }
    return row;
  });
}

// ---- Glossary and notes ----

export async function listGlossary({ readingId }: { readingId: string }) {
  const db = await getDb();
  return db
    .select()
    .from(glossaryTerms)
    .where(eq(glossaryTerms.readingId, readingId))
    .orderBy(asc(glossaryTerms.term));
}

export async function listNotes({ readingId }: { readingId: string }) {
  const db = await getDb();
  return db
    .select()
    .from(contextNotes)
    .where(eq(contextNotes.readingId, readingId))
    .orderBy(asc(contextNotes.position), asc(contextNotes.title));
}

/**
 * A glossary edit moves the reading's updatedAt: a flashcard shows its term, and the Anki export
 * (lib/srs/anki-export.ts) dates a note by it, so Anki takes the new definition on re-import.
 */
async function glossaryChanged(db: Pick<Awaited<ReturnType<typeof getDb>>, 'update'>, readingId: string) {
  await db.update(readings).set({ updatedAt: new Date() }).where(eq(readings.id, readingId));
}

export async function saveGlossaryTerm({
  readingId,
  id,
  term,
  definition,
  aliases,
  mostTerms = GLOSSARY_MOST.terms,
}: {
  readingId: string;
  id?: string;
  term: string;
  definition: string;
  aliases: string[];
  /** Terms a reading's glossary may hold: a new one past this is refused. */
  mostTerms?: number;
}): Promise<'saved' | 'duplicate' | 'not-found' | 'full'> {
  const db = await getDb();
  try {
    if (id) {
      const updated = await db
        .update(glossaryTerms)
        .set({ term, definition, aliases })
        .where(and(eq(glossaryTerms.id, id), eq(glossaryTerms.readingId, readingId)))
        .returning({ id: glossaryTerms.id });
      if (updated.length === 0) return 'not-found';
      await glossaryChanged(db, readingId);
      return 'saved';
    }
    const [{ terms } = { terms: 0 }] = await db
      .select({ terms: count() })
      .from(glossaryTerms)
      .where(eq(glossaryTerms.readingId, readingId));
    if (terms >= mostTerms) return 'full';
    const inserted = await db
      .insert(glossaryTerms)
      .values({ readingId, term, definition, aliases })
      .onConflictDoNothing()
      .returning({ id: glossaryTerms.id });
    if (inserted.length === 0) return 'duplicate';
    await glossaryChanged(db, readingId);
    return 'saved';
  } catch (error) {
    // Renaming a term to one the glossary already has.
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

/**
 * Adds a list of terms in one transaction: a term the glossary already has (in any case) is
 * skipped, or has its definition replaced and its other forms merged; nothing is half written.
 */
export async function importGlossaryTerms({
  readingId,
  terms,
  duplicates,
  most = GLOSSARY_MOST,
}: {
  readingId: string;
  terms: { term: string; definition: string; aliases: string[] }[];
  duplicates: 'skip' | 'replace';
  /** Terms the glossary may hold, and forms a term may have: a list past them adds nothing. */
  most?: { terms: number; aliases: number };
}): Promise<{ added: number; replaced: number; skipped: number } | 'full'> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: glossaryTerms.id, term: glossaryTerms.term, aliases: glossaryTerms.aliases })
      .from(glossaryTerms)
      .where(eq(glossaryTerms.readingId, readingId));
    const byTerm = new Map(existing.map((row) => [row.term.toLowerCase(), row]));
    const newTerms = new Set(terms.map((t) => t.term.toLowerCase()).filter((t) => !byTerm.has(t)));
    if (existing.length + newTerms.size > most.terms) return 'full';
    const counts = { added: 0, replaced: 0, skipped: 0 };
    const fresh: typeof terms = [];
    for (const entry of terms) {
      const row = byTerm.get(entry.term.toLowerCase());
      if (!row) {
        fresh.push(entry);
        continue;
      }
      if (duplicates === 'skip') {
        counts.skipped++;
        continue;
      }
      const aliases = [...new Set([...row.aliases, ...entry.aliases])].slice(0, most.aliases);
      await tx
        .update(glossaryTerms)
        .set({ definition: entry.definition, aliases })
        .where(and(eq(glossaryTerms.id, row.id), eq(glossaryTerms.readingId, readingId)));
      counts.replaced++;
    }
    if (fresh.length > 0) {
      const inserted = await tx
        .insert(glossaryTerms)
        .values(fresh.map((entry) => ({ ...entry, readingId })))
        .onConflictDoNothing()
        .returning({ id: glossaryTerms.id });
      counts.added = inserted.length;
      counts.skipped += fresh.length - inserted.length;
    }
    if (counts.added + counts.replaced > 0) await glossaryChanged(tx, readingId);
    return counts;
  });
}

export async function deleteGlossaryTerm({ readingId, id }: { readingId: string; id: string }) {
  const db = await getDb();
  await db.delete(glossaryTerms).where(and(eq(glossaryTerms.id, id), eq(glossaryTerms.readingId, readingId)));
}

export async function saveContextNote({
  readingId,
  id,
  paragraphId,
  title,
  body,
}: {
  readingId: string;
  id?: string;
  paragraphId: string;
  title: string;
  body: string;
}): Promise<boolean> {
  const db = await getDb();
  if (id) {
    const updated = await db
      .update(contextNotes)
      .set({ paragraphId, title, body })
      .where(and(eq(contextNotes.id, id), eq(contextNotes.readingId, readingId)))
      .returning({ id: contextNotes.id });
    return updated.length > 0;
  } else {
    const [{ next } = { next: 0 }] = await db
      .select({ next: sql<number>`coalesce(max(${contextNotes.position}) + 1, 0)`.mapWith(Number) })
      .from(contextNotes)
      .where(eq(contextNotes.readingId, readingId));
    await db.insert(contextNotes).values({ readingId, paragraphId, title, body, position: next });
    return true;
  }
}

export async function deleteContextNote({ readingId, id }: { readingId: string; id: string }) {
  const db = await getDb();
  await db.delete(contextNotes).where(and(eq(contextNotes.id, id), eq(contextNotes.readingId, readingId)));
}

// ---- A student's progress and highlights ----

export async function getReadingProgress({ userId, readingId }: { userId: string; readingId: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(readingProgress)
    .where(and(eq(readingProgress.userId, userId), eq(readingProgress.readingId, readingId)))
    .limit(1);
  return row ?? null;
}

/**
 * Saves where a student is. The furthest point and the sections read only ever grow, so a
 * stale save from a second tab cannot undo progress.
 */
export async function saveReadingProgress({
  userId,
  readingId,
  lastParagraphId,
  furthestParagraph,
  sectionsRead,
  completed,
}: {
  userId: string;
  readingId: string;
  lastParagraphId: string;
  furthestParagraph: number;
  sectionsRead: string[];
  completed: boolean;
}) {
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .insert(readingProgress)
    .values({
      userId,
      readingId,
      lastParagraphId,
      furthestParagraph,
      sectionsRead,
      completedAt: completed ? now : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [readingProgress.userId, readingProgress.readingId],
      set: {
        lastParagraphId,
        furthestParagraph: sql`greatest(${readingProgress.furthestParagraph}, excluded.furthest_paragraph)`,
        sectionsRead: sql`(select coalesce(jsonb_agg(distinct s order by s), '[]'::jsonb) from jsonb_array_elements_text(${readingProgress.sectionsRead} || excluded.sections_read) as s)`,
        completedAt: sql`coalesce(${readingProgress.completedAt}, excluded.completed_at)`,
        updatedAt: now,
      },
    })
    // xmax is 0 on a row this statement inserted: the student's first save on this reading.
    .returning({ ...getTableColumns(readingProgress), firstSave: sql<boolean>`(xmax = 0)` });
  return row!;
}

export async function listReadingsInProgress({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      slug: readings.slug,
      title: readings.title,
      furthestParagraph: readingProgress.furthestParagraph,
      paragraphCount: sql<number>`coalesce(${readings.paragraphCount}, 0)`.mapWith(Number),
      completedAt: readingProgress.completedAt,
      updatedAt: readingProgress.updatedAt,
    })
    .from(readingProgress)
    .innerJoin(readings, eq(readings.id, readingProgress.readingId))
    .where(
      and(
        eq(readingProgress.userId, userId),
        isNull(readingProgress.completedAt),
        or(eq(readings.status, 'published'), eq(readings.createdBy, userId)),
      ),
    )
    .orderBy(desc(readingProgress.updatedAt))
    .limit(10);
}

export async function listHighlights({ userId, readingId }: { userId: string; readingId: string }) {
  const db = await getDb();
  return db
    .select()
    .from(highlights)
    .where(and(eq(highlights.userId, userId), eq(highlights.readingId, readingId)))
    .orderBy(asc(highlights.createdAt));
}

/** One highlight per sentence and student: highlighting again updates the note. */
export async function saveHighlight({
  userId,
  readingId,
  sentenceId,
  note,
}: {
  userId: string;
  readingId: string;
  sentenceId: string;
  note: string | null;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(highlights)
    .values({ userId, readingId, sentenceId, note })
    .onConflictDoUpdate({
      target: [highlights.userId, highlights.readingId, highlights.sentenceId],
      set: { note },
    })
    .returning();
  return row!;
}

/** Removes a highlight only if it belongs to this student; answers whether one was removed. */
export async function getHighlight({ highlightId }: { highlightId: string }) {
  const db = await getDb();
  const [row] = await db.select().from(highlights).where(eq(highlights.id, highlightId)).limit(1);
  return row ?? null;
}

export async function deleteHighlight({ userId, highlightId }: { userId: string; highlightId: string }) {
  const db = await getDb();
  const removed = await db
    .delete(highlights)
    .where(and(eq(highlights.id, highlightId), eq(highlights.userId, userId)))
    .returning({ id: highlights.id });
  return removed.length > 0;
}
