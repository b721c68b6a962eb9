import 'server-only';
import type { z } from 'zod';
import { env } from '@/lib/env';
import { gateSettings, isSameOriginRequest } from './http-gate.mjs';
import { describeIssues, formDataToObject, InputTooLargeError, normaliseInput } from './input';
import type { RuleName } from './policy';
import { byPolicy, type FormResult, REFUSALS, type Refusal, type Result, refuse, toResponse } from './result';
import { currentClaim, currentUser, type SessionClaim, type SessionUser } from './session';

/**
 * The one way in. Every server action and every route handler is made here from one definition:
 * a name, an input schema, the policy rule it answers to (with the check that applies it), and
 * the handler. The shared steps run first, in this order: the request's size and origin (checked
 * by the HTTP server, lib/server/serve.mjs, and again here for routes), the session, the input
 * (cleaned of NUL and unpaired surrogates, bounded, parsed), the policy check. The handler gets
 * the parsed input, the user and what the check loaded, and answers one Result.
 */

export const ENDPOINT = Symbol.for('statecraft.endpoint');
export type EndpointInfo = { kind: 'action' | 'route'; name: string; rule: RuleName };

type Authorize<I, C, U> = (user: U, input: I) => Promise<C | Refusal>;

type Definition<S extends z.ZodType, C extends object, U = SessionUser> = {
  /** Unique, as `area.verb` ("classes.createAssignment"): how tests and logs name it. */
  name: string;
  input: S;
  /** The rule of lib/server/policy.ts this endpoint answers to. */
  rule: Exclude<RuleName, 'public'>;
  /** Applies the rule to the parsed input; required unless the rule is "signed-in". */
  authorize?: Authorize<z.output<S>, C, U>;
  /**
   * 'claim': the rule and the handler get the session's claim (`SessionClaim`) instead of the
   * checked user, and the handler's write checks the session in its own statement, calling
   * `claim.confirm()` when that write is refused. For the hottest write (an answer's autosave).
   */
  session?: U extends SessionClaim ? 'claim' : undefined;
};

/** Whoever the definition's rule is applied to: the checked user, or for 'claim' the session's claim. */
function identify(definition: { session?: 'claim' }): Promise<SessionUser | SessionClaim | null> {
  return definition.session === 'claim' ? currentClaim() : currentUser();
}

type PublicDefinition<S extends z.ZodType> = { name: string; input: S; rule: 'public' };

/**
 * An action takes a form with useActionState's previous result, a form alone (a plain `<form
 * action>`, which ignores the result), or its input as an object (a client calling it).
 */
export type ServerAction<I, T> = {
  (previous: FormResult<unknown>, formData: FormData): Promise<Result<T>>;
  (formData: FormData): Promise<void>;
  (input: I): Promise<Result<T>>;
};

const names = new Set<string>();

function brand<F extends object>(fn: F, info: EndpointInfo): F {
  // Next may evaluate a module more than once (one bundle per layer); a name defined twice in one
  // evaluation is a mistake, in two evaluations it is the same endpoint.
  if (names.has(`${info.kind}:${info.name}`) && process.env.NODE_ENV === 'test')
    throw new Error(`Two endpoints are named ${info.name}.`);
  names.add(`${info.kind}:${info.name}`);
  Object.defineProperty(fn, ENDPOINT, { value: info });
  return fn;
}

export function endpointInfo(value: unknown): EndpointInfo | undefined {
  return typeof value === 'function' ? (value as { [ENDPOINT]?: EndpointInfo })[ENDPOINT] : undefined;
}

function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S> } | { ok: false; refusal: Refusal } {
  let cleaned: unknown;
  try {
    cleaned = normaliseInput(raw ?? {});
  } catch (error) {
    if (error instanceof InputTooLargeError)
      return { ok: false, refusal: refuse('too-large', error.message) };
    throw error;
  }
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { message, fieldErrors } = describeIssues(parsed.error);
  return { ok: false, refusal: refuse('invalid', message, { fieldErrors }) };
}

