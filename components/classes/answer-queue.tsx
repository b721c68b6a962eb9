'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FormMessage } from '@/components/ui/form-message';
import type { KeyPointVerdicts } from '@/db/schema';
import type { QueueGroup } from '@/lib/classes/answer-queue';
import { gradeAnswerGroupAction } from '@/lib/server/actions/classes';
import { POINT_STATUSES, type PointStatus, scoreFromStatuses } from '@/questions/grade/credit';
import { reviewLabel } from '@/questions/grade/review';

const STATUS_LABEL: Record<PointStatus, string> = { met: 'Met', partly: 'Partly', missed: 'Missed' };
const NEXT_STATUS: Record<PointStatus, PointStatus> = { met: 'partly', partly: 'missed', missed: 'met' };
const pct = (x: number) => `${Math.round(x * 100)}%`;

type Point = { id: string; text: string; weight: number };

/** Typing in a field keeps its keys; the shortcuts work everywhere else on the page. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return (
    target.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((target as HTMLInputElement).type)
  );
}

/**
 * The answer queue of one free-text question: one group of answers at a time, the key points
 * set met, partly or missed for the whole group (the grader's reading to start with), and one
 * press to grade every chosen member. j/k move between groups, 1–9 turn a point's verdict, s
 * saves.
 */
