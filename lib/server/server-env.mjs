// @ts-check
/**
 * The settings the app's HTTP server (serve.mjs) reads before any app code loads: where to listen
 * and what to trust of a request. Plain JavaScript, since node runs serve.mjs as it is; lib/env.ts
 * takes these same rules into the app's configuration, so both read every value alike, and a bad
 * value stops the server at start with a message naming it instead of quietly becoming a default.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** Unset or blank is unset; anything else is trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/**
 * A yes/no setting: true, 1, yes or false, 0, no; unset or blank is `fallback` (null: decided
 * from other settings).
 * @template {boolean | null} F
 * @param {F} fallback
 */
export const flag = (fallback) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

/**
 * A whole number from `min` to `max`; unset or blank is `fallback`.
 * @param {{ min: number, max: number, fallback: number, message: string }} rule
 */
const wholeNumber = ({ min, max, fallback, message }) =>
  optionalText
    .pipe(z.string().regex(/^\d+$/, message).optional())
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().min(min, message).max(max, message));

// Labels as in DNS, and underscores too: some platforms set HOSTNAME to the machine's name, which may have them.
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;

/** Where the server listens and what it trusts of a request: each variable's rule. */
export const serverEnvShape = {
  PORT: wholeNumber({
    min: 1,
    max: 65535,
    fallback: 3000,
    message: 'PORT must be a port number from 1 to 65535',
  }),
  // The address to listen on; unset listens on every address.
  HOSTNAME: optionalText.pipe(
    z
      .string()
      .refine((v) => isIP(v) !== 0 || HOST_NAME.test(v), {
        error: 'HOSTNAME must be a host name or an IP address to listen on, like 0.0.0.0 or localhost',
      })
      .optional(),
  ),
  AUTH_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'AUTH_URL must be the http(s) address users type, like https://ir.example.edu',
      })
      .optional(),
  ),
  AUTH_TRUST_HOST: flag(false),
  // How many reverse proxies in front of the app append to X-Forwarded-For; with 0 the header is ignored.
  TRUSTED_PROXY_COUNT: wholeNumber({
    min: 0,
    max: 10,
    fallback: 0,
    message:
      'TRUSTED_PROXY_COUNT must be a whole number from 0 to 10: how many proxies stand in front of the app',
  }),
};

/**
 * Parses `env` with `schema`, or throws one error listing every bad value by name.
 * @template {z.ZodType} S
 * @param {S} schema
 * @param {Record<string, string | undefined>} env
 * @returns {z.infer<S>}
 */
export function parseConfiguration(schema, env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

const serverEnvSchema = z.object(serverEnvShape);

/** @typedef {z.infer<typeof serverEnvSchema>} ServerEnv */

/**
 * The HTTP server's settings from `env`; throws, naming each bad value.
 * @param {Record<string, string | undefined>} env
 * @returns {ServerEnv}
 */
export function serverEnv(env) {
  return parseConfiguration(serverEnvSchema, env);
}
