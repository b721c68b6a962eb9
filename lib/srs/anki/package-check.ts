import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Database } from 'sql.js';
import { loadSqlJs } from './apkg';
import { stripHtmlForSort } from './fields';

/**
 * Checks an .apkg the way a test reads it: as the zip and the SQLite database it is, against Anki's
 * schema 11 (the tables and columns of rslib/src/storage/schema11.sql; the keys Anki's serde structs
 * require in col's JSON, those without `#[serde(default)]` in rslib/src/notetype/schema11.rs,
 * decks/schema11.rs and deckconfig/schema11.rs) and what its import relies on: each note's fields
 * match its note type, each card's note, deck and template exist, ids are not in the future (Anki
 * renumbers those), the checksum and sort field are Anki's. For tests (unit and browser), not the app.
 */

export const SCHEMA_11: Record<string, string[]> = {
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
const TEXT_COLUMNS = new Set(['conf', 'models', 'decks', 'dconf', 'tags', 'guid', 'flds', 'data']);
export const SCHEMA_11_INDEXES = [
  'ix_cards_nid',
  'ix_cards_sched',
  'ix_cards_usn',
  'ix_notes_csum',
  'ix_notes_usn',
  'ix_revlog_cid',
  'ix_revlog_usn',
];
const REQUIRED = {
  notetype: ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'],
  field: ['name', 'ord', 'sticky', 'rtl', 'font', 'size'],
  template: ['name', 'ord', 'qfmt'],
  deck: ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf'],
  deckConfig: ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'],
  'deckConfig.new': ['delays', 'initialFactor', 'ints', 'order', 'perDay'],
  'deckConfig.rev': ['ease4', 'ivlFct', 'maxIvl', 'perDay'],
  'deckConfig.lapse': ['delays', 'leechAction', 'leechFails', 'minInt', 'mult'],
};

export type Row = Record<string, number | string | Uint8Array | null>;

export function rows(db: Database, sql: string): Row[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) =>
    Object.fromEntries(result.columns.map((c, i) => [c, values[i] ?? null])),
  );
}

type Json = Record<string, unknown>;
const missing = (object: unknown, keys: string[]) =>
  typeof object === 'object' && object !== null ? keys.filter((k) => !(k in object)) : keys;

/** The python Anki's way to the checksum, apart from fields.ts: the first 8 hex digits of the SHA-1. */
const checksum = (text: string) =>
  Number.parseInt(createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8), 16);

export type CheckedPackage = {
  problems: string[];
  db: Database | null;
  entries: Record<string, Uint8Array>;
  notes: {
    id: number;
    guid: string;
    mod: number;
    tags: string;
    fields: string[];
    sfld: string;
    csum: number;
  }[];
  decks: Json;
  models: Json;
};

