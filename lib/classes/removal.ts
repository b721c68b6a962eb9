import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * The receipt of a student's removal from a class, which lets the instructor undo it: signed with
 * the app's secret so that "undo" can put back only someone who was removed from this very class
 * (an instructor cannot use it to enrol anyone else), and valid for a day.
 */
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

type Receipt = { classId: string; userId: string; joinedAt: Date; removedAt: Date };

async function sign(payload: string): Promise<string> {
  return createHmac('sha256', await getAuthSecret())
    .update(`class-removal:${payload}`)
    .digest('base64url');
}

export async function removalReceipt(receipt: Receipt): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify({
      c: receipt.classId,
      u: receipt.userId,
      j: receipt.joinedAt.getTime(),
      r: receipt.removedAt.getTime(),
    }),
  ).toString('base64url');
  return `${payload}.${await sign(payload)}`;
}

/** The removal a receipt records, if it is genuine, for this class, and within the undo window. */
export async function readRemovalReceipt(
  token: string,
  classId: string,
  now = new Date(),
): Promise<Receipt | null> {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(await sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let data: { c?: unknown; u?: unknown; j?: unknown; r?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof data.c !== 'string' || typeof data.u !== 'string') return null;
  if (typeof data.j !== 'number' || typeof data.r !== 'number') return null;
  if (data.c !== classId || now.getTime() - data.r > UNDO_WINDOW_MS || data.r > now.getTime()) return null;
  return { classId: data.c, userId: data.u, joinedAt: new Date(data.j), removedAt: new Date(data.r) };
}
