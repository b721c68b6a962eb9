/**
 * Dashboard benchmark: seeds the large class (bench/seed-large-class.ts), starts `next start`
 * on it, and times, as its instructor, the class progress page and the gradebook export over
 * HTTP; then, with the server stopped, the same data built in-process (lib/classes, no
 * rendering) and the bare SQL behind it: the very statements those calls send, captured at the
 * driver and replayed on it, and their time inside the database (EXPLAIN ANALYZE). Checks the
 * responses (a wrong one exits non-zero). PGlite in a temporary folder; then PostgreSQL when
 * DATABASE_URL is set, in a fresh database on that server, dropped at the end.
 *
 *   npm run bench:dashboard
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dashboard
 *   RUNS=10 …                      warm requests per figure (default 5, after a first one)
 *   WARMUP=0 …                     untimed requests between the first and the timed ones (default 5)
 *   STUDENTS=30 …                  a class of that size (default 1,000)
 *   ROUNDS=1 …                     rounds of (server timed over HTTP, then its data and SQL in-process)
 *                                  (default 3; see below)
 *   STATEMENTS=1 …                 also print each statement's median times, on the driver and inside
 *
 * The page and its SQL cannot be timed at the same moment on PGlite (one process opens the
 * folder), and this machine's speed drifts by half from one minute to the next (a fixed loop of
 * arithmetic took 44 to 76 ms within one minute), so each ratio is taken within one round, the
 * server's requests and the replayed SQL a few seconds apart, and the rounds are reported one by
 * one beside their median. On PGlite the database runs inside the server's process, so the
 * benchmark also compares CPU time: the server process's (from /proc) per timed request against
 * this process's per replay of the same SQL; other work on the machine stretches wall-clock times
 * but does not add to either.
 *
 * Each database runs in its own process (this file with --database), because the app's
 * configuration and database client are read once per process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale, root, startServer } from '../e2e/server';
import type { LargeClassSeed } from './seed-large-class';
import { signIn } from './sign-in';

const RUNS = Number(process.env.RUNS ?? 5);
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3));
const WARMUP = Number(process.env.WARMUP ?? 5);
const STUDENTS = Math.max(1, Number(process.env.STUDENTS ?? 1000));

type Figures = { first: number | null; median: number; min: number };
type Measured = {
  http: Figures;
  bytes: number;
  /** The same data built in-process: lib/classes and the db/queries functions, no rendering. */
  data: Figures;
  statements: number;
  /** The captured statements replayed one after another on the driver (rows fetched and parsed). */
  sql: Figures;
  /** Planning and execution time of the same statements, as the database reports it. */
  inDatabase: Figures;
  /**
   * PGlite only, where the database runs inside the server's process: CPU time per timed request
   * of the server's process, and per replay of the SQL in this one (means over RUNS). Another
   * program on the machine slows both clocks but takes none of this time, so this ratio holds
   * when the machine is busy and the wall-clock one does not.
   */
  cpu: { server: number; sql: number } | null;
};
type Half = {
  database: 'PGlite' | 'PostgreSQL';
  seed: Pick<
    LargeClassSeed,
    'students' | 'assignments' | 'questionsPerQuiz' | 'attempts' | 'responses' | 'steps' | 'seconds'
  >;
  /** One entry per round: the server over HTTP, then the same data and SQL in-process. */
  rounds: Round[];
  problems: string[];
};
type Round = { page: Measured; gradebook: Measured };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const figures = (times: number[], withFirst = true): Figures => {
  const warm = withFirst ? times.slice(1) : times;
  return { first: withFirst ? times[0]! : null, median: median(warm), min: Math.min(...warm) };
};

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user and system, every thread) a process has used so far, in ms, from /proc. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is the first, utime the 12th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function repeat(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out;
}

// ---- One database, in its own process ----

type Statement = { text: string; params: unknown[]; options: unknown[] };
type DriverClient = Record<string, unknown>;

/** Runs `run` while recording every statement the app's database client sends. */
async function captureStatements<T>(
  client: DriverClient,
  method: 'query' | 'unsafe',
  run: () => Promise<T>,
): Promise<Statement[]> {
  const original = client[method] as (...args: unknown[]) => unknown;
  const statements: Statement[] = [];
  client[method] = function (this: unknown, text: string, params: unknown[] = [], ...options: unknown[]) {
    statements.push({ text, params, options });
    return original.call(this, text, params, ...options);
  };
  try {
    await run();
  } finally {
    client[method] = original;
  }
  return statements;
}

