'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteInvitation } from '@/db/queries/invitations';
import { getUserById } from '@/db/queries/users';
import { MAIL_NEEDS_AUTH_URL, mailOrigin, untrustedHostMessage } from '@/lib/auth/host';
import { acceptInvitation, confirmRoster, previewRoster } from '@/lib/classes/invitations';
import { ROSTER_LIMITS } from '@/lib/classes/roster';
import { action } from '@/lib/server/endpoint';
import { field, readUploadedText } from '@/lib/server/input';
import { classToTeach } from '@/lib/server/policy';
import { ok, refuse } from '@/lib/server/result';

const classId = field.id('That class');
const rosterSizeMessage = `The roster is larger than ${ROSTER_LIMITS.bytes / 1024 / 1024} MB; split it and import the parts.`;
const archivedMessage = 'This class is archived: restore it in Class settings before adding students.';

/**
 * Reads a roster (uploaded or pasted) into what it would do, row by row, for the import page's
 * preview: who is already in the class, who is invited, each row skipped and why.
 * Nothing is written.
 */
export const previewRosterAction = action({
  name: 'classes.previewRoster',
  input: z.object({
    classId,
    text: z.string().optional().default(''),
    file: z.instanceof(File).optional().catch(undefined),
  }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    if (klass.archivedAt) return refuse('conflict', archivedMessage);
    let text = input.text;
    let fileNote: string | null = null;
    if (input.file && input.file.size > 0) {
      if (input.file.size > ROSTER_LIMITS.bytes)
        return refuse('too-large', rosterSizeMessage, { fieldErrors: { file: [rosterSizeMessage] } });
      const decoded = await readUploadedText(input.file);
      text = decoded.text;
      fileNote = decoded.note;
    }
    return previewRoster({ classId: klass.id, text, fileNote });
  },
});

/** Writes the previewed roster: the accounts join, new addresses are mailed an invitation. */
export const importRosterAction = action({
  name: 'classes.importRoster',
  input: z.object({
    classId,
    text: z.string({ error: 'The roster to import is missing.' }),
    digest: z.string().regex(/^[0-9a-f]{32}$/, 'Preview the roster again before importing.'),
  }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass, user }) => {
    if (klass.archivedAt) return refuse('conflict', archivedMessage);
    const requestHeaders = await headers();
    // The invitations' links point at this host: only one the app trusts.
    const untrusted = untrustedHostMessage(requestHeaders);
    if (untrusted) return refuse('forbidden', untrusted);
    const origin = mailOrigin(requestHeaders);
    if (!origin) return refuse('forbidden', MAIL_NEEDS_AUTH_URL);
    const instructor = await getUserById({ id: user.id });
    if (!instructor) return refuse('unauthenticated', 'Your session has ended. Sign in again to continue.');
    const result = await confirmRoster({
      klass,
      instructor,
      text: input.text,
      digest: input.digest,
      origin,
    });
    if (result.status !== 'ok') return result;
    revalidatePath(`/classes/${klass.id}`);
    const { invited, failed, unchanged } = result.data;
    const parts = [`${invited} invitation${invited === 1 ? '' : 's'} sent`];
    if (unchanged) parts.push(`${unchanged} unchanged`);
    const failure = failed
      ? ` ${failed} invitation${failed === 1 ? '' : 's'} could not be mailed; import the roster again later to retry.`
      : '';
    return ok(result.data, `${parts.join(', ')}.${failure}`);
  },
});

/** Withdraws an invitation: its link stops working at once. */
export const revokeInvitationAction = action({
  name: 'classes.revokeInvitation',
  input: z.object({ classId, invitationId: field.id('That invitation') }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    const revoked = await deleteInvitation({ classId: klass.id, invitationId: input.invitationId });
    if (!revoked) return refuse('not-found', 'That invitation was already accepted or revoked.');
    revalidatePath(`/classes/${klass.id}`);
    return ok(undefined, 'Invitation revoked: its link no longer works.');
  },
});

/** The invitation page's "Join the class": the invited person, signed in with the invited address. */
export const acceptInvitationAction = action({
  name: 'classes.acceptInvitation',
  input: z.object({ token: z.string().min(1, 'This invitation link is not valid.').max(200) }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    const account = await getUserById({ id: user.id });
    if (!account) return refuse('unauthenticated', 'Your session has ended. Sign in again to continue.');
    const result = await acceptInvitation({ token: input.token, user: account });
    if (result.status === 'invalid-token')
      return refuse(
        'invalid',
        'This invitation has expired, was revoked or was already used. Ask your instructor for a new one, or for the join code.',
        { reason: 'invalid-token' },
      );
    if (result.status === 'wrong-user')
      return refuse(
        'forbidden',
        `This invitation is for ${result.invitedEmail}, and you are signed in as ${account.email}. Sign out, then sign in or create an account with ${result.invitedEmail}.`,
        { reason: 'wrong-user' },
      );
    if (result.status === 'archived')
      return refuse('conflict', 'This class has ended (it is archived), so nobody can join it now.');
    revalidatePath('/classes');
    redirect(`/classes/${result.classId}`);
  },
});
