import 'server-only';
import {
  listCompletedReadings,
  listQuizScores,
  listScoredAnswers,
  questionTags,
} from '@/db/queries/progress';
import { listReadingsInProgress } from '@/db/queries/readings';
import { countDue, reviewHistory } from '@/db/queries/review';
import { dayKey } from '@/lib/time';
import { reviewDay } from './daily-limit';
import { latestByQuestion, masteryBy, nextStepAdvice, reviewStreak } from './progress';

const DAY = 86_400_000;

/** Everything the progress page shows, from the database. */
export async function studentProgress(userId: string, timeZone: string, now = new Date()) {
  const [answers, quizScores, completed, inProgress, due, history] = await Promise.all([
    listScoredAnswers({ userId }),
    listQuizScores({ userId }),
    listCompletedReadings({ userId }),
    listReadingsInProgress({ userId }),
    countDue({ userId, window: reviewDay(now, timeZone) }),
    reviewHistory({ userId, since: new Date(now.getTime() - 30 * DAY), timeZone }),
  ]);
  const latest = latestByQuestion(answers);
  const tags = await questionTags({ ids: [...latest.keys()] });
  const { bySkill, byConcept } = masteryBy(latest, tags);
  return {
    bySkill,
    byConcept,
    quizScores: quizScores.flatMap((q) =>
      q.submittedAt && q.score !== null
        ? [
            {
              label: `${q.quizTitle} (attempt ${q.number})`,
              date: dayKey(q.submittedAt, timeZone),
              score: q.score,
            },
          ]
        : [],
    ),
    completed,
    inProgress,
    due,
    streak: reviewStreak(history.days, dayKey(now, timeZone)),
    reviews30: history.reviews,
    // Retention: of reviews of cards already in long-term review, the share recalled (rated Hard or better).
    retention: history.matured > 0 ? history.recalled / history.matured : null,
    advice: nextStepAdvice({ due, bySkill, byConcept, readingsInProgress: inProgress.map((r) => r.title) }),
  };
}
