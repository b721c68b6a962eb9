import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '@/questions/schema';
import { loadSqlJs, writeApkg } from './apkg';
import { cardsToNotes, type ExportCard, NOTETYPE } from './notes';
import { burnsCards, HOSTILE } from './test-cards';

/**
 * The package opened as what it is, an SQLite database in a zip, and checked against Anki's schema
 * 11: the tables and columns of rslib/src/storage/schema11.sql, the keys Anki's serde structs
 * require in col's JSON (no `#[serde(default)]`: rslib/src/notetype/schema11.rs, decks/schema11.rs,
 * deckconfig/schema11.rs), and what Anki's import relies on (a note's fields match its note type's,
 * every card's note and deck exist, ids are not in the future).
 */

const SCHEMA_11: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: [
    'id',
    'nid',
    'did',
    'ord',
    'mod',
    'usn',
    'type',
    'queue',
    'due',
    'ivl',
    'factor',
    'reps',
    'lapses',
    'left',
    'odue',
    'odid',
    'flags',
    'data',
  ],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};
const INDEXES = [
  'ix_cards_nid',
  'ix_cards_sched',
  'ix_cards_usn',
  'ix_notes_csum',
  'ix_notes_usn',
  'ix_revlog_cid',
  'ix_revlog_usn',
];
const NOTETYPE_KEYS = ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'];
const FIELD_KEYS = ['name', 'ord', 'sticky', 'rtl', 'font', 'size'];
const TEMPLATE_KEYS = ['name', 'ord', 'qfmt'];
const DECK_KEYS = [
  'id',
  'name',
  'usn',
  'lrnToday',
  'revToday',
  'newToday',
  'timeToday',
  'collapsed',
  'dyn',
  'conf',
];
const DCONF_KEYS = ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'];
const DCONF_PART_KEYS = {
  new: ['delays', 'initialFactor', 'ints', 'order', 'perDay'],
  rev: ['ease4', 'ivlFct', 'maxIvl', 'perDay'],
  lapse: ['delays', 'leechAction', 'leechFails', 'minInt', 'mult'],
};

type Row = Record<string, number | string | Uint8Array | null>;

function rows(db: Database, sql: string): Row[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) =>
    Object.fromEntries(result.columns.map((c, i) => [c, values[i] ?? null])),
  );
}

async function openPackage(bytes: Uint8Array) {
  const entries = unzipSync(bytes);
  const SQL = await loadSqlJs();
  const collection = entries['collection.anki2'];
  if (!collection) throw new Error('no collection.anki2 in the package');
  return { entries, db: new SQL.Database(collection) };
}

/** Python Anki's rule, written independently of fields.ts: the first 8 hex digits of the SHA-1. */
const sha1Checksum = (text: string) =>
  Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);

let cards: ExportCard[];
let db: Database;
let entries: Record<string, Uint8Array>;
let bytes: Uint8Array;

beforeAll(async () => {
  cards = burnsCards();
  bytes = await writeApkg(cardsToNotes(cards));
  ({ entries, db } = await openPackage(bytes));
});

