import type { Result } from '@/lib/server/result';

/** Expected failures of route handlers, mapped to HTTP in one place. */
const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
} as const;

export type ApiErrorCode = keyof typeof STATUS;

export function apiError(code: ApiErrorCode, message: string, init?: { headers?: HeadersInit }): Response {
  return Response.json({ error: { code, message } }, { status: STATUS[code], headers: init?.headers });
}

/** Refusals of the attempt lifecycle as HTTP: the one place their codes are chosen. */
export function attemptRefusalResponse(refusal: { status: string; message: string }): Response {
  const code: ApiErrorCode =
    refusal.status === 'not-found'
      ? 'not_found'
      : refusal.status === 'no-attempts-left' || refusal.status === 'not-open' || refusal.status === 'closed'
        ? 'forbidden'
        : refusal.status === 'invalid'
          ? 'bad_request'
          : 'conflict';
  return apiError(code, refusal.message);
}

/** A file to download (text, or bytes such as a zip): attachment, never cached (it holds a class's or a bank's data). */
export function downloadResponse(body: string | Uint8Array, filename: string, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]+/g, '-')}"`,
      'cache-control': 'no-store',
    },
  });
}

/** One line of a progress stream: how far the work has got, or (last) what it answered. */
export type ProgressLine<T> = { progress: { done: number; total: number } } | { result: Result<T> };

/**
 * Work that takes seconds, answered as JSON lines (`application/x-ndjson`): `{"progress": …}` as
 * it goes, then `{"result": …}`, the Result it came to, so a page can show a real progress bar.
 * Whatever can be refused at once is refused before, as a plain 4xx, by the caller; a failure of
 * the work itself is logged and ends the stream without a result line, which the page reports.
 */
export function progressResponse<T>(
  work: (report: (progress: { done: number; total: number }) => void) => Promise<Result<T>>,
): Response {
  const encoder = new TextEncoder();
  // A page closed or left midway cancels the stream; the work still ends (a confirmed import is
  // written whether or not anyone waits for the answer), and what it would have said is dropped.
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ProgressLine<T>) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        send({ result: await work((progress) => send({ progress })) });
      } catch (error) {
        console.error('[progress] the work failed:', error);
      }
      if (open) controller.close();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
}
