import { describe, expect, it } from 'vitest';
import { addMember, createClass, getMembership, listMembers } from '@/db/queries/classes';
import { listInvitations } from '@/db/queries/invitations';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { linkInMail, setUpMailSink } from '@/lib/test-mail-sink';
import {
  acceptInvitation,
  confirmRoster,
  INVITATION_LIMITS,
  inviteCoInstructor,
  previewRoster,
} from './invitations';

/**
 * Roster import on the real test database (PGlite, or PostgreSQL in CI), with the invitations
 * mailed over real SMTP to a sink this test runs: the link in the mail is what lets a person in.
 */
setUpTestDatabase();

const inbox = setUpMailSink();

const ORIGIN = 'https://ir.school.example';
const HOUR = 3_600_000;
let seq = 0;

async function person(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++seq}@example.org`;
  const user = await insertUser({ email, name });
  return user!;
}

async function newClass() {
  const instructor = await person('Instructor');
  const klass = await createClass({
    name: `IR 210 #${++seq}`,
    userId: instructor.id,
    joinCode: `C${seq}-TEST`,
  });
  return { instructor, klass };
}

const mailsTo = (email: string) => inbox.filter((m) => m.to === email);

/** The invitation link in the latest mail to `email`, as a mail client shows it. */
function tokenSentTo(email: string): string {
  const mail = mailsTo(email).at(-1);
  if (!mail) throw new Error(`No mail to ${email}`);
  const link = linkInMail(mail, /https:\/\/ir\.school\.example\/invitation\?token=[\w-]+/);
  if (!link) throw new Error(`No link in the mail to ${email}`);
  return new URL(link).searchParams.get('token')!;
}

async function preview(classId: string, text: string, now?: Date) {
  const result = await previewRoster({ classId, text, now });
  if (result.status !== 'ok') throw new Error(result.message);
  return result.data;
}

async function importRoster(setup: Awaited<ReturnType<typeof newClass>>, text: string, now = new Date()) {
  const shown = await preview(setup.klass.id, text, now);
  const result = await confirmRoster({
    klass: setup.klass,
    instructor: setup.instructor,
    text,
    digest: shown.digest,
    origin: ORIGIN,
    now,
  });
  if (result.status !== 'ok') throw new Error(result.message);
  return { shown, done: result.data };
}