async function measureDatabase(database: Half['database']): Promise<Half> {
  const { closeDb, getClient, configureDatabase } = await import('@/db');
  const { databaseConfig } = await import('@/lib/env');
  configureDatabase(databaseConfig());
  const { seedLargeClass } = await import('./seed-large-class');
  const problems: string[] = [];

  console.log(`\n[${database}] seeding a class of ${STUDENTS.toLocaleString('en')} students…`);
  const seeded = await seedLargeClass({ students: STUDENTS });
  await closeDb();

  const measureRound = async (round: number): Promise<Round> => {
    const env: NodeJS.ProcessEnv = { ...process.env, SEED_DEMO: 'false' };
    delete env.AUTH_SECRET;
    const logDir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-log-'));
    const server = await startServer(env, path.join(logDir, 'server.log'));
    const pageUrl = `${server.baseURL}/classes/${seeded.classId}`;
    const csvUrl = `${server.baseURL}/api/classes/${seeded.classId}/gradebook`;
    let pageBytes = 0;
    let csvBytes = 0;
    let csvOverHttp = '';
    let pageTimes: number[];
    let csvTimes: number[];
    const serverCpu = { page: 0, csv: 0 };
    try {
      const cookie = await signIn(server.baseURL, seeded.instructorEmail, seeded.password);
      const get = async (url: string) => {
        const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
        return { status: response.status, body: await response.text() };
      };
      console.log(
        `[${database}] round ${round} of ${ROUNDS}: requesting the class page and the gradebook, ${RUNS + WARMUP + 1} times each…`,
      );
      // The first request is timed on its own; the server's code is then warmed (compiled by the
      // JIT, as on a server in use) by untimed requests before the timed ones.
      const requests = async (run: () => Promise<void>, which: keyof typeof serverCpu) => {
        const [first] = await repeat(1, run);
        await repeat(WARMUP, run);
        const cpuBefore = processCpuMs(server.pid);
        const timed = await repeat(RUNS, run);
        serverCpu[which] = (processCpuMs(server.pid) - cpuBefore) / RUNS;
        return [first!, ...timed];
      };
      pageTimes = await requests(async () => {
        const { status, body } = await get(pageUrl);
        pageBytes = Buffer.byteLength(body);
        const rows = body.split('data-student="').length - 1;
        if (status !== 200) problems.push(`class page: HTTP ${status}`);
        else if (!body.includes(seeded.className)) problems.push('class page: no class name');
        // The page shows 50 students at a time and, when there are more, how many there are in all.
        else if (
          rows !== Math.min(50, seeded.students) ||
          (seeded.students > 50 && !body.includes(`of ${seeded.students.toLocaleString('en')}`))
        )
          problems.push(`class page: ${rows} student rows, not the first 50 of ${seeded.students}`);
      }, 'page');
      csvTimes = await requests(async () => {
        const { status, body } = await get(csvUrl);
        csvBytes = Buffer.byteLength(body);
        csvOverHttp = body;
        const lines = body.split('\r\n').filter(Boolean);
        if (status !== 200) problems.push(`gradebook: HTTP ${status}`);
        else if (lines.length !== seeded.students + 2 || !lines[1]?.startsWith('Points Possible'))
          problems.push(
            `gradebook: ${lines.length} lines, not header + points + ${seeded.students} students`,
          );
      }, 'csv');
    } finally {
      await server.stop();
      rmSync(logDir, { recursive: true, force: true });
    }

    // In-process, with the server stopped (PGlite allows one opener).
    const { classToAttend, classToTeach } = await import('@/lib/server/policy');
    const { classProgress } = await import('@/lib/classes/dashboard');
    const { gradebookCsv } = await import('@/lib/classes/exports');
    const { listMembers } = await import('@/db/queries/classes');
    const { listAssignableQuizzes } = await import('@/db/queries/assignments');
    const { listInvitations } = await import('@/db/queries/invitations');
    const { getSessionState } = await import('@/db/queries/users');
    const { users } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const client = await getClient();
    const [instructor] = await client.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, seeded.instructorEmail));
    const userId = instructor!.id;
    const { classId } = seeded;
    // What the page and the route ask for (app/(teach)/classes/[classId]/page.tsx): the session
    // check (auth.ts), access, then their data, the invitations panel's too.
    const pageData = async () => {
      await getSessionState({ userId });
      const access = await classToAttend({ id: userId }, classId);
      if (!('role' in access) || access.role !== 'instructor')
        throw new Error('The instructor has no access to the class');
      await Promise.all([
        classProgress(classId),
        listMembers({ classId, role: 'instructor' }),
        listAssignableQuizzes({ userId }),
        listInvitations({ classId }),
      ]);
    };
    let csvInProcess = '';
    const gradebookData = async () => {
      await getSessionState({ userId });
      const access = await classToTeach({ id: userId }, classId);
      if (!('klass' in access)) throw new Error('The instructor has no access to the class');
      const { klass } = access;
      csvInProcess = await gradebookCsv(klass.id, klass.name);
    };

    const driverClient = (client.db as unknown as { $client: DriverClient }).$client;
    const method = client.driver === 'pglite' ? 'query' : 'unsafe';
    const raw = async (text: string, params: unknown[], options: unknown[] = []) => {
      const result = (await (driverClient[method] as (...args: unknown[]) => Promise<unknown>).call(
        driverClient,
        text,
        params,
        ...options,
      )) as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
      return Array.isArray(result) ? result : result.rows;
    };
    const inDatabase = async (statements: Statement[], each?: number[][]) => {
      let ms = 0;
      for (const [i, s] of statements.entries()) {
        const [row] = await raw(`explain (analyze, timing off, format json) ${s.text}`, s.params);
        const cell = row!['QUERY PLAN'];
        const [plan] = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Record<string, number>[];
        const spent = plan!['Planning Time']! + plan!['Execution Time']!;
        each?.[i]?.push(spent);
        ms += spent;
      }
      return ms;
    };

    const measure = async (
      label: string,
      run: () => Promise<void>,
      http: number[],
      bytes: number,
      httpCpu: number,
    ) => {
      console.log(`[${database}] round ${round} of ${ROUNDS}: timing the ${label} in-process and its SQL…`);
      const [first] = await repeat(1, run);
      const statements = await captureStatements(driverClient, method, run);
      const data = await repeat(RUNS, run);
      const onDriver = statements.map((): number[] => []);
      const cpuBefore = process.cpuUsage();
      const sqlTimes = await repeat(RUNS, async () => {
        for (const [i, s] of statements.entries()) {
          const started = performance.now();
          await raw(s.text, s.params, s.options);
          onDriver[i]!.push(performance.now() - started);
        }
      });
      const { user, system } = process.cpuUsage(cpuBefore);
      const sqlCpu = (user + system) / 1000 / RUNS;
      const dbTimes: number[] = [];
      const each = statements.map((): number[] => []);
      for (let i = 0; i < RUNS; i++) dbTimes.push(await inDatabase(statements, each));
      if (process.env.STATEMENTS && round === 1)
        for (const [i, s] of statements.entries())
          console.log(
            `  ${median(onDriver[i]!).toFixed(1).padStart(7)} ms on the driver, ${median(each[i]!).toFixed(1).padStart(5)} ms inside  ${s.text.replace(/\s+/g, ' ').slice(0, 110)}`,
          );
      return {
        http: figures(http),
        bytes,
        data: { ...figures(data, false), first: first! },
        statements: statements.length,
        sql: figures(sqlTimes, false),
        inDatabase: figures(dbTimes, false),
        cpu: client.driver === 'pglite' ? { server: httpCpu, sql: sqlCpu } : null,
      } satisfies Measured;
    };
    const page = await measure('class page data', pageData, pageTimes, pageBytes, serverCpu.page);
    const gradebook = await measure('gradebook', gradebookData, csvTimes, csvBytes, serverCpu.csv);
    if (csvInProcess !== csvOverHttp)
      problems.push('gradebook: the CSV over HTTP differs from gradebookCsv()');
    await closeDb();
    return { page, gradebook };
  };
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++) rounds.push(await measureRound(round));
  return { database, seed: seeded, rounds, problems: [...new Set(problems)] };
}

