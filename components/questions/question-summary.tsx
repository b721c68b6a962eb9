import { Fragment } from 'react';
import { cn } from '@/components/ui/cn';
import type { Question } from '@/questions/schema';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const keyClass =
  'border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/60 text-slate-900 dark:text-slate-100';
const otherClass = 'border-slate-200 dark:border-slate-700';

/** "Correct", seen and heard, beside a keyed option. */
function KeyMark({ keyed }: { keyed: boolean }) {
  return keyed ? (
    <span className="shrink-0 rounded bg-emerald-700 px-1.5 py-0.5 text-xs font-semibold text-white dark:bg-emerald-400 dark:text-slate-950">
      ✓ Correct
    </span>
  ) : (
    <span className="sr-only">(wrong)</span>
  );
}

function Options({
  options,
  keys,
}: {
  options: { id: string; text: string; feedback?: string }[];
  keys: string[];
}) {
  return (
    <ol className="space-y-1.5 text-sm" data-options>
      {options.map((o, i) => {
        const keyed = keys.includes(o.id);
        return (
          <li
            key={o.id}
            data-key={keyed || undefined}
            className={cn(
              'flex items-start gap-2 rounded-md border px-3 py-1.5',
              keyed ? keyClass : otherClass,
            )}
          >
            <span className="w-4 shrink-0 font-semibold" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span className="flex-1">
              {o.text}
              {o.feedback && (
                <span className="block text-slate-600 italic dark:text-slate-400">
                  Feedback: {o.feedback}
                </span>
              )}
            </span>
            <KeyMark keyed={keyed} />
          </li>
        );
      })}
    </ol>
  );
}

function Rubric({ question }: { question: Extract<Question, { rubric: unknown }> }) {
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">
        Key points
        {question.rubric.pointsForFullCredit
          ? ` (${question.rubric.pointsForFullCredit} for full credit)`
          : ''}
        :
      </p>
      <ul className="ml-5 list-disc space-y-0.5">
        {question.rubric.keyPoints.map((k) => (
          <li key={k.id}>
            {k.text}
            {k.weight !== 1 && (
              <span className="text-slate-600 dark:text-slate-400"> (weight {k.weight})</span>
            )}
            {k.accept.length > 0 && (
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                · also accepts: {k.accept.join('; ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p>
        <span className="font-medium">Model answer: </span>
        {question.modelAnswer}
      </p>
    </div>
  );
}

/**
 * What a question asks and its key, for the instructor reviewing it: the options with the correct
 * ones marked and their feedback, the blanks filled in, the pairs, the order, the sentences
 * offered, the rubric.
 */
export function QuestionSummary({ question }: { question: Question }) {
  switch (question.type) {
    case 'multiple-choice':
      return <Options options={question.options} keys={[question.answer.optionId]} />;
    case 'multiple-answer':
      return <Options options={question.options} keys={question.answer.optionIds} />;
    case 'true-false':
      return (
        <div className="space-y-1 text-sm">
          <blockquote className="border-l-4 border-slate-300 pl-3 italic dark:border-slate-600">
            {question.statement}
          </blockquote>
          <p>
            <span className="font-medium">Answer: </span>
            <span data-key>{question.answer.value ? 'True' : 'False'}</span>
          </p>
        </div>
      );
    case 'cloze':
      return (
        <div className="space-y-1 text-sm">
          <p className="leading-7">
            {question.text.split(/(\{\{\d+\}\})/).map((piece, i, pieces) => {
              const marker = /^\{\{(\d+)\}\}$/.exec(piece);
              // Text between blanks is named by the blank before it: pieces alternate text, blank.
              if (!marker) return <Fragment key={`after-${pieces[i - 1] ?? 'start'}`}>{piece}</Fragment>;
              const blank = question.answer.blanks[Number(marker[1]) - 1];
              return (
                <mark
                  key={`b${marker[1]}`}
                  data-key
                  className="rounded bg-emerald-100 px-1 font-semibold text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50"
                >
                  <span className="sr-only">blank {marker[1]}: </span>
                  {blank?.accepted.join(' / ') ?? '?'}
                </mark>
              );
            })}
          </p>
          {question.wordBank && (
            <p className="text-slate-600 dark:text-slate-400">Word bank: {question.wordBank.join(' · ')}</p>
          )}
        </div>
      );
    case 'short-answer':
      return <Rubric question={question} />;
    case 'matching': {
      const paired = new Set(Object.values(question.answer.pairs));
      const extras = question.right.filter((r) => !paired.has(r.id));
      return (
        <div className="space-y-1 text-sm">
          <table className="w-full border-collapse text-left">
            <thead className="sr-only">
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Its match</th>
              </tr>
            </thead>
            <tbody>
              {question.left.map((term) => (
                <tr key={term.id} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 font-medium">
                    {term.text}
                  </th>
                  <td className="py-1">
                    <span aria-hidden="true">→ </span>
                    {question.right.find((r) => r.id === question.answer.pairs[term.id])?.text ??
                      '(no match)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {extras.length > 0 && (
            <p className="text-slate-600 dark:text-slate-400">
              Extra matches: {extras.map((e) => e.text).join(' · ')}
            </p>
          )}
        </div>
      );
    }
    case 'ordering':
      return (
        <ol className="ml-5 list-decimal space-y-0.5 text-sm" data-key>
          {question.answer.order.map((id) => (
            <li key={id}>{question.items.find((i) => i.id === id)?.text}</li>
          ))}
        </ol>
      );
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return (
        <div className="space-y-2 text-sm">
          <p className="rounded-md bg-slate-100 p-2 dark:bg-slate-800">
            <span className="font-semibold">Claim: </span>
            {question.claim}
          </p>
          <Options options={question.options} keys={question.answer.sentenceIds} />
          {question.type === 'claim-evidence-reasoning' && (
            <>
              <Rubric question={question} />
              <p className="text-slate-600 dark:text-slate-400">
                Score: {Math.round(question.weights.evidence * 100)}% the sentence,{' '}
                {Math.round(question.weights.reasoning * 100)}% the explanation.
              </p>
            </>
          )}
        </div>
      );
  }
}