describe('the .apkg package', () => {
  it('is a zip of collection.anki2 (an SQLite database) and an empty media list', () => {
    expect(Object.keys(entries).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(entries.media)).toBe('{}');
    expect(new TextDecoder().decode(entries['collection.anki2']!.subarray(0, 16))).toBe('SQLite format 3\0');
    expect(rows(db, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it("has schema 11's tables, columns and indexes", () => {
    for (const [table, columns] of Object.entries(SCHEMA_11)) {
      const info = rows(db, `pragma table_info(${table})`);
      expect(
        info.map((c) => c.name),
        table,
      ).toEqual(columns);
      // Typed as Anki types them (sfld an integer on purpose, so numbers sort as numbers); every
      // column but the primary key is NOT NULL.
      for (const c of info) {
        const text = /^(conf|models|decks|dconf|tags|guid|flds|data)$/.test(String(c.name));
        expect([c.type, c.notnull, c.pk], `${table}.${c.name}`).toEqual(
          c.name === 'id' ? ['INTEGER', 0, 1] : [text ? 'TEXT' : 'INTEGER', 1, 0],
        );
      }
    }
    const indexes = rows(db, "select name from sqlite_master where type = 'index' order by name").map(
      (r) => r.name,
    );
    expect(indexes).toEqual(INDEXES);
  });

  it("holds col's JSON with every key Anki requires", () => {
    const [col] = rows(db, 'select * from col');
    expect(col?.ver).toBe(11);
    expect(rows(db, 'select count(*) as n from col')).toEqual([{ n: 1 }]);
    const models = JSON.parse(String(col!.models)) as Record<string, Record<string, unknown>>;
    const decks = JSON.parse(String(col!.decks)) as Record<string, Record<string, unknown>>;
    const dconf = JSON.parse(String(col!.dconf)) as Record<string, Record<string, Record<string, unknown>>>;
    expect(JSON.parse(String(col!.conf))).toMatchObject({ curModel: NOTETYPE.id });
    for (const [id, model] of Object.entries(models)) {
      expect(Object.keys(model)).toEqual(expect.arrayContaining(NOTETYPE_KEYS));
      expect(String(model.id)).toBe(id);
      expect((model.flds as { name: string }[]).map((f) => f.name)).toEqual([
        'Front',
        'Back',
        'Evidence',
        'Source',
      ]);
      for (const field of model.flds as object[])
        expect(Object.keys(field)).toEqual(expect.arrayContaining(FIELD_KEYS));
      for (const template of model.tmpls as object[])
        expect(Object.keys(template)).toEqual(expect.arrayContaining(TEMPLATE_KEYS));
      expect(model.req).toEqual([[0, 'any', [0]]]);
    }
    for (const [id, deck] of Object.entries(decks)) {
      expect(Object.keys(deck)).toEqual(expect.arrayContaining(DECK_KEYS));
      expect(String(deck.id)).toBe(id);
      expect(String(deck.conf) in dconf).toBe(true);
      // A subdeck's parents are there too.
      const parts = String(deck.name).split('::');
      for (let i = 1; i < parts.length; i++)
        expect(Object.values(decks).map((d) => d.name)).toContain(parts.slice(0, i).join('::'));
    }
    expect(Object.values(decks).map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'Default',
        'Statecraft',
        'Statecraft::Lead with Diplomacy: Answering Putin after Salisbury',
        'Statecraft::Realism : Liberalism & "Power"',
      ]),
    );
    for (const conf of Object.values(dconf)) {
      expect(Object.keys(conf)).toEqual(expect.arrayContaining(DCONF_KEYS));
      for (const [part, keys] of Object.entries(DCONF_PART_KEYS))
        expect(Object.keys(conf[part]!)).toEqual(expect.arrayContaining(keys));
    }
  });

  it('gives every card a note, a deck and a template, and every note its four fields, with the csum and sort field Anki computes', () => {
    const [col] = rows(db, 'select models, decks from col');
    const models = JSON.parse(String(col!.models)) as Record<string, { flds: unknown[]; tmpls: unknown[] }>;
    const decks = JSON.parse(String(col!.decks)) as Record<string, unknown>;
    const notes = rows(db, 'select * from notes');
    const cardRows = rows(db, 'select * from cards');
    expect(notes).toHaveLength(cards.length);
    expect(cardRows).toHaveLength(cards.length);
    expect(rows(db, 'select count(*) as n from cards where nid not in (select id from notes)')).toEqual([
      { n: 0 },
    ]);
    expect(rows(db, 'select count(*) as n from notes where id not in (select nid from cards)')).toEqual([
      { n: 0 },
    ]);
    const tomorrow = Date.now() + 86_400_000;
    for (const note of notes) {
      const model = models[String(note.mid)];
      expect(model).toBeDefined();
      const fields = String(note.flds).split('\x1f');
      expect(fields).toHaveLength(model!.flds.length);
      // No raw control characters but the separator itself.
      const controls = [...String(note.flds)].filter((ch) => ch.charCodeAt(0) < 0x20 && ch !== '\x1f');
      expect(controls).toEqual([]);
      expect(Number(note.id)).toBeLessThan(tomorrow);
      expect(String(note.tags)).toMatch(/^ statecraft \S+ \S+ $/);
    }
    for (const card of cardRows) {
      expect(String(card.did) in decks).toBe(true);
      expect(Number(card.ord)).toBeLessThan(models[String(notes[0]!.mid)]!.tmpls.length);
      expect(Number(card.id)).toBeLessThan(tomorrow);
      expect([card.type, card.queue]).toEqual([0, 0]);
    }
    expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
    // Glossary cards: the first field is the term, so the sort field is the term as typed and the
    // checksum is the SHA-1 of it.
    for (const card of cards.filter((c) => c.kind === 'glossary')) {
      const note = notes.find((n) => String(n.flds).split('\x1f')[3]!.length > 0 && n.sfld === card.term);
      expect(note, card.term).toBeDefined();
      expect(note!.csum).toBe(sha1Checksum(card.term));
    }
    // Question cards: the sort field is the front without its markup.
    for (const note of notes.filter((n) => String(n.flds).startsWith('<p>')))
      expect(String(note.sfld)).not.toMatch(/<[a-z]/);
  });

  it('escapes what a card says, so none of it becomes markup, and shows the key of a choice', () => {
    const notes = rows(db, 'select guid, flds from notes').map((n) => String(n.flds).split('\x1f'));
    const hostile = notes.find((f) => f[0]!.includes('alert(1)'))!;
    expect(hostile[0]).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;balance&quot;&#9;of &amp; power');
    expect(hostile[1]).toBe('First line<br>second linethird<br>#not a comment');
    expect(hostile[2]).toBe('States &quot;balance&quot; — the &lt;b&gt;power&lt;/b&gt; of others.');
    expect(hostile[3]).toBe('Realism :: Liberalism &amp; &quot;Power&quot;');
    const choice = cards.find((c) => c.kind === 'question' && c.question.type === 'multiple-choice');
    if (choice?.kind !== 'question' || choice.question.type !== 'multiple-choice')
      throw new Error('no choice');
    const q = choice.question;
    const fields = notes.find((f) => f[0]!.includes(q.prompt.slice(0, 30).replace(/&/g, '&amp;')))!;
    expect(fields[0]).toContain('<ol type="A">');
    // The back names the key by the letter it has on the front (where the options are shuffled).
    const shown = [...fields[0]!.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    const keyText = q.options.find((o) => o.id === q.answer.optionId)!.text;
    const letter = String.fromCharCode(65 + shown.indexOf(keyText));
    expect(shown).toContain(keyText);
    expect(fields[1]).toContain(`<b>Answer:</b><br>${letter}. ${keyText}</p>`);
    expect(fields[2]!.length).toBeGreaterThan(20);
    expect(fields[3]).toBe('Lead with Diplomacy: Answering Putin after Salisbury');
  });

  it('exports every question type', () => {
    const types = new Set(cards.flatMap((c) => (c.kind === 'question' ? [c.question.type] : [])));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });
});

describe('exporting again', () => {
  it('gives the same file for the same cards, and the same ids and guids whatever else is exported', async () => {
    expect(await writeApkg(cardsToNotes([...cards].reverse()))).toEqual(bytes);
    const before = rows(db, 'select id, guid, flds, csum from notes order by guid');
    const fewer = await openPackage(await writeApkg(cardsToNotes(cards.slice(3))));
    const after = rows(fewer.db, 'select id, guid, flds, csum from notes order by guid');
    expect(after).toEqual(before.filter((n) => after.some((a) => a.guid === n.guid)));
    expect(after).toHaveLength(cards.length - 3);
  });

  it('dates a changed note later, under the same guid, so Anki updates it', async () => {
    const edited = cards.map((c) =>
      c.id === HOSTILE.id && c.kind === 'glossary'
        ? { ...c, definition: 'A new definition.', modifiedAt: new Date('2026-04-01T00:00:00Z') }
        : c,
    );
    const again = await openPackage(await writeApkg(cardsToNotes(edited)));
    const select = `select id, guid, mod, flds from notes where flds like '%alert(1)%'`;
    const [old] = rows(db, select);
    const [updated] = rows(again.db, select);
    expect(updated!.guid).toBe(old!.guid);
    expect(updated!.id).toBe(old!.id);
    expect(Number(updated!.mod)).toBeGreaterThan(Number(old!.mod));
    expect(String(updated!.flds).split('\x1f')[1]).toBe('A new definition.');
  });
});
