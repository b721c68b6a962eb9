import path from 'node:path';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const envSchema = z.object({
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
  SEED_DEMO: flag(true),
  // How many reverse proxies in front of the app append to X-Forwarded-For (for per-IP sign-in limits).
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The app's configuration, parsed once; a bad value stops the server with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The folder the app keeps its own files in (PGlite data, a generated auth secret). */
export function dataDir(): string {
  const configured = env().PGLITE_DATA_DIR;
  return path.resolve(/*turbopackIgnore: true*/ configured ?? '.data');
}