describe('roster import', () => {
  it('previews without writing or telling who has an account, then invites everyone not in the class by mail', async () => {
    const setup = await newClass();
    const existing = await person('Chidi Okafor');
    const member = await person('Aiko Tanaka');
    await addMember({ classId: setup.klass.id, userId: member.id, role: 'student' });
    const newcomer = `new.${++seq}@students.example.org`;
    const text = [
      'Last Name,First Name,Email Address',
      `Okafor,Chidi,${existing.email.toUpperCase()}`,
      `Tanaka,Aiko,${member.email}`,
      `Haddad,Rania,${newcomer}`,
      'Bello,Tunde,not-an-address',
      `Okafor,Chidi,${existing.email}`,
    ].join('\r\n');

    const shown = await preview(setup.klass.id, text);
    expect(shown.layout).toBe('google-classroom');
    // An address with an account is invited as any other: anyone can start a class, and a roster
    // must not say who has an account (nor their name), nor enrol them unasked.
    expect(shown.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'invite'],
      [3, 'member'],
      [4, 'invite'],
      [5, 'skipped'],
      [6, 'skipped'],
    ]);
    expect(shown.rows[4]!.note).toBe('the same address as line 2');
    expect(shown.rows[0]!.name).toBe('Chidi Okafor');
    expect(JSON.stringify(shown)).not.toContain(existing.id);
    expect(shown.counts).toMatchObject({ member: 1, invite: 2, skipped: 2, mails: 2 });
    // Nothing written by the preview.
    expect(await getMembership({ classId: setup.klass.id, userId: existing.id })).toBeNull();
    expect(await listInvitations({ classId: setup.klass.id })).toEqual([]);
    expect(mailsTo(newcomer)).toEqual([]);

    const { done } = await importRoster(setup, text);
    expect(done).toEqual({ invited: 2, failed: 0, unchanged: 1 });
    // In the class only once they accept.
    expect(await getMembership({ classId: setup.klass.id, userId: existing.id })).toBeNull();
    expect(mailsTo(existing.email)).toHaveLength(1);
    const invitations = await listInvitations({ classId: setup.klass.id });
    expect(invitations.map((i) => i.email).sort()).toEqual([existing.email, newcomer].sort());
    expect(invitations.find((i) => i.email === newcomer)).toMatchObject({
      name: 'Rania Haddad',
      sendCount: 1,
    });
    const mail = mailsTo(newcomer)[0]!.raw;
    expect(mail).toContain(`Subject: You are invited to ${setup.klass.name} on Statecraft`);
    // The token is in the mail only: the database keeps its hash.
    const token = tokenSentTo(newcomer);
    expect(JSON.stringify(await listInvitations({ classId: setup.klass.id }))).not.toContain(token);
  });

  it('invites no one twice and mails no one again within a day when the same roster comes back', async () => {
    const setup = await newClass();
    const existing = await person('Marta Alvarez');
    const newcomer = `again.${++seq}@students.example.org`;
    const text = `Name,Email\nMarta Alvarez,${existing.email}\nPiotr Kowalski,${newcomer}\n`;
    const start = new Date();
    await importRoster(setup, text, start);
    const again = await importRoster(setup, text, new Date(start.getTime() + HOUR));
    expect(again.shown.rows.map((r) => [r.status, r.mails])).toEqual([
      ['invited', false],
      ['invited', false],
    ]);
    expect(again.done).toEqual({ invited: 0, failed: 0, unchanged: 2 });
    expect(mailsTo(newcomer)).toHaveLength(1);
    expect(mailsTo(existing.email)).toHaveLength(1);
    expect((await listMembers({ classId: setup.klass.id })).filter((m) => m.role === 'student')).toHaveLength(
      0,
    );
    expect(await listInvitations({ classId: setup.klass.id })).toHaveLength(2);
  });

  it('re-sends after a day with a new link (the old one dies), at most INVITATION_LIMITS.sends times', async () => {
    const setup = await newClass();
    const newcomer = `resend.${++seq}@students.example.org`;
    const text = `Name,Email\nSam Reed,${newcomer}\n`;
    const start = Date.now();
    await importRoster(setup, text, new Date(start));
    const first = tokenSentTo(newcomer);
    const later = await importRoster(setup, text, new Date(start + 25 * HOUR));
    expect(later.shown.rows[0]).toMatchObject({ status: 'invited', mails: true });
    const second = tokenSentTo(newcomer);
    expect(second).not.toBe(first);
    for (let day = 2; day < INVITATION_LIMITS.sends + 2; day++)
      await importRoster(setup, text, new Date(start + (day * 24 + 1) * HOUR));
    expect(mailsTo(newcomer)).toHaveLength(INVITATION_LIMITS.sends);
    const [invitation] = await listInvitations({ classId: setup.klass.id });
    expect(invitation?.sendCount).toBe(INVITATION_LIMITS.sends);

    const student = await insertUser({ email: newcomer, name: 'Sam Reed' });
    expect(await acceptInvitation({ token: first, user: student! })).toEqual({ status: 'invalid-token' });
    expect(await acceptInvitation({ token: tokenSentTo(newcomer), user: student! })).toEqual({
      status: 'joined',
      classId: setup.klass.id,
    });
  });

  it('refuses a confirmation whose roster no longer reads as the preview, writing nothing', async () => {
    const setup = await newClass();
    const shown = await preview(setup.klass.id, 'Name,Email\nA B,ab.1@example.org\n');
    const result = await confirmRoster({
      klass: setup.klass,
      instructor: setup.instructor,
      text: 'Name,Email\nA B,ab.1@example.org\nC D,cd.2@example.org\n',
      digest: shown.digest,
      origin: ORIGIN,
    });
    expect(result).toMatchObject({ status: 'conflict' });
    expect(await listInvitations({ classId: setup.klass.id })).toEqual([]);
    expect(mailsTo('cd.2@example.org')).toEqual([]);
  });
});

