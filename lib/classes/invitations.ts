import 'server-only';
import { createHash } from 'node:crypto';
import {
  findInvitation,
  getInvitationIds,
  markInvitationSent,
  redeemInvitation,
  rosterStanding,
  writeRoster,
} from '@/db/queries/invitations';
import { hashMailToken, newMailToken } from '@/lib/auth/mail-token';
import { INVITATION_MAILS_A_DAY, spendInvitationMails } from '@/lib/auth/throttle';
import { parseRoster, ROSTER_LAYOUTS, type RosterLayout } from '@/lib/classes/roster';
import { sendMail } from '@/lib/mail';
import { ok, type Result, refuse } from '@/lib/server/result';
import { formatDate } from '@/lib/time';

/**
 * Roster import: a roster read (lib/classes/roster.ts) becomes, row by row, one already in the
 * class, an invitation, or a skipped row; the instructor sees that preview, and only their
 * confirmation writes it. An invitation is a mailed link, kept like a password-reset link (only
 * its hash stored, expiring, single use); it lets the person with that address, once signed up or
 * in, join the class. Everyone not in the class is invited, whether or not the address has an
 * account: anyone can start a class, so a roster must not tell its instructor who has an account
 * or their name, nor put people in a class they never agreed to join.
 */

export const INVITATION_LIMITS = {
  /** How long a link works. */
  days: 14,
  /** A roster imported again re-sends an invitation only when the last mail is older than this. */
  resendAfterHours: 24,
  /** And at most this many mails per invitation (revoking it and importing again starts over). */
  sends: 3,
} as const;

export type RosterRowStatus = 'member' | 'invite' | 'invited' | 'skipped';

export type RosterPreviewRow = {
  line: number;
  email: string | null;
  name: string | null;
  status: RosterRowStatus;
  /** Why a row is skipped, or what happens to an invitation already sent. */
  note: string | null;
  /** For an invitation: whether this import mails it (a new one, or one due to be sent again). */
  mails: boolean;
};

export type RosterPreview = {
  layout: RosterLayout;
  layoutName: string;
  /** The text read, sent back on confirmation (nothing is kept on the server in between). */
  text: string;
  /** Names the rows the preview showed, so the confirmation writes exactly those. */
  digest: string;
  rows: RosterPreviewRow[];
  counts: Record<RosterRowStatus, number> & { mails: number };
  fileNote: string | null;
};

type Standing = Awaited<ReturnType<typeof rosterStanding>>;
type Invitation = NonNullable<ReturnType<Standing['invitations']['get']>>;

/** Whether an invitation already made is mailed again by this import, and the words that say so. */
export function resendDecision(invitation: Invitation, now: Date): { mails: boolean; note: string } {
  const sent = invitation.sentAt
    ? `sent ${invitation.sendCount === 1 ? 'once' : `${invitation.sendCount} times`}, last on ${formatDate(invitation.sentAt, 'UTC')}`
    : 'not sent yet (the mail failed)';
  if (invitation.sendCount >= INVITATION_LIMITS.sends)
    return {
      mails: false,
      note: `Already invited (${sent}); not sent again. Revoke it and import again to start over.`,
    };
  const recent =
    invitation.sentAt &&
    now.getTime() - invitation.sentAt.getTime() < INVITATION_LIMITS.resendAfterHours * 3_600_000 &&
    invitation.expiresAt > now;
  if (recent) return { mails: false, note: `Already invited (${sent}); not sent again within a day.` };
  return { mails: true, note: `Already invited (${sent}); sent again with a new link.` };
}

const digestOf = (rows: { line: number; email: string | null; status: RosterRowStatus }[]) =>
  createHash('sha256')
    .update(JSON.stringify(rows.map((r) => [r.line, r.email, r.status === 'skipped'])))
    .digest('hex')
    .slice(0, 32);

