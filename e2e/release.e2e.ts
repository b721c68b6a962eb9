import { beforeAll, describe, expect, inject, it } from 'vitest';
import { IDLE } from '@/lib/server/result';
import {
  type ActionRef,
  ANONYMOUS,
  actionIds,
  callAction,
  fetchAs,
  formOf,
  type Session,
  signInOverHttp,
} from './http';

/**
 * Scores held until the due date stay held on every path a student can reach: the submit answer,
 * the results page, the home page, the progress page, and after leaving the class; and every way
 * of signing out ends the session, Auth.js's own endpoint included.
 */
const PASSWORD = 'scores wait for the due date';
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

describe('feedback held until the due date', () => {
  const base = () => inject('baseURL');
  let ids: Map<string, ActionRef>;
  const act = (who: Session, name: string, args: unknown[]) => callAction(base(), who, ids.get(name)!, args);
  const form = (fields: Record<string, string>) => [IDLE, formOf(fields)];
  const account = async (label: string) => {
    const email = `${label}-${Date.now().toString(36)}@e2e.statecraft`;
    await act(ANONYMOUS, 'auth.signUp', form({ name: label, email, password: PASSWORD, callbackUrl: '' }));
    return signInOverHttp(base(), email, PASSWORD);
  };
  const page = async (who: Session, path: string) => (await fetchAs(base(), who, path)).text;

  let teacher: Session;
  let student: Session;
  let classId: string;
  let studentId: string;
  let quizId: string;
  let attemptId: string;

  beforeAll(async () => {
    ids = await actionIds();
    teacher = await account('holder');
    student = await account('waiter');
    const created = await act(teacher, 'classes.create', form({ name: 'Held feedback' }));
    classId = new RegExp(`/classes/${UUID}`).exec(created.redirect ?? '')![1]!;
    const classPage = await page(teacher, `/classes/${classId}`);
    const code = /data-testid="join-code"[^>]*>([A-Z0-9-]+)</.exec(classPage)![1]!;
    await act(student, 'classes.join', form({ code }));
    quizId = new RegExp(`<option value="${UUID}">`).exec(classPage)![1]!;
    const assigned = await act(
      teacher,
      'classes.createAssignment',
      form({
        classId,
        quizId,
        title: 'Held until the due date',
        opensAt: '',
        dueAt: '2099-01-01T00:00',
        attemptsAllowed: '',
        timeLimitMinutes: '',
        latePolicy: 'accept',
        penaltyPercent: '',
        feedbackRelease: 'after-due',
      }),
    );
    expect(assigned.result?.status).toBe('ok');
    const roster = await page(teacher, `/classes/${classId}`);
    const assignmentId = new RegExp(`/classes/${classId}/assignments/${UUID}`).exec(roster)![1]!;
    studentId = /data-student-id="([^"]+)"/.exec(roster)![1]!;
    const started = await fetchAs(base(), student, `/api/quizzes/${quizId}/attempts`, {
      method: 'POST',
      json: { assignmentId },
    });
    attemptId = (JSON.parse(started.text) as { attempt: { id: string } }).attempt.id;
    const answer = await fetchAs(
      base(),
      student,
      `/api/attempts/${attemptId}/responses/burns-tf-expulsions`,
      {
        method: 'PUT',
        json: { response: { type: 'true-false', value: true }, clientSeq: 1 },
      },
    );
    expect(answer.status).toBe(200);
  }, 120_000);

  it('answers the submit without the score', async () => {
    const submitted = await fetchAs(base(), student, `/api/attempts/${attemptId}/submit`, {
      method: 'POST',
      json: {},
    });
    expect(submitted.status).toBe(200);
    expect(JSON.parse(submitted.text)).toMatchObject({
      attempt: { id: attemptId, score: null, scoreReleased: false },
    });
  });

  it('shows no score on the results, home and progress pages, in class or after leaving it', async () => {
    const checkHeld = async (inClass: boolean) => {
      const results = await page(student, `/quizzes/${quizId}/attempts/${attemptId}/results`);
      expect(results).toContain('released after the due date');
      expect(results).not.toContain('data-testid="score"');
      const home = await page(student, '/home');
      // In the class, the assignment shows as submitted with no score; after leaving, not at all.
      if (inClass) expect(home).toContain('Held until the due date');
      expect(home).not.toMatch(/data-home-assignment[\s\S]{0,1500}?\d+%/);
      const progress = await page(student, '/progress');
      expect(progress).toContain('Take a quiz to start the chart.');
    };
    await checkHeld(true);
    const removed = await act(teacher, 'classes.removeStudent', form({ classId, userId: studentId }));
    expect(removed.result?.status).toBe('ok');
    await checkHeld(false);
  });

  it('ends the session when Auth.js’s own sign-out endpoint is used, not only the cookie', async () => {
    const session = await account('leaver');
    const csrf = await fetchAs(base(), session, '/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const out = await fetch(`${base()}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: session.cookie,
        origin: base(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(out.status).toBeLessThan(400);
    // The old cookie, replayed: no longer a session.
    const replayed = await fetchAs(base(), session, '/api/auth/session');
    expect(JSON.parse(replayed.text || 'null')).toBeNull();
    expect((await fetchAs(base(), session, '/home')).location).toMatch(/\/sign-in/);
  });
});