/** The input an action was called with: a form's fields, or the object a client passed. */
function actionInput(args: unknown[]): unknown {
  const form = args.find((a): a is FormData => a instanceof FormData);
  return form ? formDataToObject(form) : args[0];
}

async function authorizeFor<S extends z.ZodType, C extends object, U>(
  definition: Definition<S, C, U>,
  user: U,
  input: z.output<S>,
): Promise<C | Refusal> {
  if (definition.authorize) return definition.authorize(user, input);
  if (definition.rule !== 'signed-in')
    throw new Error(`${definition.name}: rule ${definition.rule} needs an authorize check.`);
  return {} as C;
}

const isRefusal = (value: object): value is Refusal => 'status' in value && 'message' in value;

/** A refusal from the access policy says so (clients and the access-matrix test can tell it apart). */

type ActionDefinition<S extends z.ZodType, C extends object, T, U> = Definition<S, C, U> & {
  run: (input: z.output<S>, context: C & { user: U }) => Promise<Result<T>>;
};

/** A server action for signed-in users, allowed by a policy rule. */
export function action<S extends z.ZodType, C extends object, T>(
  definition: ActionDefinition<S, C, T, SessionClaim> & { session: 'claim' },
): ServerAction<z.input<S>, T>;
export function action<S extends z.ZodType, C extends object, T>(
  definition: ActionDefinition<S, C, T, SessionUser>,
): ServerAction<z.input<S>, T>;
export function action<S extends z.ZodType, C extends object, T, U extends SessionUser | SessionClaim>(
  definition: ActionDefinition<S, C, T, U>,
): ServerAction<z.input<S>, T> {
  if (definition.rule !== 'signed-in' && !definition.authorize)
    throw new Error(`${definition.name}: rule ${definition.rule} needs an authorize check.`);
  const run = async (...args: unknown[]): Promise<Result<T>> => {
    const user = (await identify(definition)) as U | null;
    if (!user) return REFUSALS.signedOut();
    const input = parseInput(definition.input, actionInput(args));
    if (!input.ok) return input.refusal;
    const granted = await authorizeFor(definition, user, input.data);
    if (isRefusal(granted)) return byPolicy(granted);
    return definition.run(input.data, { ...granted, user });
  };
  return brand(run, { kind: 'action', name: definition.name, rule: definition.rule }) as ServerAction<
    z.input<S>,
    T
  >;
}

/** A server action anyone may call (signing in and up). */
export function publicAction<S extends z.ZodType, T>(
  definition: PublicDefinition<S> & {
    run: (input: z.output<S>, context: { user: SessionUser | null }) => Promise<Result<T>>;
  },
): ServerAction<z.input<S>, T> {
  const run = async (...args: unknown[]): Promise<Result<T>> => {
    const input = parseInput(definition.input, actionInput(args));
    if (!input.ok) return input.refusal;
    return definition.run(input.data, { user: await currentUser() });
  };
  return brand(run, { kind: 'action', name: definition.name, rule: 'public' }) as ServerAction<z.input<S>, T>;
}

// ---- Route handlers ----

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

type RouteOptions = {
  /** Largest body accepted, read as it streams (default 256 KB). */
  maxBodyBytes?: number;
  /** How the body is read: JSON (merged into the input), or kept as bytes for the handler. */
  body?: 'json' | 'bytes';
};

type RouteExtras = { request: Request; body: Uint8Array };

type RouteRun<S extends z.ZodType, C extends object, T, U> = {
  run: (input: z.output<S>, context: C & { user: U } & RouteExtras) => Promise<Result<T> | Response>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads a body as it arrives and stops at the limit, whatever Content-Length says. */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Past the limit, the rest is read and dropped (the HTTP server has bounded it), so the client
    // gets its 413 instead of a reset connection.
    if (size > maxBytes) tooLarge = true;
    else chunks.push(value);
  }
  if (tooLarge) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The gate's same-origin rule, applied to a route's request (Next checks server actions, not routes). */
