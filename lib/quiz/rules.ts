import type { Accommodation, Assignment, LatePolicy, Quiz } from '@/db/schema';

/** The rules one student's attempts follow: the quiz's own, overridden by an assignment and the student's accommodation. */
export type AttemptRules = {
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  opensAt: Date | null;
  dueAt: Date | null;
  latePolicy: LatePolicy;
  feedbackRelease: 'after-submit' | 'after-due';
};

export function attemptRules(
  quiz: Pick<Quiz, 'settings'>,
  assignment: Assignment | null,
  accommodation: Accommodation | null,
): AttemptRules {
  if (!assignment) {
    return {
      attemptsAllowed: quiz.settings.attemptsAllowed,
      timeLimitMinutes: quiz.settings.timeLimitMinutes,
      opensAt: null,
      dueAt: null,
      latePolicy: { kind: 'accept' },
      feedbackRelease: quiz.settings.feedback === 'after-due' ? 'after-due' : 'after-submit',
    };
  }
  const attempts = assignment.attemptsAllowed ?? quiz.settings.attemptsAllowed;
  const minutes = assignment.timeLimitMinutes ?? quiz.settings.timeLimitMinutes;
  return {
    attemptsAllowed: attempts === null ? null : attempts + (accommodation?.extraAttempts ?? 0),
    timeLimitMinutes: minutes === null ? null : minutes + (accommodation?.extraMinutes ?? 0),
    opensAt: assignment.opensAt,
    dueAt: accommodation?.dueAt ?? assignment.dueAt,
    latePolicy: assignment.latePolicy,
    feedbackRelease: assignment.feedbackRelease,
  };
}

/** Whether a student may start a new attempt now, and if not, why. */
export type StartAvailability =
  | { kind: 'open'; attemptsLeft: number | null }
  | { kind: 'not-open'; opensAt: Date }
  | { kind: 'closed' }
  | { kind: 'no-attempts-left'; allowed: number };

/** The one rule for starting an attempt, used by the start itself and by every page offering it. */
export function startAvailability(rules: AttemptRules, attemptsUsed: number, now: Date): StartAvailability {
  if (rules.opensAt && now < rules.opensAt) return { kind: 'not-open', opensAt: rules.opensAt };
  if (rules.dueAt && now > rules.dueAt && rules.latePolicy.kind === 'refuse') return { kind: 'closed' };
  const allowed = rules.attemptsAllowed;
  if (allowed !== null && attemptsUsed >= allowed) return { kind: 'no-attempts-left', allowed };
  return { kind: 'open', attemptsLeft: allowed === null ? null : allowed - attemptsUsed };
}

/** The score that counts in the gradebook: a late penalty applied where the policy has one. */
export function countedScore(score: number | null, late: boolean, policy: LatePolicy): number | null {
  if (score === null) return null;
  return late && policy.kind === 'penalty' ? Math.max(0, score * (1 - policy.percent / 100)) : score;
}

/**
 * A submitted attempt's grade as every page shows it: the score the answers earned, the late
 * penalty taken off (if any), and the grade that counts, the one the gradebook and exports use.
 */
export function attemptGrade(
  attempt: { score: number | null; late: boolean },
  assignment: { latePolicy: LatePolicy } | null,
): { earned: number; penaltyPercent: number | null; counted: number } {
  const policy = assignment?.latePolicy ?? { kind: 'accept' };
  const earned = attempt.score ?? 0;
  const penalised = attempt.late && policy.kind === 'penalty' && policy.percent > 0;
  return {
    earned,
    penaltyPercent: penalised ? policy.percent : null,
    counted: countedScore(earned, attempt.late, policy) ?? 0,
  };
}
