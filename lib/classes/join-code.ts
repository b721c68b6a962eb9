import { randomInt } from 'node:crypto';
import { addMember, getClassByJoinCode, getMembership } from '@/db/queries/classes';
import type { Class } from '@/db/schema';
import { joinKeys, recordFailure, secondsUntilAllowed, waitWords } from '@/lib/auth/throttle';
import { ok, type Result, refuse } from '@/lib/server/result';

// No 0/O or 1/I/L: codes are read aloud and copied from a projector.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code like "K7QM-3XPD": 40 bits, easy to read out. */
export function newJoinCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export function normaliseJoinCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * Joins a class as a student by its code. Codes are short enough to guess at scale, so codes that
 * match no class are limited per person and per client address, as failed sign-ins are; an
 * archived class takes no one new.
 */
export async function joinByCode({
  userId,
  code,
  ip,
}: {
  userId: string;
  /** Normalised (normaliseJoinCode), with or without its dash. */
  code: string;
  ip: string | null;
}): Promise<Result<Class>> {
  const keys = joinKeys({ userId, ip });
  const wait = await secondsUntilAllowed(keys);
  if (wait > 0)
    return refuse(
      'rate-limited',
      `Too many join codes that match no class. Wait ${waitWords(wait)} and try again, or ask your instructor for the code.`,
      { retryAfterSeconds: wait },
    );
  const klass =
    (await getClassByJoinCode({ joinCode: code })) ??
    (await getClassByJoinCode({ joinCode: `${code.slice(0, 4)}-${code.slice(4)}` }));
  if (!klass) {
    await recordFailure(keys);
    return refuse(
      'invalid',
      'No class has that join code. Check it with your instructor; it may have been changed.',
    );
  }
  if (klass.archivedAt)
    return refuse(
      'conflict',
      'That class has ended: its instructor archived it, so it takes no new students.',
    );
  if (!(await getMembership({ classId: klass.id, userId })))
    await addMember({ classId: klass.id, userId, role: 'student' });
  return ok(klass);
}
