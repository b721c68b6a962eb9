import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AdapterAccountType } from 'next-auth/adapters';
import type { PointStatus } from '@/questions/grade/credit';
import type { ParsedReading, ReadingParagraph, ReadingSection } from '@/questions/reading/types';
import type { Question, Response } from '@/questions/schema';

/**
 * The daily limit on new glossary flashcards (as Anki's "new cards/day"): 20 unless the student
 * changes it on the review page, from 0 (no new cards, only the ones begun) to 200. The queries
 * in db/queries/review.ts apply it.
 */
export const NEW_GLOSSARY_CARDS_PER_DAY = { default: 20, min: 0, max: 200 } as const;

// ---- Accounts (the tables @auth/drizzle-adapter expects, plus our own columns) ----

export const siteRole = pgEnum('site_role', ['member', 'admin']);

export const users = pgTable(
  'user',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    // Stored lower-cased and trimmed, so "Ana@X.org" and "ana@x.org" are one account.
    email: text('email').notNull(),
    // When the account proved it receives mail at its address (a verification link, GitHub or Google,
    // or the demo seed). With EMAIL_VERIFICATION=required, a password account without it cannot sign in.
    emailVerified: timestamp('emailVerified', { mode: 'date', withTimezone: true }),
    image: text('image'),
    // argon2id PHC string; null for accounts that only use GitHub or Google.
    passwordHash: text('password_hash'),
    // Bumped on sign-out and password change: every JWT carrying an older value is refused.
    sessionVersion: integer('session_version').notNull().default(1),
    // Site administrators manage the readings and question banks that ship with the app.
    siteRole: siteRole('site_role').notNull().default('member'),
    // IANA name ("America/Chicago"): the browser's on first visit, changeable on the account page.
    timeZone: text('time_zone'),
    // How many glossary flashcards review may begin a day (the student's own day); 0 to 200, set on
    // the review page. Cards already begun come back whatever it says (lib/srs/daily-limit.ts).
    newGlossaryCardsPerDay: integer('new_glossary_cards_per_day')
      .notNull()
      .default(NEW_GLOSSARY_CARDS_PER_DAY.default),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_email_unique').on(t.email)],
);

export const accounts = pgTable(
  'account',
  {
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<AdapterAccountType>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('providerAccountId').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('account_user_idx').on(t.userId)],
);

// Unused with JWT sessions, but part of the adapter's contract.
export const sessions = pgTable('session', {
  sessionToken: text('sessionToken').primaryKey(),
  userId: text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  'verificationToken',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Failed sign-ins per key ("email:…" or "ip:…"), in the database so that the limit holds
// across several app servers sharing one PostgreSQL.
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { mode: 'date', withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { mode: 'date', withTimezone: true }),
});

/**
 * Password-reset links sent by email. Only a hash of each token is kept, so a copy of the database
 * cannot reset anyone's password; a token works once, for an hour.
 */
export const passwordResets = pgTable(
  'password_reset',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { mode: 'date', withTimezone: true }),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

/**
 * Email-verification links (lib/auth/email-verification.ts), kept like password-reset links: only
 * a hash of each token, single use, expiring.
 */
export const emailVerifications = pgTable(
  'email_verification',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { mode: 'date', withTimezone: true }),
  },
  (t) => [index('email_verification_user_idx').on(t.userId)],
);

// Settings the app makes for itself, shared by every app server (e.g. a generated AUTH_SECRET on PostgreSQL).
export const appSettings = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
});

// ---- Classes ----

export const classRole = pgEnum('class_role', ['instructor', 'student']);

export const classes = pgTable(
  'class',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name').notNull(),
    // Null when the instructor has turned joining by code off.
    joinCode: text('join_code'),
    // Where the class meets: due dates are typed and shown to instructors in this zone.
    timeZone: text('time_zone').notNull().default('UTC'),
    // Set when the course is over: read-only for everyone, listed apart, no new attempts or joins.
    archivedAt: timestamp('archived_at', { mode: 'date', withTimezone: true }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('class_join_code_unique').on(t.joinCode)],
);