/** What a roster would do to the class, row by row, with the accounts it names. */
async function planRoster(classId: string, text: string, now: Date) {
  const parsed = parseRoster(text);
  if (parsed.status !== 'ok') return parsed;
  const { layout, entries, skipped } = parsed.data;
  const standing = await rosterStanding({ classId, emails: entries.map((e) => e.email) });
  const rows: RosterPreviewRow[] = [
    ...entries.map((entry): RosterPreviewRow => {
      const account = standing.accounts.get(entry.email);
      const invitation = standing.invitations.get(entry.email);
      // The name the file gives, never an account's: the preview says nothing of who has one.
      const row = { ...entry, name: entry.name ?? null, note: null, mails: false };
      if (account?.role)
        return {
          ...row,
          status: 'member',
          note: account.role === 'instructor' ? 'Teaches this class.' : null,
        };
      if (invitation) return { ...row, status: 'invited', ...resendDecision(invitation, now) };
      return { ...row, status: 'invite', mails: true };
    }),
    ...skipped.map((s): RosterPreviewRow => ({ ...s, status: 'skipped', note: s.reason, mails: false })),
  ].sort((a, b) => a.line - b.line);
  return ok({ layout, rows, digest: digestOf(rows) });
}

/** Reads a roster into what it would do to the class; nothing is written. */
export async function previewRoster({
  classId,
  text,
  fileNote = null,
  now = new Date(),
}: {
  classId: string;
  text: string;
  fileNote?: string | null;
  now?: Date;
}): Promise<Result<RosterPreview>> {
  const plan = await planRoster(classId, text, now);
  if (plan.status !== 'ok') return plan;
  const { layout, rows, digest } = plan.data;
  const counts = { member: 0, invite: 0, invited: 0, skipped: 0, mails: 0 };
  for (const row of rows) {
    counts[row.status]++;
    if (row.mails) counts.mails++;
  }
  return ok({ layout, layoutName: ROSTER_LAYOUTS[layout], text, digest, rows, counts, fileNote });
}

export type RosterImported = {
  invited: number;
  /** Invitations whose mail could not be sent (importing again retries them). */
  failed: number;
  unchanged: number;
};

/**
 * Writes a previewed roster, if the file still reads as it did: new invitations and those due
 * again get a fresh link by mail. Importing the same roster again adds no one
 * twice and mails no one more often than INVITATION_LIMITS allows.
 */
export async function confirmRoster({
  klass,
  instructor,
  text,
  digest,
  origin,
  now = new Date(),
}: {
  klass: { id: string; name: string };
  instructor: { id: string; name: string | null; email: string };
  text: string;
  digest: string;
  origin: string;
  now?: Date;
}): Promise<Result<RosterImported>> {
  const plan = await planRoster(klass.id, text, now);
  if (plan.status !== 'ok') return plan;
  // The digest names the rows and which were skipped; who is in the class by now is read again
  // here, so a student who joined since the preview is not invited.
  if (plan.data.digest !== digest)
    return refuse('conflict', 'The roster reads differently than in the preview; preview it again.');
  const { rows } = plan.data;
  const toMail = rows.filter((r) => r.mails && r.email);
  if (!(await spendInvitationMails(instructor.id, toMail.length, now)))
    return refuse(
      'rate-limited',
      `You can send at most ${INVITATION_MAILS_A_DAY} invitations a day, and this roster would pass that. Import the rest tomorrow.`,
    );
  const { failed } = await storeAndMail({
    klass,
    instructor,
    origin,
    now,
    invitations: toMail.map((r) => ({ email: r.email!, name: r.name, role: 'student' as const })),
  });
  return ok({
    invited: toMail.length - failed,
    failed,
    unchanged: rows.filter((r) => r.status !== 'skipped').length - toMail.length,
  });
}

/**
 * Stores invitations (a new token each, the old link dying) and mails each its link; one whose
 * mail fails stays unsent, to be sent again by the next import or request. Answers how many failed.
 */
async function storeAndMail({
  klass,
  instructor,
  invitations,
  origin,
  now,
}: {
  klass: { id: string; name: string };
  instructor: { id: string; name: string | null; email: string };
  invitations: { email: string; name: string | null; role: 'student' | 'instructor' }[];
  origin: string;
  now: Date;
}): Promise<{ failed: number }> {
  const expiresAt = new Date(now.getTime() + INVITATION_LIMITS.days * 86_400_000);
  const links = invitations.map((invitation) => ({ ...invitation, ...newMailToken() }));
  await writeRoster({
    classId: klass.id,
    invitedBy: instructor.id,
    invites: links.map(({ email, name, role, tokenHash }) => ({ email, name, role, tokenHash, expiresAt })),
  });
  const ids = await getInvitationIds({ classId: klass.id, emails: links.map((l) => l.email) });
  let failed = 0;
  for (const link of links) {
    try {
      await sendMail(
        invitationMail({
          to: link.email,
          name: link.name,
          className: klass.name,
          instructor: instructor.name ?? instructor.email,
          url: `${origin}/invitation?token=${link.token}`,
          role: link.role,
        }),
      );
      const id = ids.get(link.email);
      if (id) await markInvitationSent({ id, sentAt: now });
    } catch (error) {
      console.error('[classes] invitation mail failed', error);
      failed++;
    }
  }
  return { failed };
}

