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