export const classMembers = pgTable(
  'class_member',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: classRole('role').notNull(),
    joinedAt: timestamp('joined_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_member_user_idx').on(t.userId)],
);

/**
 * Invitations to a class (lib/classes/invitations.ts), from an imported roster or to teach it with
 * its instructors, for any address, with an account or not: one per class and address, mailed as a link whose token is kept like a
 * password-reset link's (only its SHA-256 here, single use, expiring). Accepting or revoking one
 * deletes it; re-sending makes a new token (the old link stops working) and counts the sends.
 */
export const classInvitations = pgTable(
  'class_invitation',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    // Lower-cased and trimmed, as users.email is: the account that signs up with it may accept.
    email: text('email').notNull(),
    name: text('name'),
    // What accepting makes them: a student (a roster), or an instructor (a co-instructor asked to teach).
    role: classRole('role').notNull().default('student'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    // When the last mail went out; null while it has not (yet) been sent, or its sending failed.
    sentAt: timestamp('sent_at', { mode: 'date', withTimezone: true }),
    sendCount: integer('send_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('class_invitation_class_email_unique').on(t.classId, t.email),
    uniqueIndex('class_invitation_token_unique').on(t.tokenHash),
  ],
);

// ---- Readings ----

export const readingStatus = pgEnum('reading_status', ['draft', 'published']);

export const readings = pgTable(
  'reading',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    author: text('author'),
    authorNote: text('author_note'),
    source: text('source'),
    publishedOn: text('published_on'),
    status: readingStatus('status').notNull().default('draft'),
    // Null for readings that ship with the app.
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Plain text only, as questions/reading/parse.ts makes it; sentence ids are what questions point at.
    paragraphs: jsonb('paragraphs').$type<ReadingParagraph[]>().notNull(),
    sections: jsonb('sections').$type<ReadingSection[]>().notNull(),
    // The highest paragraph and sentence numbers ever issued (questions/reading/edit.ts), so an
    // edit never reuses a deleted id; null until the first paragraph edit.
    issuedIds: jsonb('issued_ids').$type<NonNullable<ParsedReading['issuedIds']>>(),
    wordCount: integer('word_count').notNull(),
    // Kept by the database beside the text, so that lists of readings (every visit to /readings)
    // never unpack every reading's paragraphs: 1,000 large published readings cost 2 s a list.
    paragraphCount: integer('paragraph_count').generatedAlwaysAs(sql`jsonb_array_length(paragraphs)`),
    readingMinutes: integer('reading_minutes').notNull(),
    // Guided mode: the next section opens once the section's guided question is answered.
    guidedMode: boolean('guided_mode').notNull().default(false),
    // Moves on every change to the reading or to what its page shows of it (glossary, notes, questions,
    // quizzes), by triggers (migration 0019), so each app server can keep the page's shared part and
    // know from one small read whether it is still current (lib/server/reading-page.ts).
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reading_slug_unique').on(t.slug), index('reading_created_by_idx').on(t.createdBy)],
);

export const glossaryTerms = pgTable(
  'glossary_term',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    definition: text('definition').notNull(),
    // Other forms of the term to mark in the text ("expelled", "expulsion").
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('glossary_term_reading_term_unique').on(t.readingId, t.term)],
);

export const contextNotes = pgTable(
  'context_note',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    // The paragraph the note sits beside.
    paragraphId: text('paragraph_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('context_note_reading_idx').on(t.readingId)],
);

export const readingProgress = pgTable(
  'reading_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    // Where the student was: the paragraph at the top of their screen.
    lastParagraphId: text('last_paragraph_id'),
    // The furthest paragraph reached, as a count, for the progress bar.
    furthestParagraph: integer('furthest_paragraph').notNull().default(0),
    sectionsRead: jsonb('sections_read').$type<string[]>().notNull().default([]),
    completedAt: timestamp('completed_at', { mode: 'date', withTimezone: true }),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.readingId] })],
);

export const highlights = pgTable(
  'highlight',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    sentenceId: text('sentence_id').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('highlight_user_sentence_unique').on(t.userId, t.readingId, t.sentenceId),
    index('highlight_user_reading_idx').on(t.userId, t.readingId),
  ],
);

