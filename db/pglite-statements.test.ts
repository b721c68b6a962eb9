import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepStatementsPrepared } from './pglite-statements';

/**
 * PGlite's query with statements kept prepared (db/pglite-statements.ts) answers what PGlite's own
 * query answers, parses a text once, keeps a bounded number, and never runs inside another
 * caller's transaction. A PGlite in memory, beside the app's.
 */
let prepared: PGlite;
let plain: PGlite;

beforeAll(async () => {
  prepared = new PGlite();
  plain = new PGlite();
  await keepStatementsPrepared(prepared);
  for (const client of [prepared, plain])
    await client.exec(`create table item (
      id integer primary key, name text not null, tags text[], data jsonb, done boolean, at timestamptz
    )`);
});

afterAll(async () => {
  await prepared.close();
  await plain.close();
});

const preparedNames = async () =>
  (await prepared.query<{ name: string }>('select name from pg_prepared_statements')).rows.map((r) => r.name);

describe('statements kept prepared on PGlite', () => {
  it("answers as PGlite's own query does: parameters of each type, row modes, the caller's parsers", async () => {
    const at = new Date('2026-12-05T10:00:00Z');
    const insert = 'insert into item values ($1, $2, $3, $4, $5, $6) returning *';
    const values = [1, "O'Brien", ['a', 'b,c'], { score: 0.5, points: ['x'] }, true, at];
    const mine = await prepared.query(insert, values);
    const theirs = await plain.query(insert, values);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.fields).toEqual(theirs.fields);
    expect(mine.affectedRows).toBe(1);
    expect(mine.rows[0]).toMatchObject({ id: 1, tags: ['a', 'b,c'], done: true, at });

    const select = 'select id, at, data from item where id = $1';
    const options = { rowMode: 'array' as const, parsers: { 1184: (value: string) => `raw ${value}` } };
    const [mineArray, theirsArray] = await Promise.all([
      prepared.query(select, [1], options),
      plain.query(select, [1], options),
    ]);
    expect(mineArray.rows).toEqual(theirsArray.rows);
    expect((mineArray.rows[0] as unknown[])[1]).toMatch(/^raw 2026-12-05/);
    // The caller's parsers apply to that query alone.
    expect((await prepared.query<{ at: unknown }>(select, [1])).rows[0]!.at).toEqual(at);
    expect(await prepared.query(select, [null])).toMatchObject({ rows: [] });
  });

  it('parses a text once and reuses it, whatever the parameters', async () => {
    const text = 'select count(*)::int as n from item where id > $1';
    const before = (await preparedNames()).length;
    for (let i = 0; i < 5; i++) await prepared.query(text, [i - 10]);
    expect((await preparedNames()).length).toBe(before + 1);
    expect((await prepared.query<{ n: number }>(text, [0])).rows[0]!.n).toBe(1);
  });

  it('keeps at most 200 statements, closing the least recently used', async () => {
    const first = 'select 1 as kept_first';
    await prepared.query(first);
    for (let i = 0; i < 250; i++) await prepared.query(`select ${i} as n`);
    const names = await preparedNames();
    expect(names.length).toBeLessThanOrEqual(200);
    expect(names.length).toBeGreaterThan(150);
    // The evicted text is prepared again on its next run.
    expect((await prepared.query<{ kept_first: number }>(first)).rows).toEqual([{ kept_first: 1 }]);
  });

  it('throws the database error and carries on: a broken text is not kept, a failed run keeps its statement', async () => {
    await expect(prepared.query('selec 1')).rejects.toMatchObject({ code: '42601' });
    await expect(prepared.query('selec 1')).rejects.toMatchObject({ code: '42601' });
    const insert = 'insert into item (id, name) values ($1, $2)';
    await prepared.query(insert, [2, 'two']);
    await expect(prepared.query(insert, [2, 'again'])).rejects.toMatchObject({ code: '23505' });
    await prepared.query(insert, [3, 'three']);
    expect((await prepared.query('select id from item order by id')).rows).toEqual([
      { id: 1 },
      { id: 2 },
      { id: 3 },
    ]);
  });

  it("waits for another caller's transaction instead of running inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = prepared.transaction(async (tx) => {
      await tx.query('insert into item (id, name) values (10, $1)', ['uncommitted']);
      inserted();
      await held;
      await tx.rollback();
    });
    await insertedYet;
    const read = prepared.query<{ n: number }>('select count(*)::int as n from item where id = 10');
    release();
    await transaction;
    // Run inside the transaction, the count would have seen its row.
    expect((await read).rows[0]!.n).toBe(0);
  });
});
