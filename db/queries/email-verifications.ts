import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailVerifications, users } from '@/db/schema';

export async function insertEmailVerification(values: {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
}) {
  const db = await getDb();
  await db.insert(emailVerifications).values(values);
}

const usable = (tokenHash: string, now: Date) =>
  and(
    eq(emailVerifications.tokenHash, tokenHash),
    isNull(emailVerifications.usedAt),
    gt(emailVerifications.expiresAt, now),
  );

/** The account an unused, unexpired verification token belongs to, or null. */
export async function findEmailVerification({ tokenHash, now }: { tokenHash: string; now: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, email: users.email, emailVerified: users.emailVerified })
    .from(emailVerifications)
    .innerJoin(users, eq(users.id, emailVerifications.userId))
    .where(usable(tokenHash, now))
    .limit(1);
  return row ?? null;
}

/**
 * Marks the account's email verified if the token is still usable, in one transaction: the token
 * is claimed (a link works once), the account gets its verification time (kept if it had one),
 * and every other link of the account dies. The account's email, or null if the token was not usable.
 */
export async function redeemEmailVerification({
  tokenHash,
  now,
}: {
  tokenHash: string;
  now: Date;
}): Promise<{ userId: string; email: string } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(usable(tokenHash, now))
      .returning({ userId: emailVerifications.userId });
    if (!claimed) return null;
    await tx
      .update(users)
      .set({ emailVerified: now })
      .where(and(eq(users.id, claimed.userId), isNull(users.emailVerified)));
    await tx.delete(emailVerifications).where(eq(emailVerifications.userId, claimed.userId));
    const [user] = await tx
      .select({ userId: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, claimed.userId));
    return user ?? null;
  });
}
