/**
 * The one result type of every action and route, and the one table that maps its codes to HTTP.
 * Expected failures are returned as a refusal with words a person can act on; bugs are thrown.
 */
export const HTTP_STATUS = {
  ok: 200,
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
} as const;

export type ResultCode = keyof typeof HTTP_STATUS;
export type RefusalCode = Exclude<ResultCode, 'ok'>;
export type FieldErrors = Record<string, string[] | undefined>;

export type Refusal = {
  status: RefusalCode;
  message: string;
  /** A finer, machine-readable reason (e.g. "submitted", "expired") for clients that react to it. */
  reason?: string;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  /** Field values to put back in the form (never passwords). */
  values?: Record<string, string>;
  /** Set when the access policy refused (signed out, or not the user's to see or change). */
  policy?: true;
};

/** A refusal marked as the access policy's (the access tests and the HTTP mapping tell them apart). */
export const byPolicy = (refusal: Refusal): Refusal => ({ ...refusal, policy: true });

export type Done<T = undefined> = {
  status: 'ok';
  message?: string;
  data: T;
  /** Where the page should go next, when the action moves the user on. */
  redirectTo?: string;
};

export type Result<T = undefined> = Done<T> | Refusal;

/** What a form shows before its first submission, then the action's last result. */
export type FormResult<T = undefined> = Result<T> | { status: 'idle' };
export const IDLE: FormResult<never> = { status: 'idle' };

export function ok(): Done<undefined>;
export function ok<T>(data: T, message?: string): Done<T>;
export function ok<T>(data?: T, message?: string): Done<T | undefined> {
  return message === undefined ? { status: 'ok', data } : { status: 'ok', data, message };
}

/** A success that only says something ("Saved."). */
export function done(message: string): Done<undefined> {
  return { status: 'ok', data: undefined, message };
}

export function refuse(
  status: RefusalCode,
  message: string,
  extra: Omit<Refusal, 'status' | 'message'> = {},
): Refusal {
  return { status, message, ...extra };
}

export function isRefusal(value: unknown): value is Refusal {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof value.status === 'string' &&
    value.status !== 'ok' &&
    value.status in HTTP_STATUS
  );
}

/** The refusals every action and route may give before its own work starts. */
export const REFUSALS = {
  signedOut: () =>
    refuse('unauthenticated', 'Your session has ended. Sign in again to continue.', { policy: true }),
  crossSite: () => refuse('forbidden', 'Requests from other sites are not accepted.'),
  tooLarge: (what = 'The request') => refuse('too-large', `${what} is too large.`),
} as const;

/** A route's answer: the data as JSON, or `{ error: { code, message, reason } }` with its HTTP status. */
export function toResponse<T>(result: Result<T>, init: { headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  if (result.status === 'ok') return Response.json(result.data ?? { ok: true }, { status: 200, headers });
  if (result.retryAfterSeconds) headers.set('Retry-After', String(result.retryAfterSeconds));
  const { status, message, reason, fieldErrors, policy } = result;
  return Response.json(
    { error: { code: status, message, reason, fieldErrors, policy } },
    { status: HTTP_STATUS[status], headers },
  );
}
