import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { passwordResets, users } from '@/db/schema';

export async function insertPasswordReset(values: { tokenHash: string; userId: string; expiresAt: Date }) {
  const db = await getDb();
  await db.insert(passwordResets).values(values);
}

const usable = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );

/** The account an unused, unexpired reset token belongs to, or null. */
export async function findPasswordReset({ tokenHash, now }: { tokenHash: string; now: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(usable(tokenHash, now))
    .limit(1);
  return row ?? null;
}

/**
 * Sets the new password if the token is still usable, in one transaction: the token is claimed
 * (two uses of one link cannot both succeed), every other link of the account dies, and the
 * session version goes up, which signs the account out everywhere. False if the token was not usable.
 */
export async function redeemPasswordReset({
  tokenHash,
  userId,
  passwordHash,
  now,
}: {
  tokenHash: string;
  userId: string;
  passwordHash: string;
  now: Date;
}): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(usable(tokenHash, now), eq(passwordResets.userId, userId)))
      .returning({ userId: passwordResets.userId });
    if (!claimed) return false;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    return true;
  });
}