// ---- The report ----

const ms = (n: number | null) => (n === null ? '' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const size = (bytes: number) =>
  bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;

function report(halves: Half[]) {
  const seed = halves[0]!.seed;
  const int = (n: number) => n.toLocaleString('en-US');
  console.log(
    `\nClass dashboard, large class: ${int(seed.students)} students, ${seed.assignments} assignments × ${seed.questionsPerQuiz} questions, ${int(seed.attempts)} attempts, ${int(seed.responses)} answers`,
  );
  const label = 50;
  const cell = (s: string) => s.padStart(8);
  const head = halves.map((h) => `${h.database.padStart(24)}  `).join('');
  console.log(`${''.padEnd(label)}${head}`);
  console.log(
    `${'times in ms'.padEnd(label)}${halves.map(() => `${cell('first')}${cell('median')}${cell('min')}  `).join('')}`,
  );
  // Across rounds: the first round's first request, the median of the rounds' medians, the
  // lowest time of any round.
  const across = (rounds: Figures[]): Figures => ({
    first: rounds[0]!.first,
    median: median(rounds.map((f) => f.median)),
    min: Math.min(...rounds.map((f) => f.min)),
  });
  const line = (name: string, pick: (r: Round) => Figures) =>
    console.log(
      `${name.padEnd(label)}${halves
        .map((h) => across(h.rounds.map(pick)))
        .map((f) => `${cell(ms(f.first))}${cell(ms(f.median))}${cell(ms(f.min))}  `)
        .join('')}`,
    );
  // A ratio is taken within each round (see the top of this file); the median of them is shown,
  // and every round's after it.
  const ratio = (name: string, pick: (r: Round) => number) => {
    const each = halves.map((h) => h.rounds.map(pick));
    const rounds =
      ROUNDS > 1
        ? `  rounds: ${halves.map((h, i) => `${h.database} ${each[i]!.map((r) => r.toFixed(2)).join(', ')}`).join('; ')}`
        : '';
    console.log(
      `${name.padEnd(label)}${each.map((e) => `${cell('')}${cell(`${median(e).toFixed(1)}×`)}${cell('')}  `).join('')}${rounds}`,
    );
  };
  // CPU time, where the database shares the server's process (PGlite): means over the timed
  // requests and replays of each round, the median of the rounds, then each round's ratio.
  const cpuLines = (pick: (r: Round) => Measured['cpu']) => {
    const withCpu = halves.filter((h) => pick(h.rounds[0]!));
    if (!withCpu.length) return;
    const each = (h: Half, f: (c: NonNullable<Measured['cpu']>) => number) =>
      h.rounds.map((r) => f(pick(r)!));
    for (const [name, f] of [
      ['  CPU per request, server process', (c: NonNullable<Measured['cpu']>) => c.server],
      ['  CPU per replay of its SQL, in-process', (c: NonNullable<Measured['cpu']>) => c.sql],
    ] as const)
      console.log(
        `${name.padEnd(label)}${halves.map((h) => `${cell('')}${cell(pick(h.rounds[0]!) ? ms(median(each(h, f))) : '')}${cell('')}  `).join('')}`,
      );
    const ratios = halves.map((h) => (pick(h.rounds[0]!) ? each(h, (c) => c.server / c.sql) : null));
    console.log(
      `${'  server / SQL, CPU time'.padEnd(label)}${ratios.map((e) => `${cell('')}${cell(e ? `${median(e).toFixed(1)}×` : '')}${cell('')}  `).join('')}${
        ROUNDS > 1
          ? `  rounds: ${withCpu
              .map(
                (h) =>
                  `${h.database} ${each(h, (c) => c.server / c.sql)
                    .map((r) => r.toFixed(2))
                    .join(', ')}`,
              )
              .join('; ')}`
          : ''
      }`,
    );
  };
  for (const [title, pick] of [
    ['Class progress page  GET /classes/[id]', (r: Round) => r.page],
    ['Gradebook export  GET /api/classes/[id]/gradebook', (r: Round) => r.gradebook],
  ] as const) {
    const first = pick(halves[0]!.rounds[0]!);
    console.log(`\n${title} (${size(first.bytes)}, ${first.statements} SQL statements)`);
    line('  server, over HTTP', (r) => pick(r).http);
    line('  its data in-process (no rendering)', (r) => pick(r).data);
    line('  its SQL, replayed on the driver', (r) => pick(r).sql);
    line('  its SQL, inside the database', (r) => pick(r).inDatabase);
    ratio('  server / SQL on the driver (medians)', (r) => pick(r).http.median / pick(r).sql.median);
    ratio('  server / SQL inside the database', (r) => pick(r).http.median / pick(r).inDatabase.median);
    cpuLines((r) => pick(r).cpu);
  }
  console.log('\nSeeding (bench/seed-large-class.ts), seconds');
  console.log(`${''.padEnd(label)}${halves.map((h) => `${h.database.padStart(12)}`).join('')}`);
  for (const [i, step] of seed.steps.entries()) {
    const rows = step.rows ? `${step.step} (${int(step.rows)} rows)` : step.step;
    console.log(
      `${`  ${rows}`.padEnd(label)}${halves.map((h) => h.seed.steps[i]!.seconds.toFixed(1).padStart(12)).join('')}`,
    );
  }
  console.log(
    `${'  in all'.padEnd(label)}${halves.map((h) => h.seed.seconds.toFixed(1).padStart(12)).join('')}`,
  );
  console.log(
    `\nfirst: the first request after the server started (in-process: the first call after the database was opened again); median and min of the next ones. ${ROUNDS} rounds: the median of their medians, and ratios of each round after "rounds:".`,
  );
}

// ---- Running both ----

async function runHalf(database: 'pglite' | 'postgres', env: NodeJS.ProcessEnv): Promise<Half | null> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'statecraft-bench-')), 'result.json');
  try {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        path.join(root, 'node_modules/.bin/tsx'),
        [
          '--conditions=react-server',
          path.join(root, 'bench/dashboard.ts'),
          '--database',
          database,
          '--out',
          out,
        ],
        { cwd: root, env, stdio: 'inherit' },
      );
      child.on('exit', resolve);
    });
    if (code !== 0) console.error(`[${database}] the benchmark process failed (exit ${code})`);
    try {
      return JSON.parse(readFileSync(out, 'utf8')) as Half;
    } catch {
      return null;
    }
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const database = args[args.indexOf('--database') + 1];
  if (args.includes('--database')) {
    // One half, in this process.
    const out = args[args.indexOf('--out') + 1]!;
    let dataDir: string | null = null;
    if (database === 'pglite') {
      dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-'));
      process.env.PGLITE_DATA_DIR = dataDir;
      process.env.DATABASE_URL = '';
    }
    try {
      const half = await measureDatabase(database === 'pglite' ? 'PGlite' : 'PostgreSQL');
      writeFileSync(out, JSON.stringify(half));
      for (const problem of half.problems) console.error(`[${half.database}] WRONG: ${problem}`);
      if (half.problems.length) process.exitCode = 1;
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
    return;
  }

  buildIfStale();
  const halves: Half[] = [];
  let failed = false;
  const { DATABASE_URL, ...rest } = process.env;
  const pglite = await runHalf('pglite', rest);
  if (pglite) halves.push(pglite);
  failed ||= !pglite || pglite.problems.length > 0;

  let skipped: string | null = null;
  if (DATABASE_URL?.trim()) {
    const { default: postgres } = await import('postgres');
    const name = `statecraft_bench_${process.pid}_${Date.now()}`;
    const url = new URL(DATABASE_URL);
    const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    try {
      url.pathname = `/${name}`;
      const half = await runHalf('postgres', { ...rest, DATABASE_URL: url.toString() });
      if (half) halves.push(half);
      failed ||= !half || half.problems.length > 0;
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    }
  } else {
    skipped =
      'PostgreSQL half skipped: DATABASE_URL is not set. Run it with DATABASE_URL=postgres://user@host:port/db npm run bench:dashboard (a fresh database is created on that server and dropped after).';
  }

  if (halves.length) report(halves);
  if (skipped) console.log(`\n${skipped}`);
  for (const h of halves) for (const p of h.problems) console.log(`WRONG (${h.database}): ${p}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