export function AnswerQueue({
  classId,
  assignmentId,
  questionId,
  points,
  pointsForFullCredit,
  claimEvidence,
  groups: initial,
}: {
  classId: string;
  assignmentId: string;
  questionId: string;
  points: Point[];
  pointsForFullCredit: number | null;
  /** For claim-evidence-reasoning: the evidence part is each answer's own and is added to the points. */
  claimEvidence: boolean;
  groups: QueueGroup[];
}) {
  const [groups, setGroups] = useState(initial);
  const [index, setIndex] = useState(0);
  const [verdicts, setVerdicts] = useState<KeyPointVerdicts[]>(() =>
    initial.map((g) => ({ ...g.suggested })),
  );
  const [comments, setComments] = useState<string[]>(() => initial.map(() => ''));
  const [included, setIncluded] = useState<Set<string>[]>(() =>
    initial.map((g) => new Set(g.answers.map((a) => a.attemptId))),
  );
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const card = useRef<HTMLElement>(null);

  const group = groups[index];
  const current = verdicts[index] ?? {};
  const statuses = points.map((p) => current[p.id] ?? 'missed');
  const score = scoreFromStatuses(
    { keyPoints: points, pointsForFullCredit: pointsForFullCredit ?? undefined },
    statuses,
  );
  const chosen = group ? group.answers.filter((a) => included[index]?.has(a.attemptId)) : [];
  const toGrade = groups.reduce((sum, g) => sum + g.ungraded, 0);

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= groups.length) return;
      setIndex(to);
      setMessage(null);
      // Focus follows the group, so a screen reader reads the new one and the keys keep working.
      requestAnimationFrame(() => card.current?.focus());
    },
    [groups.length],
  );

  const setPoint = useCallback(
    (pointId: string, status: PointStatus) =>
      setVerdicts((all) => all.map((v, i) => (i === index ? { ...v, [pointId]: status } : v))),
    [index],
  );

  const save = useCallback(() => {
    if (!group || pending) return;
    const attemptIds = chosen.map((a) => a.attemptId);
    if (attemptIds.length === 0) {
      setMessage({ tone: 'error', text: 'Choose at least one answer of this group to grade.' });
      return;
    }
    const decided = { ...current };
    startTransition(async () => {
      const result = await gradeAnswerGroupAction({
        classId,
        assignmentId,
        questionId,
        attemptIds,
        verdicts: decided,
        comment: comments[index] ?? '',
      });
      if (result.status !== 'ok') {
        setMessage({ tone: 'error', text: result.message });
        return;
      }
      const graded = new Set(attemptIds);
      const next = groups.map((g, i) => {
        if (i !== index) return g;
        const answers = g.answers.map((a) =>
          graded.has(a.attemptId)
            ? { ...a, gradedBy: 'instructor' as const, needsReview: false, verdicts: decided, score }
            : a,
        );
        return { ...g, answers, ungraded: answers.filter((a) => a.gradedBy !== 'instructor').length };
      });
      setGroups(next);
      setMessage({ tone: 'success', text: result.message ?? 'Graded.' });
      // On to the next group with answers still to grade, if there is one.
      const after = next.findIndex((g, i) => i > index && g.ungraded > 0);
      const before = next.findIndex((g) => g.ungraded > 0);
      const target = after >= 0 ? after : before;
      if (target >= 0 && target !== index) {
        setIndex(target);
        requestAnimationFrame(() => card.current?.focus());
      }
    });
  }, [group, pending, chosen, current, classId, assignmentId, questionId, comments, index, groups, score]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target)) return;
      if (event.key === 'j') go(index + 1);
      else if (event.key === 'k') go(index - 1);
      else if (event.key === 's') save();
      else if (/^[1-9]$/.test(event.key)) {
        const point = points[Number(event.key) - 1];
        if (point) setPoint(point.id, NEXT_STATUS[current[point.id] ?? 'missed']);
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, save, setPoint, index, points, current]);

  if (!group) return <p className="text-sm">No student has submitted an answer to this question yet.</p>;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          ← Previous group
        </Button>
        <p className="text-sm" aria-live="polite" data-testid="queue-position">
          Group {index + 1} of {groups.length} · {toGrade} answer{toGrade === 1 ? '' : 's'} still to grade
        </p>
        <Button variant="secondary" onClick={() => go(index + 1)} disabled={index === groups.length - 1}>
          Next group →
        </Button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous group · <kbd>1</kbd>–
        <kbd>{Math.min(9, points.length)}</kbd> change a point's verdict · <kbd>s</kbd> grade the group
      </p>

      <section
        ref={card}
        tabIndex={-1}
        aria-labelledby="group-title"
        data-answer-group={index}
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="group-title" className="text-lg font-semibold">
          {group.answers.length} answer{group.answers.length === 1 ? '' : 's'} making the same points
          {group.ungraded === 0 && (
            <span className="font-normal text-emerald-800 dark:text-emerald-300"> · graded</span>
          )}
          {group.needsReview && (
            <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              grader unsure
            </span>
          )}
        </h2>

        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {points.map((point, i) => (
            <fieldset key={point.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <legend className="px-1 text-sm font-medium">
                {i + 1}. {point.text}
              </legend>
              <div className="flex flex-wrap gap-4 text-sm">
                {POINT_STATUSES.map((status) => (
                  <label key={status} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={`point-${point.id}`}
                      value={status}
                      checked={(current[point.id] ?? 'missed') === status}
                      onChange={() => setPoint(point.id, status)}
                    />
                    {STATUS_LABEL[status]}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <p className="text-sm font-semibold" data-testid="group-score">
            {claimEvidence
              ? `Reasoning: ${pct(score)} (each answer's evidence counts beside it)`
              : `Score: ${pct(score)}`}
          </p>
          <label className="block space-y-1 text-sm">
            <span className="font-medium">Comment to these students (optional)</span>
            <textarea
              value={comments[index] ?? ''}
              onChange={(e) => setComments((all) => all.map((c, i) => (i === index ? e.target.value : c)))}
              maxLength={2000}
              rows={2}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending || chosen.length === 0}>
              {pending ? 'Grading…' : `Grade ${chosen.length} answer${chosen.length === 1 ? '' : 's'}`}
            </Button>
            <FormMessage tone={message?.tone ?? 'success'}>{message?.text ?? null}</FormMessage>
          </div>
        </form>

        <ul className="space-y-3" aria-label="Answers in this group">
          {group.answers.map((answer) => (
            <li
              key={answer.attemptId}
              data-queue-answer={answer.attemptId}
              className={cn(
                'space-y-1 rounded-md border-l-4 p-3 text-sm',
                answer.gradedBy === 'instructor'
                  ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950'
                  : 'border-slate-300 bg-slate-50 dark:border-slate-600 dark:bg-slate-800',
              )}
            >
              <div className="flex flex-wrap items-center gap-3">
                <label className="flex items-center gap-1.5 font-medium">
                  <input
                    type="checkbox"
                    checked={included[index]?.has(answer.attemptId) ?? false}
                    onChange={(e) =>
                      setIncluded((all) =>
                        all.map((set, i) => {
                          if (i !== index) return set;
                          const copy = new Set(set);
                          if (e.target.checked) copy.add(answer.attemptId);
                          else copy.delete(answer.attemptId);
                          return copy;
                        }),
                      )
                    }
                  />
                  {answer.studentName}
                </label>
                <span className="text-slate-600 dark:text-slate-400">
                  {answer.gradedBy === 'instructor'
                    ? `graded by you: ${pct(answer.score)}`
                    : `grader: ${pct(answer.score)}`}
                  {answer.needsReview && ` · ${reviewLabel(answer.reviewReasons)}`}
                </span>
                <Link href={`/classes/${classId}/attempts/${answer.attemptId}`} className="underline">
                  Open alone
                </Link>
              </div>
              <blockquote className="whitespace-pre-wrap font-serif">
                {answer.text.trim() ? answer.text : <em>No answer.</em>}
              </blockquote>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