describe('accepting an invitation', () => {
  async function invited() {
    const setup = await newClass();
    const email = `accept.${++seq}@students.example.org`;
    const start = new Date();
    await importRoster(setup, `Name,Email\nLéa Martin,${email}\n`, start);
    return { setup, email, token: tokenSentTo(email), start };
  }

  it('lets the invited address in once, and only that address', async () => {
    const { setup, email, token } = await invited();
    const stranger = await person('Someone Else');
    expect(await acceptInvitation({ token, user: stranger })).toEqual({
      status: 'wrong-user',
      invitedEmail: email,
    });
    expect(await getMembership({ classId: setup.klass.id, userId: stranger.id })).toBeNull();

    // The invitation survived the wrong person; its owner signs up (any case of the address) and joins.
    const student = (await insertUser({ email: email.toUpperCase(), name: 'Léa Martin' }))!;
    expect(await acceptInvitation({ token, user: student })).toEqual({
      status: 'joined',
      classId: setup.klass.id,
    });
    expect((await getMembership({ classId: setup.klass.id, userId: student.id }))?.role).toBe('student');
    expect(await listInvitations({ classId: setup.klass.id })).toEqual([]);
    // Single use.
    expect(await acceptInvitation({ token, user: student })).toEqual({ status: 'invalid-token' });
  });

  it('expires, and a made-up token opens nothing', async () => {
    const { email, token, start } = await invited();
    const student = (await insertUser({ email, name: 'Late Student' }))!;
    const late = new Date(start.getTime() + (INVITATION_LIMITS.days * 24 + 1) * HOUR);
    expect(await acceptInvitation({ token, user: student, now: late })).toEqual({ status: 'invalid-token' });
    expect(await acceptInvitation({ token: 'made-up', user: student })).toEqual({ status: 'invalid-token' });
  });
});

describe('co-instructors', () => {
  it('asks them by mail whether or not they have an account, and makes them an instructor only when they accept', async () => {
    const setup = await newClass();
    const student = await person('Student Turned Assistant');
    await addMember({ classId: setup.klass.id, userId: student.id, role: 'student' });
    const stranger = `nobody.${++seq}@example.org`;
    const ask = (email: string) =>
      inviteCoInstructor({ klass: setup.klass, instructor: setup.instructor, email, origin: ORIGIN });
    // The same answer for an account and an address without one: nothing tells who has an account.
    expect(await ask(student.email)).toEqual({ status: 'invited' });
    expect(await ask(stranger)).toEqual({ status: 'invited' });
    // A day between mails to one address: no mail-bombing by asking again.
    expect(await ask(stranger)).toEqual({ status: 'sent-recently' });
    expect(mailsTo(stranger)).toHaveLength(1);
    expect((await getMembership({ classId: setup.klass.id, userId: student.id }))?.role).toBe('student');
    expect(mailsTo(student.email)[0]!.raw).toContain('Subject: You are invited to teach');
    const token = tokenSentTo(student.email);
    // A roster naming the same address leaves it an invitation to teach.
    await importRoster(setup, `Name,Email\nStudent,${stranger}\n`, new Date(Date.now() + 25 * HOUR));
    expect((await listInvitations({ classId: setup.klass.id })).map((i) => [i.email, i.role])).toContainEqual(
      [stranger, 'instructor'],
    );

    expect(await acceptInvitation({ token, user: student })).toEqual({
      status: 'joined',
      classId: setup.klass.id,
    });
    expect((await getMembership({ classId: setup.klass.id, userId: student.id }))?.role).toBe('instructor');
    expect(await ask(student.email)).toEqual({ status: 'teaches' });
  });
});
