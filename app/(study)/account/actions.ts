'use server';

import { signOut } from '@/auth';
import { bumpSessionVersion } from '@/db/queries/users';
import { changePassword } from '@/lib/auth/accounts';
import { currentUser } from '@/lib/auth/session';
import { type FormState, formText } from '@/lib/form-state';

/** Signing out ends the user's sessions on every device, not only this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await bumpSessionVersion({ userId: user.id });
  await signOut({ redirectTo: '/sign-in?notice=signed-out' });
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user)
    return { status: 'forbidden', message: 'Your session has ended. Sign in again to change your password.' };
  const result = await changePassword(user.id, formText(formData, 'currentPassword', 'newPassword'));
  if (result.status === 'invalid') {
    return {
      status: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: result.fieldErrors,
    };
  }
  if (result.status === 'wrong-password') {
    return {
      status: 'invalid',
      message: 'Your current password is not right.',
      fieldErrors: { currentPassword: ['This is not your current password.'] },
    };
  }
  // Every session, this one included, carried the old version: sign in again with the new password.
  await signOut({ redirectTo: '/sign-in?notice=password-changed' });
  return { status: 'ok' };
}