function sameOrigin(request: Request): boolean {
  return isSameOriginRequest(Object.fromEntries(request.headers), gateSettings(env()));
}

async function routeInput(
  request: Request,
  context: RouteContext,
  options: RouteOptions,
): Promise<{ ok: true; raw: Record<string, unknown>; body: Uint8Array } | { ok: false; refusal: Refusal }> {
  const body = await readBody(request, options.maxBodyBytes ?? 256 * 1024);
  if (!body) return { ok: false, refusal: REFUSALS.tooLarge() };
  let fromBody: Record<string, unknown> = {};
  if ((options.body ?? 'json') === 'json' && body.byteLength > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(body));
    } catch {
      return { ok: false, refusal: refuse('invalid', 'The body is not valid JSON.') };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, refusal: refuse('invalid', 'The body must be a JSON object.') };
    fromBody = parsed as Record<string, unknown>;
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const params = (await context.params) ?? {};
  // Ids in the path win over anything in the body or the query that claims the same name.
  return { ok: true, raw: { ...fromBody, ...query, ...params }, body };
}

function routeDefinition<S extends z.ZodType, C extends object, T, U extends SessionUser | SessionClaim>(
  definition: (Definition<S, C, U> | PublicDefinition<S>) & RouteOptions & RouteRun<S, C, T, U | null>,
): RouteHandler {
  const handler: RouteHandler = async (request, context) => {
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) return toResponse(REFUSALS.crossSite());
    const input = await routeInput(request, context, definition);
    if (!input.ok) return toResponse(input.refusal);
    // Public routes (health, Auth.js's own) never need the session: don't pay for reading it.
    const user = definition.rule === 'public' ? null : ((await identify(definition)) as U | null);
    if (definition.rule !== 'public' && !user) return toResponse(REFUSALS.signedOut());
    const parsed = parseInput(definition.input, input.raw);
    if (!parsed.ok) return toResponse(parsed.refusal);
    let granted = {} as C;
    if (definition.rule !== 'public' && user) {
      const checked = await authorizeFor(definition as Definition<S, C, U>, user, parsed.data);
      if (isRefusal(checked)) return toResponse(byPolicy(checked));
      granted = checked;
    }
    const result = await definition.run(parsed.data, { ...granted, user, request, body: input.body });
    return result instanceof Response ? result : toResponse(result);
  };
  return brand(handler, { kind: 'route', name: definition.name, rule: definition.rule });
}

/** A route handler for signed-in users, allowed by a policy rule. */
export function route<S extends z.ZodType, C extends object, T>(
  definition: Definition<S, C, SessionClaim> & { session: 'claim' } & RouteOptions &
    RouteRun<S, C, T, SessionClaim>,
): RouteHandler;
export function route<S extends z.ZodType, C extends object, T>(
  definition: Definition<S, C> & RouteOptions & RouteRun<S, C, T, SessionUser>,
): RouteHandler;
export function route<S extends z.ZodType, C extends object, T, U extends SessionUser | SessionClaim>(
  definition: Definition<S, C, U> & RouteOptions & RouteRun<S, C, T, U>,
): RouteHandler {
  if (definition.rule !== 'signed-in' && !definition.authorize)
    throw new Error(`${definition.name}: rule ${definition.rule} needs an authorize check.`);
  // The gate answers 401 before `run` when there is no user, so `run` never sees null.
  return routeDefinition(definition as Definition<S, C, U> & RouteOptions & RouteRun<S, C, T, U | null>);
}

/** A route handler anyone may call (health, Auth.js's own endpoints); it gets no user. */
export function publicRoute<S extends z.ZodType, T>(
  definition: PublicDefinition<S> &
    RouteOptions & {
      run: (input: z.output<S>, context: RouteExtras) => Promise<Result<T> | Response>;
    },
): RouteHandler {
  return routeDefinition(definition);
}
