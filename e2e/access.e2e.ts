import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Audience, RULES, type RuleName } from '@/lib/server/policy';
import { IDLE } from '@/lib/server/result';
import {
  type ActionAnswer,
  type ActionRef,
  ANONYMOUS,
  actionIds,
  callAction,
  fetchAs,
  formOf,
  type Session,
  signInOverHttp,
} from './http';
import { root } from './server';

/**
 * The access matrix, derived from the policy: every page, route handler and server action of the
 * app, tried over HTTP by seven people (signed out, a student of the class, a student of another
 * class, the class's instructor, another instructor, a fresh account in no class, a site
 * administrator), each with their own cookies and the class's ids in the request. Pages and routes
 * first, then actions (whose late cases change who is who, and finally sign everyone out). Each case names
 * the resource it touches; each person's relationships to that resource are stated below; the
 * policy's RULES say which relationships let a person through. A person must get through exactly
 * where the table says, and be refused everywhere else. Every action, route and page must have a
 * case: a new one without one fails here.
 */

const ROLES = [
  'anonymous',
  'student',
  'otherStudent',
  'instructor',
  'otherInstructor',
  'fresh',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
const PASSWORD = 'a long walk through the archives';
const BURNS_SLUG = 'burns-lead-with-diplomacy';
const SHIPPED_QUESTION = 'burns-tf-expulsions';
/** A short-answer question of the Burns quiz, with key points loneliness, lasting and calculus. */
const FREE_TEXT_QUESTION = 'burns-why-coalitions';
const FAR_FUTURE = '2099-01-01T00:00';

type Fixture = {
  sessions: Record<Role, Session>;
  emails: Record<Role, string>;
  classA: string;
  classB: string;
  classBCode: string;
  burnsId: string;
  burnsQuiz: string;
  instructorCopyQuestion: string;
  otherInstructorQuiz: string;
  draftReading: { id: string; slug: string };
  publishedReading: { id: string; slug: string };
  glossaryTermId: string;
  noteId: string;
  assignment: string;
  /** An assignment made for the delete case alone. */
  spareAssignment: string;
  assignedAttempt: string;
  openAttempt: string;
  submittedAttempt: string;
  highlight: string;
  card: string;
  victimStudent: string;
  coInstructorEmail: string;
};

/**
 * Each resource a case touches, and how each person relates to it (besides being signed in or
 * not, which every case gets). Written from how the fixture is built, independently of the app's
 * code: the policy's RULES then decide.
 */
const RESOURCES: Record<string, Partial<Record<Role, Audience[]>>> = {
  nothing: {},
  burnsReading: Object.fromEntries(SIGNED_IN.map((r) => [r, ['reader', 'quiz-taker']])),
  // Banks reached through a shipped reading: the administrator manages its own bank; the two
  // instructors each made a copy; nobody else manages one.
  burnsBanks: { admin: ['bank-manager'], instructor: ['bank-manager'], otherInstructor: ['bank-manager'] },
  shippedQuestion: { admin: ['bank-manager'] },
  instructorCopyQuestion: { instructor: ['bank-manager'] },
  instructors: { instructor: ['instructor'], otherInstructor: ['instructor'] },
  draftReading: { instructor: ['reader', 'reading-author'] },
  publishedReading: {
    ...Object.fromEntries(SIGNED_IN.map((r) => [r, ['reader']])),
    instructor: ['reader', 'reading-author'],
  },
  classA: { instructor: ['class-instructor'], student: ['class-student'] },
  assignment: { instructor: ['class-instructor'], student: ['class-student', 'quiz-taker'] },
  assignedAttempt: { instructor: ['class-instructor'], student: ['attempt-owner'] },
  studentAttempt: { student: ['attempt-owner'] },
  // The other instructor built this quiz; the administrator manages the bank of Burns's default quiz.
  otherInstructorQuiz: { otherInstructor: ['quiz-taker', 'quiz-manager'] },
  burnsDefaultQuiz: { admin: ['quiz-manager'] },
  studentCard: { student: ['card-owner'] },
  studentHighlight: { student: ['highlight-owner'] },
};

function expectedRoles(rule: RuleName, resource: string): Role[] {
  const allowed = new Set<Audience>(RULES[rule].audiences);
  return ROLES.filter((role) => {
    const relations: Audience[] = ['anyone', ...(role === 'anonymous' ? [] : ['signed-in' as const])];
    relations.push(...(RESOURCES[resource]?.[role] ?? []));
    return relations.some((r) => allowed.has(r));
  });
}

type ActionCase = {
  action: string;
  rule: RuleName;
  resource: keyof typeof RESOURCES;
  /** The arguments, as the app's own client sends them: an object, or a form (with useActionState). */
  args: (f: Fixture, role: Role) => unknown[];
  /** Who gets through, when the table alone does not say it (a second check inside the rule). */
  expect?: Role[];
  /** Runs after every other case: it changes who is who (joins a class, starts one, signs out). */
  late?: boolean;
};

const form = (fields: Record<string, string | string[]>) => [IDLE, formOf(fields)];
const shippedQuestion = () => {
  const bank = JSON.parse(readFileSync(path.join(root, 'content', BURNS_SLUG, 'questions.json'), 'utf8')) as
    | { id: string }[]
    | { questions: { id: string }[] };
  const list = Array.isArray(bank) ? bank : bank.questions;
  return list.find((q) => q.id === SHIPPED_QUESTION);
};
const trueFalse = {
  type: 'true-false',
  prompt: 'True or false: Burns says the West has more at stake than Putin.',
  statement: 'Burns says the West has more at stake than Putin.',
  answer: { value: true },
  explanation: 'Paragraph 5 says so.',
  evidence: ['p5.s2'],
  skill: 'evidence',
  concepts: [],
  lens: null,
  difficulty: 1,
};
let serial = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`;

const ACTION_CASES: ActionCase[] = [
  // Accounts.
  // An empty password: refused by the form's own check, so no failed sign-in counts against the limits.
  {
    action: 'auth.signIn',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ email: `${unique('nobody')}@e2e.statecraft`, password: '', callbackUrl: '' }),
  },
  {
    // An address with no account: the same answer as for one that has an account, and no mail.
    action: 'auth.requestPasswordReset',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ email: `${unique('nobody')}@e2e.statecraft` }),
  },
  {
    // A token that was never issued: refused inside the action, after the (public) policy.
    action: 'auth.resetPassword',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ token: 'never-issued', password: PASSWORD }),
  },
  {
    // "Send the link again" for an address with no account: the same answer as for one, no mail.
    action: 'auth.resendVerification',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ email: `${unique('nobody')}@e2e.statecraft` }),
  },
  {
    // A verification token that was never issued: refused inside the action, after the (public) policy.
    action: 'auth.verifyEmail',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ token: 'never-issued' }),
  },
  {
    action: 'auth.signUp',
    rule: 'public',
    resource: 'nothing',
    args: () =>
      form({
        name: 'Matrix Person',
        email: `${unique('signup')}@e2e.statecraft`,
        password: PASSWORD,
        callbackUrl: '',
      }),
  },
  {
    action: 'auth.signInWithProvider',
    rule: 'public',
    resource: 'nothing',
    args: () => form({ provider: 'nowhere', callbackUrl: '' }),
  },
  // A link to confirm one's own address, mailed (to the server log) to whoever asks for their own.
  {
    action: 'auth.confirmOwnEmail',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({}),
  },
  // A wrong current password: the policy lets every signed-in person try; nothing changes.
  {
    action: 'auth.changePassword',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({ currentPassword: 'not it at all', newPassword: 'another long passphrase' }),
  },
  // A student's own study.
  {
    action: 'study.saveProgress',
    rule: 'view-reading',
    resource: 'burnsReading',
    args: () => [{ slug: BURNS_SLUG, paragraphId: 'p2', furthestParagraph: 2, sectionsRead: [] }],
  },
  {
    action: 'study.saveProgress',
    rule: 'view-reading',
    resource: 'draftReading',
    args: (f) => [{ slug: f.draftReading.slug, paragraphId: 'p1', furthestParagraph: 1, sectionsRead: [] }],
  },
  {
    action: 'study.saveHighlight',
    rule: 'view-reading',
    resource: 'burnsReading',
    args: () => [{ slug: BURNS_SLUG, sentenceId: 'p3.s1', note: 'mine' }],
  },
  {
    action: 'study.saveHighlight',
    rule: 'view-reading',
    resource: 'draftReading',
    args: (f) => [{ slug: f.draftReading.slug, sentenceId: 'p1.s1', note: null }],
  },
  {
    action: 'study.removeHighlight',
    rule: 'own-highlight',
    resource: 'studentHighlight',
    args: (f) => [{ highlightId: f.highlight }],
  },
  {
    action: 'study.answerGuidedQuestion',
    rule: 'view-reading',
    resource: 'burnsReading',
    args: () => [
      { slug: BURNS_SLUG, questionId: SHIPPED_QUESTION, response: { type: 'true-false', value: true } },
    ],
  },
  {
    action: 'study.practiceAnswer',
    rule: 'view-reading',
    resource: 'burnsReading',
    args: () => [{ questionId: SHIPPED_QUESTION, response: { type: 'true-false', value: true } }],
  },
  {
    action: 'study.previewCard',
    rule: 'own-card',
    resource: 'studentCard',
    args: (f) => [{ cardId: f.card }],
  },
  {
    action: 'study.checkReviewAnswer',
    rule: 'own-card',
    resource: 'studentCard',
    args: (f) => [{ cardId: f.card, response: { type: 'true-false', value: true }, durationMs: 1000 }],
  },
  {
    action: 'study.rateCard',
    rule: 'own-card',
    resource: 'studentCard',
    args: (f) => [{ cardId: f.card, rating: 'good', durationMs: 1000 }],
  },
  {
    // The limit on new glossary cards is the caller's own setting (20 is the default, so nothing changes).
    action: 'study.setNewGlossaryLimit',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({ perDay: '20' }),
  },
  // Quizzes.
  {
    action: 'quizzes.startAttempt',
    rule: 'take-quiz',
    resource: 'burnsReading',
    args: (f) => form({ quizId: f.burnsQuiz }),
  },
  {
    action: 'quizzes.startAttempt',
    rule: 'take-quiz',
    resource: 'assignment',
    args: (f) => form({ quizId: f.burnsQuiz, assignmentId: f.assignment }),
  },
  // Another instructor's quiz is theirs alone for self-study.
  {
    action: 'quizzes.startAttempt',
    rule: 'take-quiz',
    resource: 'otherInstructorQuiz',
    args: (f) => form({ quizId: f.otherInstructorQuiz }),
  },
  {
    action: 'quizzes.saveAnswer',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    args: (f) => [
      {
        attemptId: f.openAttempt,
        questionId: SHIPPED_QUESTION,
        response: { type: 'true-false', value: false },
        clientSeq: ++serial,
        flagged: false,
        confidence: null,
      },
    ],
  },
  {
    action: 'quizzes.checkAnswer',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    args: (f) => [{ attemptId: f.openAttempt, questionId: SHIPPED_QUESTION }],
  },
  {
    action: 'quizzes.sendToReview',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    args: (f) => [{ attemptId: f.submittedAttempt, questionIds: [SHIPPED_QUESTION] }],
  },
  {
    action: 'quizzes.submitAttempt',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    args: (f) => [{ attemptId: f.openAttempt }],
    late: true,
  },
  // Classes.
  {
    action: 'classes.changeJoinCode',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, mode: 'new' }),
  },
  {
    action: 'classes.addCoInstructor',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, email: f.coInstructorEmail }),
  },
  {
    action: 'classes.createAssignment',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form(assignmentFields(f.classA, f.burnsQuiz)),
  },
  // Another instructor's quiz cannot be assigned, even to one's own class.
  {
    action: 'classes.createAssignment',
    rule: 'teach-class',
    resource: 'classA',
    expect: [],
    args: (f) => form(assignmentFields(f.classA, f.otherInstructorQuiz)),
  },
  {
    action: 'classes.updateAssignment',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => {
      const { quizId: _q, ...fields } = assignmentFields(f.classA, f.burnsQuiz);
      return form({ ...fields, assignmentId: f.spareAssignment, title: 'Spare to delete' });
    },
  },
  {
    action: 'classes.duplicateAssignment',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, assignmentId: f.spareAssignment }),
  },
  {
    // Only the class's instructor is let through, once, and last: nothing else uses the spare.
    action: 'classes.deleteAssignment',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, assignmentId: f.spareAssignment }),
    late: true,
  },
  {
    action: 'classes.saveAccommodation',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) =>
      form({
        classId: f.classA,
        assignmentId: f.assignment,
        userId: f.victimStudent,
        extraMinutes: '10',
        extraAttempts: '',
        dueAt: '',
      }),
  },
  {
    action: 'classes.regrade',
    rule: 'review-attempt',
    resource: 'assignedAttempt',
    args: (f) =>
      form({
        classId: f.classA,
        attemptId: f.assignedAttempt,
        questionId: SHIPPED_QUESTION,
        score: '50',
        comment: 'Half right.',
      }),
  },
  {
    action: 'classes.excuse',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) =>
      form({ classId: f.classA, assignmentId: f.assignment, userId: f.victimStudent, excused: 'on' }),
  },
  {
    action: 'classes.gradeAnswerGroup',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => [
      {
        classId: f.classA,
        assignmentId: f.assignment,
        questionId: FREE_TEXT_QUESTION,
        attemptIds: [f.assignedAttempt],
        verdicts: { loneliness: 'met', lasting: 'partly', calculus: 'missed' },
        comment: 'Good start.',
      },
    ],
  },
  {
    action: 'classes.removeStudent',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, userId: f.victimStudent }),
    late: true,
  },
  {
    // Restoring a class that is not archived: changes nothing, so the other cases are unaffected.
    action: 'classes.archive',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA }),
  },
  {
    action: 'classes.rename',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, name: 'Matrix A' }),
  },
  // Roster import: the preview writes nothing; a wrong digest makes the confirmation write nothing;
  // an invitation id that is not the class's is refused after the policy.
  {
    action: 'classes.previewRoster',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, text: 'Name,Email\nMatrix Person,matrix.roster@e2e.statecraft' }),
  },
  {
    action: 'classes.importRoster',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) =>
      form({
        classId: f.classA,
        text: 'Name,Email\nMatrix Person,matrix.roster@e2e.statecraft',
        digest: '0'.repeat(32),
      }),
  },
  {
    action: 'classes.revokeInvitation',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, invitationId: '00000000-0000-4000-8000-000000000000' }),
  },
  {
    // A made-up token opens nothing: every signed-in person gets past the policy to hear so.
    action: 'classes.acceptInvitation',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({ token: 'made-up-token' }),
  },
  {
    action: 'classes.setTimeZone',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, timeZone: 'UTC' }),
  },
  {
    action: 'auth.setTimeZone',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({ timeZone: 'UTC' }),
  },
  {
    // The receipt is checked inside the rule: a forged one is refused there, after the policy.
    action: 'classes.restoreStudent',
    rule: 'teach-class',
    resource: 'classA',
    args: (f) => form({ classId: f.classA, receipt: 'forged.receipt' }),
    late: true,
  },
  {
    action: 'classes.join',
    rule: 'signed-in',
    resource: 'nothing',
    args: (f) => form({ code: f.classBCode }),
    late: true,
  },
  {
    action: 'classes.create',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({ name: unique('Matrix class') }),
    late: true,
  },
  // Readings an instructor writes.
  {
    action: 'readings.create',
    rule: 'signed-in',
    resource: 'nothing',
    args: () =>
      form({
        title: 'Matrix essay',
        author: '',
        text: 'A short essay.\n\nIt has two paragraphs.',
        format: 'text',
      }),
  },
  {
    action: 'readings.updateDetails',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) =>
      form({
        readingId: f.publishedReading.id,
        title: 'A published essay',
        author: 'A. Author',
        authorNote: '',
        source: '',
        publishedOn: '',
      }),
  },
  {
    action: 'readings.updateSections',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) =>
      form({ readingId: f.publishedReading.id, from: '0', to: '2', break: 'p1', 'title:p1': 'All of it' }),
  },
  {
    action: 'readings.saveGlossaryTerm',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) =>
      form({ readingId: f.publishedReading.id, term: unique('term'), definition: 'A word.', aliases: '' }),
  },
  {
    action: 'readings.deleteGlossaryTerm',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) => form({ readingId: f.publishedReading.id, id: f.glossaryTermId }),
  },
  // Term lists (Quizlet): the reading's author; a wrong digest makes the confirmation write nothing.
  {
    action: 'readings.previewTermList',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) => form({ readingId: f.publishedReading.id, text: 'essay\tA short piece of writing.' }),
  },
  {
    action: 'readings.importTermList',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) =>
      form({
        readingId: f.publishedReading.id,
        text: 'essay\tA short piece of writing.',
        digest: '0'.repeat(32),
        duplicates: 'skip',
      }),
  },
  {
    action: 'readings.saveNote',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) =>
      form({ readingId: f.publishedReading.id, paragraphId: 'p1', title: 'Context', body: 'Some context.' }),
  },
  {
    action: 'readings.deleteNote',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) => form({ readingId: f.publishedReading.id, id: f.noteId }),
  },
  // The paragraphs of a draft: the author edits them (what the edit does is not the point here).
  {
    action: 'readings.insertParagraph',
    rule: 'edit-reading',
    resource: 'draftReading',
    args: (f) => form({ readingId: f.draftReading.id, afterParagraphId: 'p2', text: 'A third paragraph.' }),
  },
  {
    action: 'readings.editParagraph',
    rule: 'edit-reading',
    resource: 'draftReading',
    args: (f) =>
      form({
        readingId: f.draftReading.id,
        paragraphId: 'p1',
        text: 'The first paragraph says a thing. Twice.',
      }),
  },
  {
    action: 'readings.splitParagraph',
    rule: 'edit-reading',
    resource: 'draftReading',
    args: (f) => form({ readingId: f.draftReading.id, paragraphId: 'p1', beforeSentenceId: 'p1.s2' }),
  },
  {
    action: 'readings.mergeParagraphs',
    rule: 'edit-reading',
    resource: 'draftReading',
    args: (f) => form({ readingId: f.draftReading.id, firstId: 'p1', secondId: 'p4' }),
  },
  {
    action: 'readings.deleteParagraph',
    rule: 'edit-reading',
    resource: 'draftReading',
    args: (f) => form({ readingId: f.draftReading.id, paragraphId: 'p3' }),
  },
  {
    action: 'readings.setPublished',
    rule: 'edit-reading',
    resource: 'publishedReading',
    args: (f) => form({ readingId: f.publishedReading.id, publish: 'true' }),
  },
  // Question banks: the shipped bank is the administrator's; instructors work on copies.
  {
    action: 'bank.copy',
    rule: 'copy-bank',
    resource: 'instructors',
    args: (f) => form({ readingId: f.burnsId }),
  },
  {
    action: 'bank.generate',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    args: (f) => form({ readingId: f.burnsId }),
  },
  {
    action: 'bank.buildQuiz',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    args: (f) =>
      form({ readingId: f.burnsId, title: unique('Matrix quiz'), mode: 'rule', 'perSkill:evidence': '1' }),
  },
  {
    action: 'bank.createQuestion',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    args: (f) => [{ readingId: f.burnsId, question: trueFalse }],
  },
  {
    action: 'bank.setStatus',
    rule: 'manage-bank',
    resource: 'shippedQuestion',
    args: (f) => form({ readingId: f.burnsId, questionId: SHIPPED_QUESTION, status: 'approved' }),
  },
  {
    action: 'bank.editQuestion',
    rule: 'manage-bank',
    resource: 'shippedQuestion',
    args: (f) => [{ readingId: f.burnsId, questionId: SHIPPED_QUESTION, question: shippedQuestion() }],
  },
  {
    action: 'bank.retag',
    rule: 'manage-bank',
    resource: 'shippedQuestion',
    args: (f) => [{ readingId: f.burnsId, questionId: [SHIPPED_QUESTION], addConcept: 'diplomacy' }],
  },
  {
    action: 'bank.retag',
    rule: 'manage-bank',
    resource: 'instructorCopyQuestion',
    args: (f) => [{ readingId: f.burnsId, questionId: [f.instructorCopyQuestion], difficulty: '2' }],
  },
  {
    action: 'bank.setStatus',
    rule: 'manage-bank',
    resource: 'instructorCopyQuestion',
    args: (f) => form({ readingId: f.burnsId, questionId: f.instructorCopyQuestion, status: 'approved' }),
  },
  // Last of all: it ends every session of whoever it lets through.
  {
    action: 'auth.signOutEverywhere',
    rule: 'signed-in',
    resource: 'nothing',
    args: () => form({}),
    late: true,
  },
];

function assignmentFields(classId: string, quizId: string) {
  return {
    classId,
    quizId,
    title: unique('Matrix assignment'),
    opensAt: '',
    dueAt: FAR_FUTURE,
    attemptsAllowed: '',
    timeLimitMinutes: '',
    latePolicy: 'accept',
    penaltyPercent: '',
    feedbackRelease: 'after-due',
  };
}

type RouteCase = {
  route: string;
  rule: RuleName;
  resource: keyof typeof RESOURCES;
  request: (f: Fixture) => { method: string; path: string; json?: unknown; body?: string };
};

const ROUTE_CASES: RouteCase[] = [
  {
    route: 'api.health',
    rule: 'public',
    resource: 'nothing',
    request: () => ({ method: 'GET', path: '/api/health' }),
  },
  {
    route: 'auth.endpointGet',
    rule: 'public',
    resource: 'nothing',
    request: () => ({ method: 'GET', path: '/api/auth/session' }),
  },
  {
    route: 'auth.endpointPost',
    rule: 'public',
    resource: 'nothing',
    request: () => ({ method: 'POST', path: '/api/auth/callback/credentials', json: {} }),
  },
  {
    route: 'api.startAttempt',
    rule: 'take-quiz',
    resource: 'burnsReading',
    request: (f) => ({ method: 'POST', path: `/api/quizzes/${f.burnsQuiz}/attempts`, json: {} }),
  },
  {
    route: 'api.saveAnswer',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    request: (f) => ({
      method: 'PUT',
      path: `/api/attempts/${f.openAttempt}/responses/${SHIPPED_QUESTION}`,
      json: { response: null, clientSeq: ++serial },
    }),
  },
  {
    route: 'api.submitAttempt',
    rule: 'own-attempt',
    resource: 'assignedAttempt',
    request: (f) => ({ method: 'POST', path: `/api/attempts/${f.assignedAttempt}/submit`, json: {} }),
  },
  {
    route: 'api.gradebook',
    rule: 'teach-class',
    resource: 'classA',
    request: (f) => ({ method: 'GET', path: `/api/classes/${f.classA}/gradebook` }),
  },
  {
    route: 'api.responses',
    rule: 'teach-class',
    resource: 'classA',
    request: (f) => ({ method: 'GET', path: `/api/classes/${f.classA}/responses` }),
  },
  {
    route: 'api.bankExport',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    request: (f) => ({ method: 'GET', path: `/api/readings/${f.burnsId}/bank/export?format=gift` }),
  },
  {
    route: 'api.bankGeneration',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    request: (f) => ({ method: 'GET', path: `/api/readings/${f.burnsId}/bank/generation` }),
  },
  {
    route: 'api.createReading',
    rule: 'signed-in',
    resource: 'nothing',
    request: () => ({
      method: 'POST',
      path: '/api/readings/import?source=paste&format=text&title=Matrix%20essay',
      body: 'A short essay.\n\nIt has two paragraphs.',
    }),
  },
  // Import (GIFT, Aiken): those who manage the bank; a wrong digest makes the confirmation write nothing.
  {
    route: 'api.bankImport',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    request: (f) => ({
      method: 'POST',
      path: `/api/readings/${f.burnsId}/bank/import?step=preview&format=gift&source=paste`,
      body: 'Who expelled diplomats? {=27 countries ~none}',
    }),
  },
  {
    route: 'api.bankImport',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    request: (f) => ({
      method: 'POST',
      path: `/api/readings/${f.burnsId}/bank/import?step=confirm&format=aiken&digest=${'0'.repeat(32)}`,
      body: 'Who expelled diplomats?\nA) 27 countries\nB) none\nANSWER: A\n',
    }),
  },
  {
    route: 'api.quizExport',
    rule: 'manage-quiz',
    resource: 'otherInstructorQuiz',
    request: (f) => ({ method: 'GET', path: `/api/quizzes/${f.otherInstructorQuiz}/export?format=qti21` }),
  },
  {
    route: 'api.quizExport',
    rule: 'manage-quiz',
    resource: 'burnsDefaultQuiz',
    request: (f) => ({ method: 'GET', path: `/api/quizzes/${f.burnsQuiz}/export?format=moodle-xml` }),
  },
  {
    route: 'api.ankiExport',
    rule: 'signed-in',
    resource: 'nothing',
    request: () => ({ method: 'GET', path: '/api/review/export?format=apkg' }),
  },
];

type PageCase = {
  page: string;
  rule: RuleName;
  resource: keyof typeof RESOURCES;
  path: (f: Fixture) => string;
};

const PAGE_CASES: PageCase[] = [
  { page: '/', rule: 'public', resource: 'nothing', path: () => '/' },
  { page: '/about', rule: 'public', resource: 'nothing', path: () => '/about' },
  { page: '/sign-in', rule: 'public', resource: 'nothing', path: () => '/sign-in' },
  { page: '/sign-up', rule: 'public', resource: 'nothing', path: () => '/sign-up' },
  { page: '/forgot-password', rule: 'public', resource: 'nothing', path: () => '/forgot-password' },
  { page: '/reset-password', rule: 'public', resource: 'nothing', path: () => '/reset-password?token=none' },
  { page: '/verify-email', rule: 'public', resource: 'nothing', path: () => '/verify-email?token=none' },
  { page: '/invitation', rule: 'public', resource: 'nothing', path: () => '/invitation?token=none' },
  ...[
    '/home',
    '/account',
    '/readings',
    '/review',
    '/progress',
    '/practice',
    '/classes',
    '/classes/join',
    '/teach/readings',
    '/teach/readings/new',
  ].map((page): PageCase => ({ page, rule: 'signed-in', resource: 'nothing', path: () => page })),
  {
    page: '/readings/[slug]',
    rule: 'view-reading',
    resource: 'burnsReading',
    path: () => `/readings/${BURNS_SLUG}`,
  },
  {
    page: '/readings/[slug]',
    rule: 'view-reading',
    resource: 'draftReading',
    path: (f) => `/readings/${f.draftReading.slug}`,
  },
  {
    page: '/quizzes/[quizId]',
    rule: 'take-quiz',
    resource: 'burnsReading',
    path: (f) => `/quizzes/${f.burnsQuiz}`,
  },
  {
    page: '/quizzes/[quizId]',
    rule: 'take-quiz',
    resource: 'otherInstructorQuiz',
    path: (f) => `/quizzes/${f.otherInstructorQuiz}`,
  },
  {
    page: '/quizzes/[quizId]/attempts/[attemptId]',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    path: (f) => `/quizzes/${f.burnsQuiz}/attempts/${f.openAttempt}`,
  },
  {
    page: '/quizzes/[quizId]/attempts/[attemptId]/results',
    rule: 'own-attempt',
    resource: 'studentAttempt',
    path: (f) => `/quizzes/${f.burnsQuiz}/attempts/${f.submittedAttempt}/results`,
  },
  {
    page: '/classes/[classId]',
    rule: 'attend-class',
    resource: 'classA',
    path: (f) => `/classes/${f.classA}`,
  },
  {
    page: '/classes/[classId]/assignments/[assignmentId]',
    rule: 'teach-class',
    resource: 'classA',
    path: (f) => `/classes/${f.classA}/assignments/${f.assignment}`,
  },
  {
    page: '/classes/[classId]/assignments/[assignmentId]/answers/[questionId]',
    rule: 'teach-class',
    resource: 'classA',
    path: (f) => `/classes/${f.classA}/assignments/${f.assignment}/answers/${FREE_TEXT_QUESTION}`,
  },
  {
    page: '/classes/[classId]/roster',
    rule: 'teach-class',
    resource: 'classA',
    path: (f) => `/classes/${f.classA}/roster`,
  },
  {
    page: '/classes/[classId]/attempts/[attemptId]',
    rule: 'review-attempt',
    resource: 'assignedAttempt',
    path: (f) => `/classes/${f.classA}/attempts/${f.assignedAttempt}`,
  },
  {
    page: '/teach/readings/[readingId]',
    rule: 'edit-reading',
    resource: 'publishedReading',
    path: (f) => `/teach/readings/${f.publishedReading.id}`,
  },
  {
    page: '/teach/readings/[readingId]/questions',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    path: (f) => `/teach/readings/${f.burnsId}/questions`,
  },
  {
    page: '/teach/readings/[readingId]/questions/new',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    path: (f) => `/teach/readings/${f.burnsId}/questions/new`,
  },
  {
    page: '/teach/readings/[readingId]/questions/export',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    path: (f) => `/teach/readings/${f.burnsId}/questions/export`,
  },
  {
    page: '/teach/readings/[readingId]/questions/import',
    rule: 'manage-bank',
    resource: 'burnsBanks',
    path: (f) => `/teach/readings/${f.burnsId}/questions/import`,
  },
  {
    page: '/teach/readings/[readingId]/questions/[questionId]',
    rule: 'manage-bank',
    resource: 'shippedQuestion',
    path: (f) => `/teach/readings/${f.burnsId}/questions/${SHIPPED_QUESTION}`,
  },
  {
    page: '/teach/readings/[readingId]/questions/[questionId]',
    rule: 'manage-bank',
    resource: 'instructorCopyQuestion',
    path: (f) => `/teach/readings/${f.burnsId}/questions/${encodeURIComponent(f.instructorCopyQuestion)}`,
  },
];

/** The app's pages as routes ("/classes/[classId]"), from the folders under app/. */
function appPages(dir = path.join(root, 'app'), route = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === 'page.tsx' ? [route || '/'] : [];
    if (!entry.isDirectory() || entry.name === 'api') return [];
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
    return appPages(path.join(dir, entry.name), `${route}${segment}`);
  });
}

/** Whether an answer shows the person got past the access policy. */
function passedAction(answer: ActionAnswer): boolean {
  if (answer.serverError) throw new Error(`Server error: ${answer.text.slice(0, 300)}`);
  // The proxy sends a signed-out visitor of a private page to sign in before any action runs.
  if (answer.location) return new URL(answer.location, 'http://x').pathname !== '/sign-in';
  if (answer.redirect) return true;
  if (!answer.result) throw new Error(`No result (HTTP ${answer.httpStatus}): ${answer.text.slice(0, 300)}`);
  return answer.result.policy !== true;
}

describe('the access matrix', () => {
  const base = () => inject('baseURL');
  let fixture: Fixture;
  let ids: Map<string, ActionRef>;
  const act = (who: Session, name: string, args: unknown[]) => {
    const id = ids.get(name);
    if (!id) throw new Error(`No action named ${name} in the build.`);
    return callAction(base(), who, id, args);
  };

  beforeAll(async () => {
    ids = await actionIds();
    fixture = await buildFixture(base(), act);
  }, 240_000);

  it('has a case for every action, route and page of the app', async () => {
    const covered = new Set(ACTION_CASES.map((c) => c.action));
    expect([...ids.keys()].filter((name) => !covered.has(name))).toEqual([]);
    const { endpointInfo } = await import('@/lib/server/endpoint');
    const routes = new Set(ROUTE_CASES.map((c) => c.route));
    for (const file of routeFiles()) {
      const module = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        const info = endpointInfo(value);
        if (info) expect(routes.has(info.name), `no case for route ${info.name}`).toBe(true);
      }
    }
    const pages = new Set(PAGE_CASES.map((c) => c.page));
    expect(appPages().filter((p) => !pages.has(p))).toEqual([]);
  });

  it('answers each route for exactly the people the policy lets in', async () => {
    const mismatches: string[] = [];
    for (const testCase of ROUTE_CASES) {
      const expected = new Set(expectedRoles(testCase.rule, testCase.resource));
      for (const role of ROLES) {
        const { method, path: pathname, json, body } = testCase.request(fixture);
        const response = await fetchAs(base(), fixture.sessions[role], pathname, {
          method,
          json,
          body,
          headers: { origin: base() },
        });
        expect(response.status, `${testCase.route} as ${role}`).toBeLessThan(500);
        const refusedByPolicy =
          response.contentType.includes('json') &&
          response.status >= 400 &&
          /"policy":true/.test(response.text);
        if (refusedByPolicy === expected.has(role))
          mismatches.push(
            `${testCase.route} as ${role}: HTTP ${response.status} ${response.text.slice(0, 120)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('shows each page to exactly the people the policy lets in', async () => {
    const mismatches: string[] = [];
    for (const testCase of PAGE_CASES) {
      const expected = new Set(expectedRoles(testCase.rule, testCase.resource));
      for (const role of ROLES) {
        const response = await fetchAs(base(), fixture.sessions[role], testCase.path(fixture));
        expect(response.status, `${testCase.page} as ${role}`).toBeLessThan(500);
        // Signed-in people are sent on from the sign-in pages; that is not a refusal.
        const shown =
          response.status === 200 ||
          (response.status === 307 && response.location?.endsWith('/home') === true);
        if (shown !== expected.has(role))
          mismatches.push(
            `${testCase.path(fixture)} as ${role}: HTTP ${response.status} ${response.location ?? ''}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets each person use each action exactly where the policy says, and refuses them everywhere else', async () => {
    const mismatches: string[] = [];
    const ordered = [...ACTION_CASES.filter((c) => !c.late), ...ACTION_CASES.filter((c) => c.late)];
    for (const testCase of ordered) {
      const expected = new Set(testCase.expect ?? expectedRoles(testCase.rule, testCase.resource));
      // Those who must be refused go first: what the allowed ones change cannot hide a leak.
      const order = [...ROLES.filter((r) => !expected.has(r)), ...ROLES.filter((r) => expected.has(r))];
      for (const role of order) {
        const answer = await act(fixture.sessions[role], testCase.action, testCase.args(fixture, role));
        const passed = passedAction(answer);
        if (passed !== expected.has(role))
          mismatches.push(
            `${testCase.action} (${testCase.resource}) as ${role}: ${passed ? 'let through' : 'refused'}, expected ${expected.has(role) ? 'let through' : 'refused'} — ${JSON.stringify(answer.result ?? answer.redirect)}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

function routeFiles(dir = 'app/api'): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(relative);
    return entry.name === 'route.ts' ? [relative] : [];
  });
}

type Act = (who: Session, name: string, args: unknown[]) => Promise<ActionAnswer>;

function ok(answer: ActionAnswer, what: string): ActionAnswer {
  if (answer.serverError || (answer.result && answer.result.status !== 'ok'))
    throw new Error(`${what} failed: ${JSON.stringify(answer.result) ?? answer.text.slice(0, 300)}`);
  return answer;
}

const match = (text: string, pattern: RegExp, what: string): string => {
  const found = pattern.exec(text.replaceAll('\\"', '"'))?.[1];
  if (!found) throw new Error(`Could not find ${what}.`);
  return found;
};
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** Builds the classes, readings, banks, attempts and cards the cases touch, through the app itself. */
async function buildFixture(base: string, act: Act): Promise<Fixture> {
  const stamp = Date.now().toString(36);
  const emails = Object.fromEntries(
    ROLES.map((role) => [
      role,
      role === 'admin' ? 'site-admin@e2e.statecraft' : `${role}-${stamp}@e2e.statecraft`,
    ]),
  ) as Record<Role, string>;
  const extra = { victim: `victim-${stamp}@e2e.statecraft`, coInstructor: `co-${stamp}@e2e.statecraft` };
  for (const email of [...SIGNED_IN.map((r) => emails[r]), extra.victim, extra.coInstructor]) {
    ok(
      await act(
        ANONYMOUS,
        'auth.signUp',
        form({ name: email.split('@')[0]!, email, password: PASSWORD, callbackUrl: '' }),
      ),
      `sign-up of ${email}`,
    );
  }
  const sessions = { anonymous: ANONYMOUS } as Record<Role, Session>;
  for (const role of SIGNED_IN) sessions[role] = await signInOverHttp(base, emails[role], PASSWORD);
  const victim = await signInOverHttp(base, extra.victim, PASSWORD);
  // SITE_ADMIN_EMAILS makes the administrator once the address is confirmed, by the link the
  // account page mails (to the server's log, with no SMTP server set).
  ok(await act(sessions.admin, 'auth.confirmOwnEmail', form({})), 'the administrator asks for a link');
  const log = inject('serverLog');
  if (!log) throw new Error('The access matrix reads the server log for the administrator’s link.');
  const confirmation = match(
    [
      ...readFileSync(log, 'utf8').matchAll(
        /\[mail\] to site-admin@e2e\.statecraft:[\s\S]*?verify-email\?token=([\w-]+)/g,
      ),
    ]
      .map((m) => `token=${m[1]}`)
      .at(-1) ?? '',
    /token=([\w-]+)/,
    'the administrator’s link',
  );
  await act(ANONYMOUS, 'auth.verifyEmail', form({ token: confirmation }));
  const get = async (who: Session, pathname: string) => {
    const response = await fetchAs(base, who, pathname);
    if (response.status !== 200) throw new Error(`${pathname}: HTTP ${response.status}`);
    return response.text;
  };
  const redirectId = (answer: ActionAnswer, pattern: RegExp, what: string) =>
    match(answer.redirect ?? '', pattern, what);

  // Two classes, each with its instructor and student; a third student in class A, to be removed.
  const classA = redirectId(
    ok(await act(sessions.instructor, 'classes.create', form({ name: 'Matrix A' })), 'class A'),
    new RegExp(`/classes/${UUID}`),
    'class A',
  );
  const classB = redirectId(
    ok(await act(sessions.otherInstructor, 'classes.create', form({ name: 'Matrix B' })), 'class B'),
    new RegExp(`/classes/${UUID}`),
    'class B',
  );
  const joinCode = async (who: Session, classId: string) =>
    match(await get(who, `/classes/${classId}`), /data-testid="join-code"[^>]*>([A-Z0-9-]+)</, 'join code');
  const codeA = await joinCode(sessions.instructor, classA);
  const classBCode = await joinCode(sessions.otherInstructor, classB);
  ok(await act(sessions.student, 'classes.join', form({ code: codeA })), 'student joins A');
  ok(await act(victim, 'classes.join', form({ code: codeA })), 'victim joins A');
  ok(await act(sessions.otherStudent, 'classes.join', form({ code: classBCode })), 'other student joins B');
  const victimStudent = match(
    await get(sessions.instructor, `/classes/${classA}`),
    new RegExp(`data-student="${extra.victim}" data-student-id="([^"]+)"`),
    'victim id',
  );

  // The shipped reading, its default quiz; both instructors copy its bank; the other builds a quiz.
  const burnsId = match(
    await get(sessions.instructor, '/teach/readings'),
    new RegExp(`/teach/readings/${UUID}/questions`),
    'the Burns reading',
  );
  const burnsQuiz = match(
    await get(sessions.student, `/readings/${BURNS_SLUG}`),
    new RegExp(`/quizzes/${UUID}`),
    'the Burns quiz',
  );
  for (const who of [sessions.instructor, sessions.otherInstructor])
    ok(await act(who, 'bank.copy', form({ readingId: burnsId })), 'a bank copy');
  const instructorCopyQuestion = match(
    await get(sessions.instructor, `/teach/readings/${burnsId}/questions`),
    new RegExp(`data-bank-question="(${SHIPPED_QUESTION}~[0-9a-f]+)"`),
    "the instructor's copied question",
  );
  const otherTitle = unique('Other instructor quiz');
  ok(
    await act(
      sessions.otherInstructor,
      'bank.buildQuiz',
      form({ readingId: burnsId, title: otherTitle, mode: 'rule', 'perSkill:evidence': '1' }),
    ),
    'the other quiz',
  );
  const otherInstructorQuiz = match(
    await get(sessions.otherInstructor, `/classes/${classB}`),
    new RegExp(`<option value="${UUID}">(?:(?!</option>)[\\s\\S]){0,400}${otherTitle}`),
    'the other quiz id',
  );

  // Readings of the instructor's: a draft, and a published one with a glossary term and a note.
  const newReading = async (title: string) =>
    redirectId(
      ok(
        await act(
          sessions.instructor,
          'readings.create',
          form({
            title,
            author: '',
            text: 'The first paragraph says a thing.\n\nThe second paragraph says another.',
            format: 'text',
          }),
        ),
        title,
      ),
      new RegExp(`/teach/readings/${UUID}`),
      title,
    );
  const draftId = await newReading(unique('Matrix draft'));
  const publishedId = await newReading(unique('Matrix published'));
  ok(
    await act(
      sessions.instructor,
      'readings.setPublished',
      form({ readingId: publishedId, publish: 'true' }),
    ),
    'publish',
  );
  ok(
    await act(
      sessions.instructor,
      'readings.saveGlossaryTerm',
      form({ readingId: publishedId, term: 'thing', definition: 'A thing.', aliases: '' }),
    ),
    'a term',
  );
  ok(
    await act(
      sessions.instructor,
      'readings.saveNote',
      form({ readingId: publishedId, paragraphId: 'p2', title: 'Note', body: 'A note.' }),
    ),
    'a note',
  );
  const editor = await get(sessions.instructor, `/teach/readings/${publishedId}`);
  const ids = [...editor.matchAll(new RegExp(`name="id" value="${UUID}"`, 'g'))].map((m) => m[1]!);
  const slugOf = async (id: string) =>
    match(await get(sessions.instructor, `/teach/readings/${id}`), /href="\/readings\/([a-z0-9-]+)"/, 'slug');

  // An assignment whose feedback waits for the due date; the student's submitted attempt at it.
  ok(
    await act(sessions.instructor, 'classes.createAssignment', form(assignmentFields(classA, burnsQuiz))),
    'the assignment',
  );
  const assignment = match(
    await get(sessions.instructor, `/classes/${classA}`),
    new RegExp(`/classes/${classA}/assignments/${UUID}`),
    'the assignment id',
  );
  ok(
    await act(
      sessions.instructor,
      'classes.createAssignment',
      form({ ...assignmentFields(classA, burnsQuiz), title: 'Spare to delete' }),
    ),
    'the spare assignment',
  );
  const spareAssignment = match(
    await get(sessions.instructor, `/classes/${classA}`),
    new RegExp(`/classes/${classA}/assignments/${UUID}"[^>]*>Spare to delete<`),
    'the spare assignment id',
  );
  const startApi = async (body: unknown) => {
    const response = await fetchAs(base, sessions.student, `/api/quizzes/${burnsQuiz}/attempts`, {
      method: 'POST',
      json: body,
    });
    return (JSON.parse(response.text) as { attempt: { id: string } }).attempt.id;
  };
  const assignedAttempt = await startApi({ assignmentId: assignment });
  await fetchAs(base, sessions.student, `/api/attempts/${assignedAttempt}/submit`, {
    method: 'POST',
    json: {},
  });
  const submittedAttempt = await startApi({});
  await fetchAs(base, sessions.student, `/api/attempts/${submittedAttempt}/submit`, {
    method: 'POST',
    json: {},
  });
  const openAttempt = await startApi({});

  // A highlight, and glossary flashcards (made on the first saved place in a reading).
  const saved = ok(
    await act(sessions.student, 'study.saveHighlight', [
      { slug: BURNS_SLUG, sentenceId: 'p4.s1', note: null },
    ]),
    'a highlight',
  );
  const highlight = (saved.result?.data as { id: string } | undefined)?.id ?? '';
  ok(
    await act(sessions.student, 'study.saveProgress', [
      { slug: BURNS_SLUG, paragraphId: 'p1', furthestParagraph: 1, sectionsRead: [] },
    ]),
    'a place',
  );
  const card = match(
    await get(sessions.student, '/review'),
    new RegExp(`"id":"${UUID}","kind":"glossary"`),
    'a review card',
  );

  return {
    sessions,
    emails,
    classA,
    classB,
    classBCode,
    burnsId,
    burnsQuiz,
    instructorCopyQuestion,
    otherInstructorQuiz,
    draftReading: { id: draftId, slug: await slugOf(draftId) },
    publishedReading: { id: publishedId, slug: await slugOf(publishedId) },
    glossaryTermId: ids[0]!,
    noteId: ids[1]!,
    assignment,
    spareAssignment,
    assignedAttempt,
    openAttempt,
    submittedAttempt,
    highlight,
    card,
    victimStudent,
    coInstructorEmail: extra.coInstructor,
  };
}
