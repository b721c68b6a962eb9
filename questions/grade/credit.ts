import type { Rubric } from '../schema';
import { roundScore } from './result';

/**
 * Credit for a rubric's key points: what a point met, partly met or missed is worth, and the
 * score that follows. Pure and free of the model's files, so an instructor's grading form in the
 * browser computes the same score the server stores.
 */

export type PointStatus = 'met' | 'partly' | 'missed';

export const POINT_STATUSES: readonly PointStatus[] = ['met', 'partly', 'missed'];

export const STATUS_CREDIT: Record<PointStatus, number> = { met: 1, partly: 0.5, missed: 0 };

/** The score from the points' statuses: points made over the weight needed for full credit. */
export function scoreFromStatuses(
  rubric: { keyPoints: readonly Pick<Rubric['keyPoints'][number], 'weight'>[]; pointsForFullCredit?: number },
  statuses: readonly PointStatus[],
): number {
  const total = rubric.keyPoints.reduce((sum, point) => sum + point.weight, 0);
  const needed = Math.min(rubric.pointsForFullCredit ?? total, total);
  const earned = rubric.keyPoints.reduce(
    (sum, point, i) => sum + point.weight * STATUS_CREDIT[statuses[i] ?? 'missed'],
    0,
  );
  return roundScore(Math.min(1, earned / needed));
}