export async function checkAnkiPackage(bytes: Uint8Array): Promise<CheckedPackage> {
  const problems: string[] = [];
  const empty: CheckedPackage = { problems, db: null, entries: {}, notes: [], decks: {}, models: {} };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    problems.push(`not a zip: ${(error as Error).message}`);
    return empty;
  }
  const collection = entries['collection.anki2'];
  if (!collection) {
    problems.push('no collection.anki2');
    return { ...empty, entries };
  }
  const media = entries.media ? new TextDecoder().decode(entries.media) : null;
  if (media === null) problems.push('no media file');
  else if (typeof JSON.parse(media) !== 'object') problems.push('media is not a JSON object');
  if (new TextDecoder().decode(collection.subarray(0, 16)) !== 'SQLite format 3\0')
    problems.push('collection.anki2 is not an SQLite database');

  const SQL = await loadSqlJs();
  const db = new SQL.Database(collection);
  const [integrity] = rows(db, 'pragma integrity_check');
  if (integrity?.integrity_check !== 'ok') problems.push(`integrity check: ${integrity?.integrity_check}`);

  for (const [table, columns] of Object.entries(SCHEMA_11)) {
    const info = rows(db, `pragma table_info(${table})`);
    const names = info.map((c) => c.name);
    if (names.join() !== columns.join()) problems.push(`${table} has columns ${names.join(', ')}`);
    for (const c of info) {
      const name = String(c.name);
      // Types as Anki gives them (sfld an integer on purpose: numbers sort as numbers); all NOT NULL
      // but the primary key.
      const expected =
        name === 'id' ? ['INTEGER', 0, 1] : [TEXT_COLUMNS.has(name) ? 'TEXT' : 'INTEGER', 1, 0];
      if ([c.type, c.notnull, c.pk].join() !== expected.join())
        problems.push(`${table}.${name} is ${c.type}, notnull ${c.notnull}, pk ${c.pk}`);
    }
  }
  const indexes = rows(db, "select name from sqlite_master where type = 'index' order by name").map(
    (r) => r.name,
  );
  if (indexes.join() !== SCHEMA_11_INDEXES.join()) problems.push(`indexes: ${indexes.join(', ')}`);

  const cols = rows(db, 'select * from col');
  if (cols.length !== 1) problems.push(`col has ${cols.length} rows`);
  const col = cols[0] ?? {};
  if (col.ver !== 11) problems.push(`col.ver is ${col.ver}`);
  const parse = (column: string): Json => {
    try {
      return JSON.parse(String(col[column])) as Json;
    } catch {
      problems.push(`col.${column} is not JSON`);
      return {};
    }
  };
  const conf = parse('conf');
  const models = parse('models') as Record<string, Json>;
  const decks = parse('decks') as Record<string, Json>;
  const dconf = parse('dconf') as Record<string, Json>;
  if (typeof conf !== 'object') problems.push('col.conf is not an object');

  const report = (what: string, object: unknown, keys: string[]) => {
    const absent = missing(object, keys);
    if (absent.length > 0) problems.push(`${what} lacks ${absent.join(', ')}`);
  };
  for (const [id, model] of Object.entries(models)) {
    report(`note type ${id}`, model, REQUIRED.notetype);
    if (String(model.id) !== id) problems.push(`note type ${id} has id ${model.id}`);
    for (const field of (model.flds as unknown[]) ?? []) report(`a field of ${id}`, field, REQUIRED.field);
    for (const template of (model.tmpls as unknown[]) ?? [])
      report(`a template of ${id}`, template, REQUIRED.template);
  }
  const deckNames = new Set(Object.values(decks).map((d) => String(d.name)));
  for (const [id, deck] of Object.entries(decks)) {
    report(`deck ${id}`, deck, REQUIRED.deck);
    if (String(deck.id) !== id) problems.push(`deck ${id} has id ${deck.id}`);
    if (!(String(deck.conf) in dconf)) problems.push(`deck ${id} uses a missing options group`);
    const parts = String(deck.name).split('::');
    for (let i = 1; i < parts.length; i++)
      if (!deckNames.has(parts.slice(0, i).join('::'))) problems.push(`deck ${deck.name} has no parent`);
  }
  if (!('1' in decks)) problems.push('no Default deck (id 1)');
  for (const [id, group] of Object.entries(dconf)) {
    report(`options group ${id}`, group, REQUIRED.deckConfig);
    for (const part of ['new', 'rev', 'lapse'] as const)
      report(`options group ${id}.${part}`, group[part], REQUIRED[`deckConfig.${part}`]);
  }

  const tomorrow = Date.now() + 86_400_000;
  const notes = rows(db, 'select * from notes order by id').map((n) => ({
    id: Number(n.id),
    guid: String(n.guid),
    mid: String(n.mid),
    mod: Number(n.mod),
    tags: String(n.tags),
    fields: String(n.flds).split('\x1f'),
    sfld: String(n.sfld),
    csum: Number(n.csum),
  }));
  const guids = new Set<string>();
  for (const note of notes) {
    const model = models[note.mid];
    if (!model) {
      problems.push(`note ${note.id}: no note type ${note.mid}`);
      continue;
    }
    const fieldCount = (model.flds as unknown[]).length;
    if (note.fields.length !== fieldCount)
      problems.push(`note ${note.id}: ${note.fields.length} fields, its note type has ${fieldCount}`);
    const first = stripHtmlForSort(note.fields[0] ?? '');
    if (note.csum !== checksum(first)) problems.push(`note ${note.id}: csum ${note.csum} is not Anki's`);
    const sortField = stripHtmlForSort(note.fields[Number(model.sortf)] ?? '');
    if (note.sfld !== sortField) problems.push(`note ${note.id}: sort field is not Anki's`);
    if (!(note.id > 0 && note.id < tomorrow)) problems.push(`note ${note.id}: id out of Anki's range`);
    if (guids.has(note.guid)) problems.push(`guid ${note.guid} twice`);
    guids.add(note.guid);
  }
  const cards = rows(db, 'select * from cards');
  const noteIds = new Set(notes.map((n) => n.id));
  const noteTypes = new Map(notes.map((n) => [n.id, models[n.mid]]));
  for (const card of cards) {
    const nid = Number(card.nid);
    if (!noteIds.has(nid)) problems.push(`card ${card.id}: no note ${nid}`);
    if (!(String(card.did) in decks)) problems.push(`card ${card.id}: no deck ${card.did}`);
    const templates = (noteTypes.get(nid)?.tmpls as unknown[] | undefined)?.length ?? 0;
    if (Number(card.ord) >= templates) problems.push(`card ${card.id}: no template ${card.ord}`);
    if (!(Number(card.id) > 0 && Number(card.id) < tomorrow))
      problems.push(`card ${card.id}: id out of range`);
  }
  const carded = new Set(cards.map((c) => Number(c.nid)));
  for (const note of notes) if (!carded.has(note.id)) problems.push(`note ${note.id} has no card`);
  return { problems, db, entries, notes, decks, models };
}