// ---- Questions ----

export const questionStatus = pgEnum('question_status', ['draft', 'approved', 'retired']);

/**
 * Every question of a reading's banks, authored or generated; `data` is the one question format.
 * A reading has its own bank (owner null: managed by its creator, or by site administrators for a
 * shipped reading) and any instructor's private copy of it (owner set), used for their classes.
 */
export const questions = pgTable(
  'question',
  {
    id: text('id').primaryKey(),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    // The question this one was copied from, for an instructor's copy of a bank.
    copiedFrom: text('copied_from'),
    type: text('type').$type<Question['type']>().notNull(),
    skill: text('skill').$type<Question['skill']>().notNull(),
    source: text('source').$type<Question['source']>().notNull(),
    status: questionStatus('status').notNull().default('draft'),
    data: jsonb('data').$type<Question>().notNull(),
    reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { mode: 'date', withTimezone: true }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('question_reading_owner_status_idx').on(t.readingId, t.ownerId, t.status)],
);

/** A student's answers to the guided questions beside a reading (practice: never graded for a class). */
export const guidedAnswers = pgTable(
  'guided_answer',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    bestScore: real('best_score').notNull().default(0),
    lastScore: real('last_score').notNull().default(0),
    lastResponse: jsonb('last_response').$type<Response>().notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.questionId] }),
    index('guided_answer_user_reading_idx').on(t.userId, t.readingId),
  ],
);

/** An instructor's private copy of a reading's question bank (its questions carry the owner's id). */
export const bankCopies = pgTable(
  'bank_copy',
  {
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.readingId, t.ownerId] })],
);

export const generationJobStatus = pgEnum('generation_job_status', ['queued', 'running', 'done', 'failed']);

