import { type Result, toResponse } from '@/lib/server/result';

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
export type ProgressLine<T> =
  | { progress: { done: number; total: number; stage?: string } }
  | { result: Result<T> };

/**
 * Work that takes seconds, answered as JSON lines (`application/x-ndjson`): `{"progress": …}` as
 * it goes, then `{"result": …}`, the Result it came to, so a page can show a real progress bar.
 * The answer is held until the counted work has begun (a report with `done` above 0) or the work
 * has ended: a refusal found before that (a zip bomb found while converting) is a plain 4xx like
 * any other; one found later comes as the stream's result. A failure of the work before that is
 * thrown like any bug; after it, it is logged and the stream ends without a result line.
 */
export function progressResponse<T>(
  work: (report: (progress: { done: number; total: number; stage?: string }) => void) => Promise<Result<T>>,
): Promise<Response> {
  return new Promise((answer, fail) => {
    const encoder = new TextEncoder();
    const lines: string[] = [];
    let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
    // A page closed or left midway cancels the stream; the work still ends (a confirmed import is
    // written whether or not anyone waits for the answer), and what it would have said is dropped.
    let open = true;
    let committed = false;
    let ended = false;
    const send = (line: ProgressLine<T>) => {
      const text = `${JSON.stringify(line)}\n`;
      if (!stream) lines.push(text);
      else if (open) stream.enqueue(encoder.encode(text));
    };
    const commit = () => {
      if (committed) return;
      committed = true;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          stream = controller;
          for (const line of lines.splice(0)) controller.enqueue(encoder.encode(line));
          if (ended) controller.close();
        },
        cancel() {
          open = false;
        },
      });
      answer(
        new Response(body, {
          headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    };
    const end = () => {
      ended = true;
      if (stream && open) stream.close();
    };
    work((progress) => {
      send({ progress });
      if (progress.done > 0) commit();
    }).then(
      (result) => {
        if (!committed && result.status !== 'ok') {
          committed = true;
          answer(toResponse(result));
          return;
        }
        send({ result });
        commit();
        end();
      },
      (error: unknown) => {
        if (!committed) {
          committed = true;
          fail(error);
          return;
        }
        console.error('[progress] the work failed:', error);
        end();
      },
    );
  });
}
