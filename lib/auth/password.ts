import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, so not importable under isolatedModules)
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
// ASVS 5.0 asks that at least 64 characters be allowed; 128 leaves room for passphrases while
// keeping a hash request cheap to refuse.
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

/** The shipped list of commonly used passwords (8+ characters, lower-cased). */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const file = path.join(process.cwd(), 'lib/auth/common-passwords.txt');
    commonPasswords = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  }
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}

/** Words that make a password guessable for this account: the app's name, the email, the name. */
const APP_WORDS = ['statecraft'];
/** What must be left of a password once the words of its context are taken out. */
const MIN_OWN_CHARACTERS = 5;

/**
 * A new password: length limits, the common-password list, and no password that is blank or made
 * of the service's name or the account's own email or name (NIST SP 800-63B, 3.1.1.2). No
 * composition rules.
 */
export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => p.replace(/\s/g, '').length >= PASSWORD_MIN_LENGTH, {
    message: `Use at least ${PASSWORD_MIN_LENGTH} characters that are not spaces.`,
  })
  .refine((p) => !isCommonPassword(p), {
    message: 'This password is one of the most commonly used ones. Choose something less guessable.',
  });

/** Why a password is too close to its account (email, name) or to the app, or null. */
export function contextualPasswordProblem(
  password: string,
  context: { email?: string | null; name?: string | null },
): string | null {
  const email = (context.email ?? '').toLowerCase();
  const words = [
    ...APP_WORDS,
    email,
    email.split('@')[0] ?? '',
    ...(context.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ].filter((w) => w.length >= 3);
  let rest = password.toLowerCase().normalize('NFKC');
  // Longest first, so the whole email goes before its parts.
  for (const word of words.sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  const own = rest.replace(/[^\p{L}\p{N}]/gu, '');
  if (own.length >= MIN_OWN_CHARACTERS || rest.length === password.length) return null;
  return 'This password is too close to your email, your name or the name of this site. Choose something else.';
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so that an unknown email cannot be told
 * from a wrong password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('statecraft-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
