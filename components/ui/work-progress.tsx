import { Button } from './button';
import { FormMessage } from './form-message';
import type { Progress } from './progress-request';

/**
 * A long step's progress as a bar and in words, announced politely to screen readers: the stage
 * ("Finding paragraphs and sentences: 120 of 400"), or `waiting` before the first word from the
 * server (the upload itself).
 */
export function WorkProgress({
  progress,
  doing,
  waiting,
}: {
  progress: Progress | null;
  /** The stage's name when the server gives none. */
  doing: string;
  waiting: string;
}) {
  const counted = progress && progress.total > 1;
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300" data-work-progress>
      <progress
        className="h-2 w-40 accent-indigo-600"
        max={counted ? progress.total : 1}
        value={counted ? progress.done : undefined}
        aria-label={progress?.stage ?? doing}
      />
      <span role="status" aria-live="polite">
        {!progress
          ? waiting
          : counted
            ? `${progress.stage ?? doing}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`
            : `${progress.stage ?? doing}…`}
      </span>
    </div>
  );
}

/**
 * A long step's submit button with, while it runs, its progress, and otherwise its refusal: the
 * row under each form that streams its work (the question import's two steps, a new reading).
 */
export function SubmitWithProgress({
  label,
  busyLabel,
  running,
  progress,
  doing,
  waiting,
  refusal,
  disabled = false,
  variant = 'primary',
}: {
  label: string;
  busyLabel: string;
  /** This step runs now. */
  running: boolean;
  progress: Progress | null;
  doing: string;
  waiting: string;
  refusal: string | null;
  /** Another step of the same page runs. */
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant={variant} disabled={running || disabled}>
        {running ? busyLabel : label}
      </Button>
      {running ? (
        <WorkProgress progress={progress} doing={doing} waiting={waiting} />
      ) : (
        <FormMessage tone="error">{refusal}</FormMessage>
      )}
    </div>
  );
}
