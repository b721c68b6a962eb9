import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';

export type SessionUser = { id: string; name?: string | null; email?: string | null };

/** The signed-in user, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.user?.id ? session.user : null;
}

/** The signed-in user; signed-out visitors go to sign-in and come back to `returnTo` after. */
export async function requireUser(returnTo = '/home'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
