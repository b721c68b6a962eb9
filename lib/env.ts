import path from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from '@/db';
import { flag, optionalText, parseConfiguration, serverEnvShape } from '@/lib/server/server-env.mjs';

const emailList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email('SITE_ADMIN_EMAILS must be a comma-separated list of email addresses')));

const envSchema = z
  .object({
    // PORT, HOSTNAME, AUTH_URL, AUTH_TRUST_HOST, TRUSTED_PROXY_COUNT: read by the HTTP server too, by these rules.
    ...serverEnvShape,
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
        .optional(),
    ),
    PGLITE_DATA_DIR: optionalText,
    AUTH_SECRET: optionalText.pipe(
      z.string().min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 33)').optional(),
    ),
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_GOOGLE_ID: optionalText,
    AUTH_GOOGLE_SECRET: optionalText,
    // Demo accounts with a published password: on by default where the app runs for one person
    // (no AUTH_URL or AUTH_TRUST_HOST), off by default on a server people reach by its address.
    SEED_DEMO: flag(null),
    // Site administrators by email, besides those made with `npm run admin -- grant <email>`.
    SITE_ADMIN_EMAILS: emailList,
    // Outgoing mail (password resets): smtp(s)://user:password@host:port; without it, mail is written to the server log.
    SMTP_URL: optionalText.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465')
        .optional(),
    ),
    MAIL_FROM: optionalText.pipe(z.string().max(300).optional()),
    // "required": a new password account confirms its email (a link sent by mail) before it can sign in.
    EMAIL_VERIFICATION: optionalText
      .pipe(z.enum(['off', 'required'], { error: 'EMAIL_VERIFICATION must be off or required' }).optional())
      .transform((v) => v ?? 'off'),
    QUESTIONS_LLM_BASE_URL: optionalText,
    QUESTIONS_LLM_MODEL: optionalText,
    QUESTIONS_LLM_API_KEY: optionalText,
  })
  .transform((config) => ({
    ...config,
    SEED_DEMO: config.SEED_DEMO ?? !(config.AUTH_URL || config.AUTH_TRUST_HOST),
  }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The app's configuration, parsed once; a bad value stops the server with a message naming it. */
export function env(): Env {
  cached ??= parseConfiguration(envSchema, process.env);
  return cached;
}

/** The folder the app keeps its own files in (PGlite data, a generated auth secret). */
export function dataDir(): string {
  const configured = env().PGLITE_DATA_DIR;
  return path.resolve(/*turbopackIgnore: true*/ configured ?? '.data');
}

/** Where the database is, from DATABASE_URL or the data folder. */
export function databaseConfig(): DatabaseConfig {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  return {
    url: DATABASE_URL,
    pgliteFolder: PGLITE_DATA_DIR === 'memory://' ? 'memory://' : path.join(dataDir(), 'pglite'),
  };
}

/** The settings of the optional LLM question provider, in the form the engine reads them. */
export function questionProviderSettings(): Record<string, string | undefined> {
  const { QUESTIONS_LLM_BASE_URL, QUESTIONS_LLM_MODEL, QUESTIONS_LLM_API_KEY } = env();
  return { QUESTIONS_LLM_BASE_URL, QUESTIONS_LLM_MODEL, QUESTIONS_LLM_API_KEY };
}