export function invitationMail({
  to,
  name,
  className,
  instructor,
  url,
  role = 'student',
}: {
  to: string;
  name: string | null;
  className: string;
  instructor: string;
  url: string;
  role?: 'student' | 'instructor';
}) {
  return {
    to,
    subject:
      role === 'instructor'
        ? `You are invited to teach ${className} on Statecraft`
        : `You are invited to ${className} on Statecraft`,
    text: [
      `Hello${name ? ` ${name}` : ''},`,
      '',
      role === 'instructor'
        ? `${instructor} has invited you to teach the class “${className}” on Statecraft with them: its assignments, grading and progress.`
        : `${instructor} has invited you to the class “${className}” on Statecraft, where its readings, quizzes and review cards are.`,
      `Open this link within ${INVITATION_LIMITS.days} days, create your account with this email address (or sign in if you have one), and you are in the class:`,
      '',
      url,
      '',
      'The link works once. If you did not expect this invitation, ignore this email.',
    ].join('\n'),
  };
}

export type CoInstructorInvited =
  | { status: 'invited' }
  | { status: 'teaches' }
  | { status: 'sent-enough' }
  | { status: 'sent-recently' }
  | { status: 'over-budget' }
  | { status: 'mail-failed' };

/**
 * Asks someone to teach the class with its instructors: a mailed invitation they accept, as a
 * roster's students do. The same whether or not the address has an account (anyone can start a
 * class, so this must not tell who has one), and nobody becomes an instructor of a class unasked.
 */
export async function inviteCoInstructor({
  klass,
  instructor,
  email,
  origin,
  now = new Date(),
}: {
  klass: { id: string; name: string };
  instructor: { id: string; name: string | null; email: string };
  email: string;
  origin: string;
  now?: Date;
}): Promise<CoInstructorInvited> {
  const standing = await rosterStanding({ classId: klass.id, emails: [email] });
  if (standing.accounts.get(email)?.role === 'instructor') return { status: 'teaches' };
  const earlier = standing.invitations.get(email);
  if (earlier && earlier.sendCount >= INVITATION_LIMITS.sends) return { status: 'sent-enough' };
  // As a roster's: a day between mails to one address, and within the account's daily budget.
  if (earlier && !resendDecision(earlier, now).mails) return { status: 'sent-recently' };
  if (!(await spendInvitationMails(instructor.id, 1, now))) return { status: 'over-budget' };
  const { failed } = await storeAndMail({
    klass,
    instructor,
    origin,
    now,
    invitations: [{ email, name: null, role: 'instructor' }],
  });
  if (failed > 0) return { status: 'mail-failed' };
  return { status: 'invited' };
}

export type AcceptResult =
  | { status: 'joined'; classId: string }
  | { status: 'invalid-token' }
  | { status: 'archived' }
  | { status: 'wrong-user'; invitedEmail: string };

/** An invitation as its page shows it before anyone accepts; null for a token that opens nothing. */
export async function invitationForToken(token: string, now = new Date()) {
  if (!token) return null;
  return findInvitation({ tokenHash: hashMailToken(token), now });
}

/**
 * Accepts an invitation for the signed-in user, if it is theirs (their account's address is the
 * one invited): they join the class, and the link works no more. Someone else's session leaves it
 * untouched, so the right person can still use it.
 */
export async function acceptInvitation({
  token,
  user,
  now = new Date(),
}: {
  token: string;
  user: { id: string; email: string };
  now?: Date;
}): Promise<AcceptResult> {
  const invitation = await invitationForToken(token, now);
  if (!invitation) return { status: 'invalid-token' };
  if (invitation.email !== user.email.trim().toLowerCase())
    return { status: 'wrong-user', invitedEmail: invitation.email };
  if (invitation.archivedAt) return { status: 'archived' };
  const redeemed = await redeemInvitation({ invitationId: invitation.id, userId: user.id });
  return redeemed ? { status: 'joined', classId: redeemed.classId } : { status: 'invalid-token' };
}
