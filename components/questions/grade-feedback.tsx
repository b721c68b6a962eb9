import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { FeedbackView } from '@/lib/quiz/feedback';
import { reviewReasonForStudent } from '@/questions/grade/review';

const LABEL = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Not yet' } as const;
const TONE = {
  correct: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950',
  partial: 'border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950',
  incorrect: 'border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950',
} as const;

/** The link to the reading with a question's evidence sentences marked. */
export function evidenceHref(readingSlug: string, evidence: string[], returnTo?: string): string {
  const first = evidence[0];
  const back = returnTo ? `&from=${encodeURIComponent(returnTo)}` : '';
  return `/readings/${readingSlug}?evidence=${encodeURIComponent(evidence.join(','))}${back}${first ? `#s-${first.replace('.', '-')}` : ''}`;
}

/** Says correct, partly correct or not yet; what the answer got and missed; and where in the text to look. */
export function GradeFeedback({
  result,
  readingSlug,
  returnTo,
}: {
  result: FeedbackView;
  readingSlug: string;
  /** The page to come back to from the text (the results page offers "Back to results" there). */
  returnTo?: string;
}) {
  return (
    <div
      role="status"
      className={cn('mt-4 space-y-2 rounded-lg border-l-4 p-4 text-sm', TONE[result.correct])}
    >
      <p className="text-base font-semibold">
        {LABEL[result.correct]}
        {result.correct === 'partial' && ` (${Math.round(result.score * 100)}%)`}
        {result.instructor && <span className="font-normal"> · graded by your instructor</span>}
      </p>
      {result.provisional && (
        <p data-provisional>
          {result.instructorReviews
            ? 'This grade is provisional: your instructor will look at this answer, since '
            : 'This grade is provisional, since '}
          {result.provisionalBecause ?? reviewReasonForStudent([])}
          {result.instructorReviews ? '.' : ': compare your answer with the points below and the text.'}
        </p>
      )}
      {result.otherQuestion && (
        <p data-other-question>
          Your answer reads like an answer to “{result.otherQuestion}” This question asks something else.
        </p>
      )}
      {result.instructor?.comment && (
        <p className="rounded-md bg-white/60 p-2 dark:bg-slate-900/60">
          Your instructor: “{result.instructor.comment}”
        </p>
      )}
      {/* Rubric feedback is shown as the two lists below; other types say it in a sentence. */}
      {result.feedback && result.keyPointsMet.length + result.keyPointsMissed.length === 0 && (
        <p>{result.feedback}</p>
      )}
      {result.keyPointsMet.length > 0 && (
        <div>
          <p className="font-semibold">You made these points:</p>
          <ul className="ml-5 list-disc">
            {result.keyPointsMet.map((k) => (
              <li key={k.id}>{k.text}</li>
            ))}
          </ul>
        </div>
      )}
      {(['opposite', 'wrong-party'] as const).map((why) => {
        const points = (result.keyPointsQuestioned ?? []).filter((k) => k.why === why);
        if (points.length === 0) return null;
        return (
          <div key={why}>
            <p className="font-semibold">
              {why === 'opposite'
                ? 'Your answer seems to say the opposite of:'
                : 'Your answer says this of the wrong party:'}
            </p>
            <ul className="ml-5 list-disc">
              {points.map((k) => (
                <li key={k.id}>{k.text}</li>
              ))}
            </ul>
          </div>
        );
      })}
      {result.keyPointsMissed.length > 0 && (
        <div>
          <p className="font-semibold">Points to add:</p>
          <ul className="ml-5 list-disc">
            {result.keyPointsMissed.map((k) => (
              <li key={k.id}>{k.text}</li>
            ))}
          </ul>
        </div>
      )}
      {result.explanation && !result.feedback.includes(result.explanation) && (
        <p className="text-slate-700 dark:text-slate-300">{result.explanation}</p>
      )}
      {result.evidence.length > 0 && (
        <Link
          href={evidenceHref(readingSlug, result.evidence, returnTo)}
          className="inline-block font-semibold text-indigo-800 underline dark:text-indigo-200"
        >
          Show in the text
        </Link>
      )}
    </div>
  );
}
