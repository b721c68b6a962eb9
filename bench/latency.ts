/** Timing HTTP requests for the benchmarks: one request timed, and percentiles of many. */

/** A request's time; `error` says why a request got no answer (a refused or dropped connection). */
export type Timing = { ok: boolean; ms: number; error?: string };

/** The value below which p % of the values fall (nearest rank); 0 for no values. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Runs one request and reads its whole body: the time a client waits for the answer. */
export async function timed(run: () => Promise<Response>): Promise<Timing> {
  const started = performance.now();
  try {
    const response = await run();
    await response.arrayBuffer();
    return { ok: response.ok, ms: performance.now() - started };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, ms: performance.now() - started, error: `${String(error)}${cause}` };
  }
}
