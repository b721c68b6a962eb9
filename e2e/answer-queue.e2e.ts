import { beforeAll, describe, expect, inject, it } from 'vitest';
import { IDLE } from '@/lib/server/result';
import { setUpBrowser } from './browser';
import {
  type ActionRef,
  ANONYMOUS,
  actionIds,
  callAction,
  cookiesForBrowser,
  fetchAs,
  formOf,
  type Session,
  signInOverHttp,
} from './http';
import { axeViolations } from './pages/reading';

/**
 * The answer queue of a free-text question: students' answers arrive grouped by the points they
 * make; the instructor grades a group point by point with the keyboard, and every member's result
 * label, the gradebook CSV and the class dashboard change together.
 */
const PASSWORD = 'grading the whole class';
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const QUESTION = 'burns-why-coalitions';
const QUESTIONS_IN_QUIZ = 12;

const browser = setUpBrowser();

describe('answer queue', () => {
  const base = () => inject('baseURL');
  let ids: Map<string, ActionRef>;
  const act = (who: Session, name: string, args: unknown[]) => callAction(base(), who, ids.get(name)!, args);
  const form = (fields: Record<string, string>) => [IDLE, formOf(fields)];
  const page = async (who: Session, path: string) => (await fetchAs(base(), who, path)).text;
  const account = async (name: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}@e2e.statecraft`;
    await act(ANONYMOUS, 'auth.signUp', form({ name, email, password: PASSWORD, callbackUrl: '' }));
    return { name, email, session: await signInOverHttp(base(), email, PASSWORD) };
  };

  let teacher: Awaited<ReturnType<typeof account>>;
  let classId: string;
  let assignmentId: string;
  let quizId: string;
  const students: (Awaited<ReturnType<typeof account>> & { attemptId: string; answer: string })[] = [];

  beforeAll(async () => {
    ids = await actionIds();
    teacher = await account('Queue Teacher');
    const created = await act(teacher.session, 'classes.create', form({ name: 'IR 330: Alliances' }));
    classId = new RegExp(`/classes/${UUID}`).exec(created.redirect ?? '')![1]!;
    const classPage = await page(teacher.session, `/classes/${classId}`);
    const code = /data-testid="join-code"[^>]*>([A-Z0-9-]+)</.exec(classPage)![1]!;
    quizId = new RegExp(`<option value="${UUID}">`).exec(classPage)![1]!;
    const assigned = await act(
      teacher.session,
      'classes.createAssignment',
      form({
        classId,
        quizId,
        title: 'Why coalitions',
        opensAt: '',
        dueAt: '',
        attemptsAllowed: '',
        timeLimitMinutes: '',
        latePolicy: 'accept',
        penaltyPercent: '',
        feedbackRelease: 'after-submit',
      }),
    );
    expect(assigned.result?.status).toBe('ok');
    assignmentId = new RegExp(`/classes/${classId}/assignments/${UUID}`).exec(
      await page(teacher.session, `/classes/${classId}`),
    )![1]!;

    // Two students say the same half of it in nearly the same words; a third says something else.
    const answers = [
      ['Ana Ortiz', 'Coalitions matter because Russia has few friends and America has many allies.'],
      ['Ben Okafor', 'Coalitions matter because Russia has few friends while America has lots of allies.'],
      ['Cleo Park', 'The essay is about a poisoning in England.'],
    ] as const;
    for (const [name, answer] of answers) {
      const student = await account(name);
      // Joining answers with a redirect to the class.
      expect((await act(student.session, 'classes.join', form({ code }))).redirect).toContain(classId);
      const started = await fetchAs(base(), student.session, `/api/quizzes/${quizId}/attempts`, {
        method: 'POST',
        json: { assignmentId },
      });
      const attemptId = (JSON.parse(started.text) as { attempt: { id: string } }).attempt.id;
      const saved = await fetchAs(
        base(),
        student.session,
        `/api/attempts/${attemptId}/responses/${QUESTION}`,
        {
          method: 'PUT',
          json: { response: { type: 'short-answer', text: answer }, clientSeq: 1 },
        },
      );
      expect(saved.status).toBe(200);
      const submitted = await fetchAs(base(), student.session, `/api/attempts/${attemptId}/submit`, {
        method: 'POST',
        json: {},
      });
      expect(submitted.status).toBe(200);
      students.push({ ...student, attemptId, answer });
    }
  }, 180_000);

  /** Each student's counted points in the gradebook CSV, by email. */
  const gradebookPoints = async () => {
    const csv = await page(teacher.session, `/api/classes/${classId}/gradebook`);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    return new Map(
      students.map((s) => {
        const line = lines.find((l) => l.includes(s.email))!;
        return [s.email, Number(line.split(',').at(-1))];
      }),
    );
  };
  /** Each student's percentage on the class dashboard, by email. */
  const dashboardPercent = async () => {
    const html = await page(teacher.session, `/classes/${classId}`);
    return new Map(
      students.map((s) => {
        const row = new RegExp(`data-student="${s.email}"[\\s\\S]*?(\\d+)%`).exec(html);
        return [s.email, row ? Number(row[1]) : null];
      }),
    );
  };

  it('grades a group point by point with the keyboard; results, gradebook and dashboard change together', async () => {
    const beforePoints = await gradebookPoints();
    const context = await browser.newContext();
    await context.addCookies(cookiesForBrowser(teacher.session.cookie, base()));
    const tab = await context.newPage();
    await tab.goto(`/classes/${classId}/assignments/${assignmentId}`);
    await tab
      .getByRole('link', { name: /Grade the answers/ })
      .first()
      .click();
    await tab.waitForURL(new RegExp(`/answers/${QUESTION}$`));
    await tab.getByRole('heading', { name: 'Grade answers' }).waitFor();
    expect(await axeViolations(tab)).toEqual([]);

    // j until the group holding Ana's answer is shown.
    const group = tab.locator('[data-answer-group]');
    const groups = Number(/of (\d+)/.exec((await tab.getByTestId('queue-position').textContent())!)![1]);
    for (let i = 0; i < groups && !(await group.getByText('Ana Ortiz').isVisible()); i++) {
      await tab.keyboard.press('j');
      await tab
        .getByTestId('queue-position')
        .getByText(`Group ${i + 2} of`)
        .waitFor();
    }
    const members = await group
      .locator('[data-queue-answer]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-queue-answer')!));
    expect(members).toContain(students[0]!.attemptId);
    expect(members).not.toContain(students[2]!.attemptId);

    // Every point met, then "s" grades the group.
    for (const point of await group.getByRole('group').all()) await point.getByLabel('Met').check();
    await group.getByTestId('group-score').getByText('Score: 100%').waitFor();
    await group.getByRole('radio').first().focus();
    await tab.keyboard.press('s');
    await tab
      .getByText(members.length === 1 ? 'Graded 1 answer.' : `Graded ${members.length} answers.`)
      .waitFor();
    await context.close();

    const graded = students.filter((s) => members.includes(s.attemptId));
    const untouched = students.filter((s) => !members.includes(s.attemptId));
    const afterPoints = await gradebookPoints();
    const percent = await dashboardPercent();
    for (const s of graded) {
      // One question of twelve now full marks, the others unanswered.
      expect(afterPoints.get(s.email)).toBeCloseTo(1, 2);
      expect(beforePoints.get(s.email)).toBeLessThan(1);
      expect(percent.get(s.email)).toBe(Math.round(100 / QUESTIONS_IN_QUIZ));
      const results = await page(s.session, `/quizzes/${quizId}/attempts/${s.attemptId}/results`);
      const line = new RegExp(`data-result-question="${QUESTION}"[\\s\\S]*?</li>`).exec(results)![0];
      expect(line).toMatch(/>Correct</);
      expect(line).toContain('graded by your instructor');
      expect(line).not.toContain('Not yet');
    }
    for (const s of untouched) expect(afterPoints.get(s.email)).toBe(beforePoints.get(s.email));
  });
});
