import { describe, expect, it } from 'vitest';
import { ENGINE_WORKERS, runEngineWorker } from './engine-worker';

describe('engine workers', () => {
  it('runs a bounded number at once, queues a few more, and refuses the rest at once', async () => {
    // One account's fifty uploads at once must not start fifty Node processes.
    const job = { kind: 'parse', text: 'Pressure\n\nEmbargoes rarely topple a regime.', format: 'text' };
    const jobs = Array.from({ length: ENGINE_WORKERS.running + ENGINE_WORKERS.waiting + 3 }, () =>
      runEngineWorker<{ ok: boolean }>(job, { timeLimitMs: 60_000, what: 'Reading the text' }),
    );
    // The generation runner's job waits whatever the queue: busy imports must not fail it.
    const generation = runEngineWorker<{ ok: boolean }>(job, {
      timeLimitMs: 60_000,
      what: 'Generation',
      alwaysWaits: true,
    });
    const answers = await Promise.all(jobs);
    expect((await generation).ok).toBe(true);
    const refused = answers.filter((a) => !a.ok && 'error' in a && /busy/.test(a.error));
    expect(refused).toHaveLength(3);
    expect(answers.filter((a) => a.ok)).toHaveLength(ENGINE_WORKERS.running + ENGINE_WORKERS.waiting);
  }, 120_000);
});
