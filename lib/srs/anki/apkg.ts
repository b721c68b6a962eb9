import { strToU8, zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { FIELD_SEPARATOR, fieldChecksum, stripHtmlForSort } from './fields';
import { type AnkiNote, ankiIdFor, NOTETYPE, ROOT_DECK } from './notes';

/**
 * An Anki package (.apkg): a zip holding `collection.anki2`, an SQLite database in Anki's schema 11
 * (the one every Anki version, desktop and mobile, imports), and `media`, the JSON list of media
 * files (none here). The tables and the JSON in `col` follow Anki's own definitions
 * (rslib/src/storage/schema11.sql; the serde structs of rslib/src/notetype/schema11.rs,
 * decks/schema11.rs and deckconfig/schema11.rs say which keys are required), read, not copied.
 *
 * Cards are exported as new cards: Anki schedules them from the start (its import of learning
 * progress is for packages made by Anki).
 */

// The tables of schema 11, column by column.
const SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** The collection's creation day (col.crt, seconds): fixed, so an unchanged export is the same file. */
const CREATED = NOTETYPE.modified;
const DEFAULT_DECK = 1;
const DEFAULT_CONF = 1;
export const ROOT_DECK_ID = ankiIdFor('deck', 'statecraft-root');

const CSS = `.card { font-family: Georgia, serif; font-size: 20px; line-height: 1.45; text-align: left; color: #111; background: #fff; max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #eee; background: #1b1b1b; }
.evidence { margin-top: 1em; padding-left: 0.75em; border-left: 3px solid #999; font-style: italic; }
.source { margin-top: 0.75em; font-size: 0.8em; color: #777; }`;

const QUESTION_FORMAT = '{{Front}}';
const ANSWER_FORMAT = `{{FrontSide}}

<hr id=answer>

{{Back}}
{{#Evidence}}<div class="evidence">{{Evidence}}</div>{{/Evidence}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}`;

function notetypeJson() {
  return {
    id: NOTETYPE.id,
    name: NOTETYPE.name,
    type: 0,
    mod: NOTETYPE.modified,
    usn: 0,
    sortf: 0,
    did: DEFAULT_DECK,
    tmpls: [
      {
        name: 'Card 1',
        ord: 0,
        qfmt: QUESTION_FORMAT,
        afmt: ANSWER_FORMAT,
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: NOTETYPE.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The one card needs the Front field.
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, modified: number) {
  return {
    id,
    name,
    mod: modified,
    usn: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: id === ROOT_DECK_ID ? 'Review cards exported from Statecraft.' : '',
    dyn: 0,
    conf: DEFAULT_CONF,
    extendNew: 0,
    extendRev: 0,
  };
}

const DECK_CONFIG = {
  id: DEFAULT_CONF,
  mod: 0,
  name: 'Default',
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

let sqlJs: Promise<SqlJsStatic> | undefined;
/** sql.js, loaded once (its WebAssembly file sits beside its code in node_modules). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/** Tags as schema 11 stores them: space-separated, with a space at each end. */
const tagsColumn = (tags: string[]) => (tags.length ? ` ${tags.join(' ')} ` : '');

/** The collection database of a package, as bytes. */
export async function writeCollection(notes: AnkiNote[]): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const modified = Math.max(NOTETYPE.modified, ...notes.map((n) => n.modified));
    const decks: Record<string, ReturnType<typeof deckJson>> = {
      [DEFAULT_DECK]: deckJson(DEFAULT_DECK, 'Default', 0),
      [ROOT_DECK_ID]: deckJson(ROOT_DECK_ID, ROOT_DECK, modified),
    };
    for (const note of notes) {
      const deckModified = Math.max(decks[note.deckId]?.mod ?? 0, note.modified);
      decks[note.deckId] = deckJson(note.deckId, note.deckName, deckModified);
    }
    const conf = {
      activeDecks: [DEFAULT_DECK],
      curDeck: DEFAULT_DECK,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      curModel: NOTETYPE.id,
      nextPos: notes.length + 1,
      sortType: 'noteFld',
      sortBackwards: false,
      addToCur: true,
    };
    db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      CREATED,
      modified * 1000,
      NOTETYPE.modified * 1000,
      JSON.stringify(conf),
      JSON.stringify({ [NOTETYPE.id]: notetypeJson() }),
      JSON.stringify(decks),
      JSON.stringify({ [DEFAULT_CONF]: DECK_CONFIG }),
      '{}',
    ]);
    const insertNote = db.prepare('insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)');
    const insertCard = db.prepare(
      'insert into cards values (?, ?, ?, 0, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)',
    );
    db.exec('begin');
    notes.forEach((note, position) => {
      insertNote.run([
        note.id,
        note.guid,
        NOTETYPE.id,
        note.modified,
        tagsColumn(note.tags),
        note.fields.join(FIELD_SEPARATOR),
        stripHtmlForSort(note.fields[0]),
        fieldChecksum(note.fields[0]),
        '',
      ]);
      // A new card's due is its position in the new queue.
      insertCard.run([note.cardId, note.id, note.deckId, note.modified, position + 1, '']);
    });
    db.exec('commit');
    insertNote.free();
    insertCard.free();
    return db.export();
  } finally {
    db.close();
  }
}

/** Zip entries get this date, so the same notes make the same file. */
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** The .apkg file: the collection and an empty media list, zipped. */
export async function writeApkg(notes: AnkiNote[]): Promise<Uint8Array> {
  const collection = await writeCollection(notes);
  return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6, mtime: ZIP_DATE });
}
