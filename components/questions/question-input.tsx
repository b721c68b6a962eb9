'use client';

import { Fragment, useId } from 'react';
import { cn } from '@/components/ui/cn';
import type { StudentQuestion } from '@/lib/quiz/question-view';
import type { Response } from '@/questions/schema';

type Props = {
  question: StudentQuestion;
  response: Response | null;
  onChange: (response: Response) => void;
  disabled?: boolean;
};

const optionRow =
  'flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:hover:bg-slate-800 dark:has-[:checked]:bg-indigo-950';
const textInput =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100';

/**
 * Answers one question of any type. Every type works with a keyboard and a screen reader:
 * matching uses a select per term and ordering uses move buttons, never dragging (WCAG 2.5.7).
 */
export function QuestionInput({ question, response, onChange, disabled }: Props) {
  const id = useId();
  const legend = (
    <legend className="mb-3 font-semibold text-slate-900 dark:text-slate-100">{question.prompt}</legend>
  );

  switch (question.type) {
    case 'multiple-choice':
    case 'multiple-answer': {
      const multiple = question.type === 'multiple-answer';
      const chosen =
        response?.type === 'multiple-answer'
          ? response.optionIds
          : response?.type === 'multiple-choice'
            ? [response.optionId]
            : [];
      return (
        <fieldset disabled={disabled}>
          {legend}
          {multiple && (
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">Choose all that apply.</p>
          )}
          <div className="space-y-2">
            {question.options.map((option) => (
              <label key={option.id} className={optionRow}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${id}-choice`}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={(event) =>
                    multiple
                      ? onChange({
                          type: 'multiple-answer',
                          optionIds: event.target.checked
                            ? [...chosen, option.id]
                            : chosen.filter((c) => c !== option.id),
                        })
                      : onChange({ type: 'multiple-choice', optionId: option.id })
                  }
                  className="mt-1"
                />
                <span>{option.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }

    case 'true-false': {
      const value = response?.type === 'true-false' ? response.value : null;
      return (
        <fieldset disabled={disabled}>
          {legend}
          <blockquote className="mb-3 border-l-4 border-slate-300 pl-3 italic dark:border-slate-600">
            {question.statement}
          </blockquote>
          <div className="flex gap-3">
            {[true, false].map((option) => (
              <label key={String(option)} className={cn(optionRow, 'flex-1')}>
                <input
                  type="radio"
                  name={`${id}-tf`}
                  checked={value === option}
                  onChange={() => onChange({ type: 'true-false', value: option })}
                  className="mt-1"
                />
                <span>{option ? 'True' : 'False'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    }

    case 'cloze': {
      const blanks =
        response?.type === 'cloze' ? response.blanks : Array.from({ length: question.blanks }, () => '');
      const pieces = question.text.split(/(\{\{\d+\}\})/);
      let offset = 0;
      const listId = `${id}-bank`;
      return (
        <fieldset disabled={disabled}>
          {legend}
          {question.wordBank && (
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
              Word bank: {question.wordBank.join(' · ')}
            </p>
          )}
          <p className="leading-9">
            {pieces.map((piece) => {
              const marker = /^\{\{(\d+)\}\}$/.exec(piece);
              const at = offset;
              offset += piece.length;
              if (!marker) return <Fragment key={`text@${at}`}>{piece}</Fragment>;
              const blank = Number(marker[1]) - 1;
              return (
                <input
                  key={`b${marker[1]}`}
                  aria-label={`Blank ${blank + 1}`}
                  list={question.wordBank ? listId : undefined}
                  value={blanks[blank] ?? ''}
                  maxLength={200}
                  onChange={(event) => {
                    const next = [...blanks];
                    next[blank] = event.target.value;
                    onChange({ type: 'cloze', blanks: next });
                  }}
                  className={cn(textInput, 'mx-1 w-44 py-1')}
                />
              );
            })}
          </p>
          {question.wordBank && (
            <datalist id={listId}>
              {question.wordBank.map((word) => (
                <option key={word} value={word} />
              ))}
            </datalist>
          )}
        </fieldset>
      );
    }

    case 'short-answer': {
      const text = response?.type === 'short-answer' ? response.text : '';
      return (
        <div>
          <label
            htmlFor={`${id}-text`}
            className="mb-3 block font-semibold text-slate-900 dark:text-slate-100"
          >
            {question.prompt}
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            disabled={disabled}
            maxLength={5000}
            rows={5}
            onChange={(event) => onChange({ type: 'short-answer', text: event.target.value })}
            className={cn(textInput, 'w-full')}
          />
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Answer in your own words, in a few sentences.
          </p>
        </div>
      );
    }

    case 'matching': {
      const pairs = response?.type === 'matching' ? response.pairs : {};
      return (
        <fieldset disabled={disabled}>
          {legend}
          {/* Side by side when the question itself is wide enough (a quiz page), stacked in a narrow column. */}
          <div className="@container space-y-3">
            {question.left.map((term) => (
              <div key={term.id} className="grid items-center gap-2 @md:grid-cols-[minmax(0,14rem)_1fr]">
                <label htmlFor={`${id}-${term.id}`} className="font-medium">
                  {term.text}
                </label>
                <select
                  id={`${id}-${term.id}`}
                  value={pairs[term.id] ?? ''}
                  onChange={(event) => {
                    const next = { ...pairs };
                    if (event.target.value) next[term.id] = event.target.value;
                    else delete next[term.id];
                    onChange({ type: 'matching', pairs: next });
                  }}
                  className={cn(textInput, 'w-full')}
                >
                  <option value="">Choose a match…</option>
                  {question.right.map((definition) => (
                    <option key={definition.id} value={definition.id}>
                      {definition.text}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }

    case 'ordering': {
      const order = response?.type === 'ordering' ? response.order : question.items.map((i) => i.id);
      const byId = new Map(question.items.map((i) => [i.id, i]));
      const move = (from: number, to: number) => {
        const next = [...order];
        const [item] = next.splice(from, 1);
        next.splice(to, 0, item!);
        onChange({ type: 'ordering', order: next });
      };
      return (
        <fieldset disabled={disabled}>
          {legend}
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Put the steps in the order the author makes them.
          </p>
          <ol className="space-y-2">
            {order.map((itemId, index) => (
              <li
                key={itemId}
                className="flex items-center gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
              >
                <span className="w-6 font-semibold tabular-nums">{index + 1}.</span>
                <span className="flex-1">{byId.get(itemId)?.text}</span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600"
                  >
                    ↑<span className="sr-only"> Move “{byId.get(itemId)?.text}” up</span>
                  </button>
                  <button
                    type="button"
                    disabled={index === order.length - 1}
                    onClick={() => move(index, index + 1)}
                    className="rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 dark:border-slate-600"
                  >
                    ↓<span className="sr-only"> Move “{byId.get(itemId)?.text}” down</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </fieldset>
      );
    }

    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const cer = question.type === 'claim-evidence-reasoning';
      const chosen =
        response?.type === 'select-evidence' || response?.type === 'claim-evidence-reasoning'
          ? response.sentenceId
          : null;
      const reasoning = response?.type === 'claim-evidence-reasoning' ? response.reasoning : '';
      const update = (sentenceId: string | null, text: string) =>
        cer
          ? onChange({ type: 'claim-evidence-reasoning', sentenceId, reasoning: text })
          : sentenceId && onChange({ type: 'select-evidence', sentenceId });
      return (
        <fieldset disabled={disabled}>
          {legend}
          <p className="mb-3 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
            <span className="font-semibold">Claim: </span>
            {question.claim}
          </p>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            {cer
              ? 'Step 1: choose the sentence that best supports the claim.'
              : 'Choose the sentence that best supports the claim.'}
          </p>
          <div className="space-y-2">
            {question.options.map((option) => (
              <label key={option.id} className={optionRow}>
                <input
                  type="radio"
                  name={`${id}-evidence`}
                  checked={chosen === option.id}
                  onChange={() => update(option.id, reasoning)}
                  className="mt-1"
                />
                <span className="font-serif">{option.text}</span>
              </label>
            ))}
          </div>
          {cer && (
            <div className="mt-4">
              <label htmlFor={`${id}-reasoning`} className="mb-1 block text-sm font-semibold">
                Step 2: explain in your own words how that sentence supports the claim.
              </label>
              <textarea
                id={`${id}-reasoning`}
                value={reasoning}
                maxLength={5000}
                rows={4}
                onChange={(event) => update(chosen, event.target.value)}
                className={cn(textInput, 'w-full')}
              />
            </div>
          )}
        </fieldset>
      );
    }
  }
}
