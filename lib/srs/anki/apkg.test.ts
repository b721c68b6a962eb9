import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '@/questions/schema';
import { writeApkg } from './apkg';
import { cardsToNotes, type ExportCard, NOTETYPE } from './notes';
import { type CheckedPackage, checkAnkiPackage, rows } from './package-check';
import { burnsCards, HOSTILE } from './test-cards';

/**
 * The package opened as what it is, an SQLite database in a zip, and checked against Anki's schema
 * 11 (package-check.ts); then what this app puts in it.
 */

/** Python Anki's rule for the checksum, from the term as typed: the first 8 hex digits of the SHA-1. */
const sha1Checksum = (text: string) =>
  Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);

let cards: ExportCard[];
let checked: CheckedPackage;
let db: Database;
let bytes: Uint8Array;

const openPackage = async (file: Uint8Array) => {
  const result = await checkAnkiPackage(file);
  return { ...result, db: result.db! };
};

beforeAll(async () => {
  cards = burnsCards();
  bytes = await writeApkg(cardsToNotes(cards));
  checked = await openPackage(bytes);
  db = checked.db!;
});

describe('the .apkg package', () => {
  it("is a zip of collection.anki2 and media, in Anki's schema 11, with every key Anki requires", () => {
    expect(checked.problems).toEqual([]);
    expect(Object.keys(checked.entries).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(checked.entries.media)).toBe('{}');
    expect(Object.keys(checked.models)).toEqual([String(NOTETYPE.id)]);
    const model = checked.models[String(NOTETYPE.id)] as { flds: { name: string }[]; req: unknown };
    expect(model.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Evidence', 'Source']);
    expect(model.req).toEqual([[0, 'any', [0]]]);
    expect(Object.values(checked.decks).map((d) => (d as { name: string }).name)).toEqual(
      expect.arrayContaining([
        'Default',
        'Statecraft',
        'Statecraft::Lead with Diplomacy: Answering Putin after Salisbury',
        'Statecraft::Realism : Liberalism & "Power"',
      ]),
    );
  });

  it('finds what Anki would refuse or misread in a broken package', async () => {
    const broken = async (sql: string) => {
      const copy = await openPackage(bytes);
      copy.db.exec(sql);
      const file = zipSync({ 'collection.anki2': copy.db.export(), media: strToU8('{}') });
      return (await checkAnkiPackage(file)).problems.join('\n');
    };
    expect(await broken('update notes set csum = csum + 1 where id = (select min(id) from notes)')).toMatch(
      /csum \d+ is not Anki's/,
    );
    expect(await broken('delete from notes where id = (select min(id) from notes)')).toMatch(
      /card \d+: no note/,
    );
    expect(
      await broken("update notes set flds = 'one field' where id = (select min(id) from notes)"),
    ).toMatch(/1 fields, its note type has 4/);
    expect(
      await broken('update cards set id = 9999999999999 where id = (select min(id) from cards)'),
    ).toMatch(/id out of range/);
    expect(await broken("update col set decks = '{}'")).toMatch(/no Default deck/);
    expect(await broken('drop index ix_notes_csum')).toMatch(/indexes: /);
    expect((await checkAnkiPackage(strToU8('not a zip'))).problems[0]).toMatch(/not a zip/);
  });

  it('holds a note and a new card per review card, with the csum of the term as typed', () => {
    const notes = rows(db, 'select * from notes');
    expect(notes).toHaveLength(cards.length);
    expect(rows(db, 'select type, queue, count(*) as n from cards group by type, queue')).toEqual([
      { type: 0, queue: 0, n: cards.length },
    ]);
    for (const note of notes) {
      // No raw control character but the separator itself (tabs and line breaks are HTML).
      const controls = [...String(note.flds)].filter((ch) => ch.charCodeAt(0) < 0x20 && ch !== '\x1f');
      expect(controls).toEqual([]);
      expect(String(note.tags)).toMatch(/^ statecraft \S+ \S+ $/);
    }
    // Glossary cards: the first field is the term, so the sort field is the term as typed and the
    // checksum is the SHA-1 of it.
    for (const card of cards.filter((c) => c.kind === 'glossary')) {
      const note = notes.find((n) => n.sfld === card.term);
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

  it('exports every question type as a note with a front and a back', () => {
    const notes = rows(db, 'select tags, flds from notes');
    for (const type of QUESTION_TYPES) {
      const ofType = notes.filter((n) => ` ${String(n.tags)} `.includes(` question::${type} `));
      expect(ofType.length, type).toBeGreaterThan(0);
      for (const note of ofType) {
        const [front, back] = String(note.flds).split('\x1f');
        expect(front!.trim().length, type).toBeGreaterThan(0);
        expect(back!.trim().length, type).toBeGreaterThan(0);
      }
    }
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
