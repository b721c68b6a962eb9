import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

/** Statements kept parsed and planned at once; the least recently used is closed past this. */
const STATEMENTS_LIMIT = 200;

type Named = { name: string; paramTypes: number[] };

/**
 * Makes `client.query` keep each SQL text it runs as a named prepared statement, as postgres.js
 * does on PostgreSQL: the text is parsed and analysed once, PostgreSQL's plan cache keeps its
 * plan, and each later run is one Bind/Describe/Execute/Sync exchange instead of PGlite's six.
 * On the answer's save, planning was half the statement's cost (bench/attempts.ts).
 *
 * Results are what `query` answers (same parsers, same row modes). Only `client.query` goes this
 * way: `exec`, transactions (PGlite runs their statements itself) and queries with a blob or
 * explicit parameter types keep PGlite's own path. Each run holds PGlite's two locks, as `query`
 * does, so it never lands inside another caller's transaction.
 */
export async function keepStatementsPrepared(client: PGlite): Promise<void> {
  // PGlite's start runs queries of its own (its array types) through `query`.
  await client.waitReady;
  const unprepared = client.query.bind(client);
  const statements = new Map<string, Named>();
  let counter = 0;

  async function prepare(text: string): Promise<Named> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    const name = `statecraft_${++counter}`;
    const { messages } = await client.execProtocol(
      join(
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    const described = parse.parseDescribeStatementResults(
      messages as Parameters<typeof parse.parseDescribeStatementResults>[0],
    );
    const named = { name, paramTypes: described };
    statements.set(text, named);
    if (statements.size > STATEMENTS_LIMIT) {
      const [oldest, old] = statements.entries().next().value as [string, Named];
      statements.delete(oldest);
      await client.execProtocol(
        join(protocol.serialize.close({ type: 'S', name: old.name }), protocol.serialize.sync()),
        { syncToFs: false },
      );
    }
    return named;
  }

  async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob || options?.paramTypes) return unprepared<T>(text, params, options);
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        const { name, paramTypes } = await prepare(text);
        const values = params.map((param, i) => {
          if (param === null || param === undefined) return null;
          const serialize = options?.serializers?.[paramTypes[i]!] ?? client.serializers[paramTypes[i]!];
          return serialize ? serialize(param) : String(param);
        });
        const { messages } = await client.execProtocol(
          join(
            protocol.serialize.bind({ statement: name, values }),
            protocol.serialize.describe({ type: 'P' }),
            protocol.serialize.execute({}),
            protocol.serialize.sync(),
          ),
        );
        // The query's own parsers over the client's, without copying the client's whole table
        // (PGlite's query spreads both into a new object on every call).
        const parsers = options?.parsers
          ? Object.assign(Object.create(client.parsers), options.parsers)
          : client.parsers;
        const results = parse.parseResults(messages as Parameters<typeof parse.parseResults>[0], parsers, {
          ...options,
          parsers: undefined,
        });
        return results[0] as Results<T>;
      }),
    );
  }

  client.query = query as PGlite['query'];
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