/** Question generation runs off the request path, one job at a time per person; this is its record. */
export const generationJobs = pgTable(
  'generation_job',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    // The bank the drafts go to: null for the reading's own, else the owner of a copy.
    bankOwnerId: text('bank_owner_id').references(() => users.id, { onDelete: 'cascade' }),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: generationJobStatus('status').notNull().default('queued'),
    message: text('message'),
    added: integer('added'),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { mode: 'date', withTimezone: true }),
    // Written while the job runs; a running job whose heartbeat stopped was cut short by a restart.
    heartbeatAt: timestamp('heartbeat_at', { mode: 'date', withTimezone: true }),
    finishedAt: timestamp('finished_at', { mode: 'date', withTimezone: true }),
  },
  (t) => [
    index('generation_job_requester_idx').on(t.requestedBy, t.createdAt),
    index('generation_job_status_idx').on(t.status, t.createdAt),
    // One job at a time per person: a second request while one waits or runs loses here.
    uniqueIndex('generation_job_one_active_idx')
      .on(t.requestedBy)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

// ---- Quizzes and attempts ----

export type QuizSettings = {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Null: as many as the student likes. */
  attemptsAllowed: number | null;
  /** Null: untimed. */
  timeLimitMinutes: number | null;
  /** Percent needed to pass. */
  passMark: number;
  /** When a student sees right and wrong: as each question is checked, after submitting, or after the due date. */
  feedback: 'each-question' | 'after-submit' | 'after-due';
  /** Ask "how sure are you?" with each answer. */
  confidence: boolean;
};

export const quizzes = pgTable(
  'quiz',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // Null for quizzes that ship with the app.
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The reading's default quiz, shown to every student of it. */
    isDefault: boolean('is_default').notNull().default(false),
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    settings: jsonb('settings').$type<QuizSettings>().notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quiz_reading_idx').on(t.readingId)],
);

export const attemptStatus = pgEnum('attempt_status', ['in-progress', 'submitted']);

export const attempts = pgTable(
  'attempt',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    quizId: text('quiz_id')
      .notNull()
      .references(() => quizzes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Set when the attempt is for a class assignment; its rules then apply. */
    assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: attemptStatus('status').notNull().default('in-progress'),
    /** The question order this attempt shows (shuffled once, at start). */
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    startedAt: timestamp('started_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    /** Null when untimed; answers after it are refused and the attempt is submitted as saved. */
    deadlineAt: timestamp('deadline_at', { mode: 'date', withTimezone: true }),
    submittedAt: timestamp('submitted_at', { mode: 'date', withTimezone: true }),
    autoSubmitted: boolean('auto_submitted').notNull().default(false),
    /** Submitted after the (student's) due date. */
    late: boolean('late').notNull().default(false),
    /** 0 to 1, set at submission and after any regrade. */
    score: real('score'),
  },
  (t) => [
    // A student's attempts are numbered per quiz, and per assignment when there is one.
    unique('attempt_user_quiz_assignment_number_unique')
      .on(t.userId, t.quizId, t.assignmentId, t.number)
      .nullsNotDistinct(),
    index('attempt_quiz_idx').on(t.quizId),
    index('attempt_assignment_idx').on(t.assignmentId),
  ],
);

export type StoredGrade = {
  score: number;
  correct: 'correct' | 'partial' | 'incorrect';
  feedback: string;
  keyPointsMet: { id: string; text: string }[];
  keyPointsMissed: { id: string; text: string }[];
  evidence: string[];
  /** Free-text types: each key point as the grader read it (absent in grades stored before it). */
  keyPoints?: {
    id: string;
    text: string;
    status: PointStatus;
    /** The answer seems to say the point's opposite, or says it of the wrong party. */
    questioned?: 'opposite' | 'wrong-party';
  }[];
  /** The grader was unsure: the grade is provisional until an instructor looks at it. */
  needsReview?: boolean;
  reviewReasons?: string[];
  /** The question of the quiz the answer reads as answering instead (its prompt). */
  otherQuestion?: { id: string; prompt: string };
};

/** An instructor's verdict on each key point of a free-text answer, by point id. */
export type KeyPointVerdicts = Record<string, PointStatus>;

export const attemptResponses = pgTable(
  'attempt_response',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    response: jsonb('response').$type<Response>(),
    /** Orders saves from the browser: an older save arriving late never overwrites a newer one. */
    clientSeq: bigint('client_seq', { mode: 'number' }).notNull().default(0),
    flagged: boolean('flagged').notNull().default(false),
    /** 1 (guessing) to 3 (sure), when the quiz asks. */
    confidence: integer('confidence'),
    /** Checked with feedback during the attempt (each-question feedback): no more changes. */
    locked: boolean('locked').notNull().default(false),
    savedAt: timestamp('saved_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    grade: jsonb('grade').$type<StoredGrade>(),
    gradedBy: text('graded_by').$type<'auto' | 'instructor'>(),
    overrideScore: real('override_score'),
    overrideComment: text('override_comment'),
    /** Set when the instructor graded point by point (the answer queue): what each point earned. */
    overrideKeyPoints: jsonb('override_key_points').$type<KeyPointVerdicts>(),
    overriddenBy: text('overridden_by').references(() => users.id, { onDelete: 'set null' }),
    overriddenAt: timestamp('overridden_at', { mode: 'date', withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/** The score a question counts for: an instructor's override wins over the automatic grade. */
export function effectiveScore(
  response: Pick<AttemptResponse, 'overrideScore' | 'grade'> | undefined,
): number {
  return response?.overrideScore ?? response?.grade?.score ?? 0;
}

// ---- Assignments ----

export type LatePolicy = { kind: 'accept' } | { kind: 'penalty'; percent: number } | { kind: 'refuse' };

/** A quiz assigned to a class, with its dates and rules (which override the quiz's own). */
export const assignments = pgTable(
  'assignment',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    quizId: text('quiz_id')
      .notNull()
      .references(() => quizzes.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    opensAt: timestamp('opens_at', { mode: 'date', withTimezone: true }),
    dueAt: timestamp('due_at', { mode: 'date', withTimezone: true }),
    attemptsAllowed: integer('attempts_allowed'),
    timeLimitMinutes: integer('time_limit_minutes'),
    latePolicy: jsonb('late_policy').$type<LatePolicy>().notNull().default({ kind: 'accept' }),
    feedbackRelease: text('feedback_release')
      .$type<'after-submit' | 'after-due'>()
      .notNull()
      .default('after-submit'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignment_class_idx').on(t.classId)],
);

/** Per-student changes to an assignment, which the student sees too. */
export const accommodations = pgTable(
  'accommodation',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    extraMinutes: integer('extra_minutes').notNull().default(0),
    extraAttempts: integer('extra_attempts').notNull().default(0),
    dueAt: timestamp('due_at', { mode: 'date', withTimezone: true }),
    /** Excused from the assignment: neither missing nor counted in averages. */
    excused: boolean('excused').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] })],
);

// ---- Class figures kept up to date (db/queries/assignment-results.ts) ----

/**
 * Where one student stands on one assignment, kept in step with their attempts: written in the
 * same transaction as every start, submission and regrade, so the class page reads one row per
 * student and assignment instead of every attempt and answer. Time-dependent standing (missing
 * once due, excused) is decided when read. `npm run db:rebuild-results` rebuilds it from the answers.
 */
export const assignmentResults = pgTable(
  'assignment_result',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull(),
    inProgress: boolean('in_progress').notNull(),
    /** The submitted attempt that counts: highest counted score, then the earliest. */
    bestAttemptId: text('best_attempt_id').references(() => attempts.id, { onDelete: 'set null' }),
    /** The best attempt's score with the assignment's late penalty taken off, 0 to 1. */
    bestCounted: doublePrecision('best_counted'),
    bestLate: boolean('best_late').notNull().default(false),
  },
  // By student too: the class page reads the standings of the 50 students it shows.
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId] }),
    index('assignment_result_user_idx').on(t.userId, t.assignmentId),
  ],
);

/**
 * Each question's counted score in a student's best attempt at an assignment (graded answers
 * only), kept beside assignment_result rather than in it: the class page scans every standing of
 * a class, and these are ten times wider.
 */
export const assignmentResultScores = pgTable(
  'assignment_result_scores',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionScores: jsonb('question_scores').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId] }),
    index('assignment_result_scores_user_idx').on(t.userId, t.assignmentId),
  ],
);

/**
 * A student's best attempt at an assignment summed by skill (the class page's mastery heat map),
 * from assignment_result_scores and each question's skill as it is tagged now: a retag moves the
 * sums (a trigger on question.skill, migration 0018). Rows, not a jsonb map: PGlite spends about
 * 20 µs on each call of jsonb_each, and the heat map would make one per standing it reads.
 */
export const assignmentResultSkills = pgTable(
  'assignment_result_skill',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    total: doublePrecision('total').notNull(),
    answers: integer('answers').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId, t.skill] }),
    index('assignment_result_skill_user_idx').on(t.userId, t.assignmentId),
  ],
);

/**
 * Per assignment and question: the sum and number of counted scores over every student's best
 * attempt (item statistics, mastery by concept). Changed by the difference each refresh of an
 * assignment_result makes, so it covers every student who ever attempted; a reader leaves out
 * those no longer in the class.
 */
export const assignmentItemTotals = pgTable(
  'assignment_item_total',
  {
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    total: doublePrecision('total').notNull(),
    answers: integer('answers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.questionId] })],
);

// ---- Spaced review (FSRS, scheduled by ts-fsrs) ----

/**
 * One thing a student reviews: a question (missed in a quiz, or flagged) or a glossary term
 * (a flashcard). The FSRS memory state is stored column by column as ts-fsrs's Card has it.
 */
export const reviewCards = pgTable(
  'review_card',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readingId: text('reading_id')
      .notNull()
      .references(() => readings.id, { onDelete: 'cascade' }),
    questionId: text('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    glossaryTermId: text('glossary_term_id').references(() => glossaryTerms.id, { onDelete: 'cascade' }),
    reason: text('reason').$type<'missed' | 'flagged' | 'glossary'>().notNull(),
    due: timestamp('due', { mode: 'date', withTimezone: true }).notNull(),
    stability: real('stability').notNull().default(0),
    difficulty: real('difficulty').notNull().default(0),
    elapsedDays: integer('elapsed_days').notNull().default(0),
    scheduledDays: integer('scheduled_days').notNull().default(0),
    learningSteps: integer('learning_steps').notNull().default(0),
    reps: integer('reps').notNull().default(0),
    lapses: integer('lapses').notNull().default(0),
    /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull().default(0),
    lastReview: timestamp('last_review', { mode: 'date', withTimezone: true }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_card_user_question_unique').on(t.userId, t.questionId),
    uniqueIndex('review_card_user_term_unique').on(t.userId, t.glossaryTermId),
    index('review_card_user_due_idx').on(t.userId, t.due),
  ],
);

export const reviewLogs = pgTable(
  'review_log',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    cardId: text('card_id')
      .notNull()
      .references(() => reviewCards.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** ts-fsrs Rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
    rating: integer('rating').notNull(),
    /** The card's state before this review. */
    state: integer('state').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    /** For question cards: the grade of the answer given, 0 to 1. */
    score: real('score'),
    durationMs: integer('duration_ms'),
    reviewedAt: timestamp('reviewed_at', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [index('review_log_user_time_idx').on(t.userId, t.reviewedAt)],
);

/** Practice answers: graded for feedback and mastery, never for a class. */
export const practiceAnswers = pgTable(
  'practice_answer',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    answeredAt: timestamp('answered_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_answer_user_idx').on(t.userId, t.answeredAt)],
);

// ---- Relations ----

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accounts),
  memberships: many(classMembers),
}));

export const accountsRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));

export const classesRelations = relations(classes, ({ one, many }) => ({
  creator: one(users, { fields: [classes.createdBy], references: [users.id] }),
  members: many(classMembers),
}));

export const classMembersRelations = relations(classMembers, ({ one }) => ({
  class: one(classes, { fields: [classMembers.classId], references: [classes.id] }),
  user: one(users, { fields: [classMembers.userId], references: [users.id] }),
}));

export const readingsRelations = relations(readings, ({ one, many }) => ({
  creator: one(users, { fields: [readings.createdBy], references: [users.id] }),
  glossary: many(glossaryTerms),
  notes: many(contextNotes),
}));

export const glossaryTermsRelations = relations(glossaryTerms, ({ one }) => ({
  reading: one(readings, { fields: [glossaryTerms.readingId], references: [readings.id] }),
}));

export const contextNotesRelations = relations(contextNotes, ({ one }) => ({
  reading: one(readings, { fields: [contextNotes.readingId], references: [readings.id] }),
}));

// ---- Types ----

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Class = typeof classes.$inferSelect;
export type NewClass = typeof classes.$inferInsert;
export type ClassMember = typeof classMembers.$inferSelect;
export type ClassInvitation = typeof classInvitations.$inferSelect;
export type ClassRole = (typeof classRole.enumValues)[number];
export type SiteRole = (typeof siteRole.enumValues)[number];
export type Reading = typeof readings.$inferSelect;
export type NewReading = typeof readings.$inferInsert;
export type GlossaryTerm = typeof glossaryTerms.$inferSelect;
export type ContextNote = typeof contextNotes.$inferSelect;
export type ReadingProgress = typeof readingProgress.$inferSelect;
export type Highlight = typeof highlights.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type GenerationJob = typeof generationJobs.$inferSelect;
export type GuidedAnswer = typeof guidedAnswers.$inferSelect;
export type Quiz = typeof quizzes.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type AttemptResponse = typeof attemptResponses.$inferSelect;
export type ReviewCard = typeof reviewCards.$inferSelect;
/** A card's FSRS state, column by column (lib/srs/schedule.ts computes it with ts-fsrs). */
export type SchedulingFields = Pick<
  ReviewCard,
  | 'due'
  | 'stability'
  | 'difficulty'
  | 'elapsedDays'
  | 'scheduledDays'
  | 'learningSteps'
  | 'reps'
  | 'lapses'
  | 'state'
  | 'lastReview'
>;
export type ReviewLog = typeof reviewLogs.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Accommodation = typeof accommodations.$inferSelect;
