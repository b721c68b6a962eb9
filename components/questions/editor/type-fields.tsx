'use client';

import { useId, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import {
  addPair,
  freshId,
  insertBlank,
  moved,
  removeBlank,
  removePair,
  setCorrect,
  setOffered,
  setSupporting,
} from '@/lib/question-bank/question-form';
import type { AnswerOption, KeyPoint, Question, QuestionOf, Rubric } from '@/questions/schema';
import {
  Anchor,
  fieldId,
  Group,
  hintClass,
  NumberField,
  RowButtons,
  smallButtonClass,
  TextField,
  useFocusLater,
} from './fields';
import { ListEditor } from './list-editor';
import { type PickerParagraph, SentencePicker } from './sentence-picker';

/** The fields of each type of question beyond the shared ones. `set` replaces the whole question. */
type Props<T extends Question['type']> = { question: QuestionOf<T>; set: (question: Question) => void };

const rowClass = 'space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// ---- Multiple choice and multiple answer ----

export function ChoiceFields({ question, set }: Props<'multiple-choice' | 'multiple-answer'>) {
  const multiple = question.type === 'multiple-answer';
  const keys = question.type === 'multiple-answer' ? question.answer.optionIds : [question.answer.optionId];
  const max = multiple ? 8 : 6;
  const group = useId();
  const focusLater = useFocusLater();
  const setOptions = (options: AnswerOption[]) => set({ ...question, options } as Question);
  const addId = `${fieldId('options')}-add`;
  return (
    <Group
      path="options"
      legend="Options"
      hint={
        multiple
          ? 'Tick every correct option (at least one must be wrong). Feedback is what a student who picks the option is told after answering.'
          : 'Mark the one correct option. Feedback is what a student who picks the option is told after answering.'
      }
    >
      <Anchor path="answer" label={multiple ? 'Correct options' : 'Correct option'} />
      <ol className="space-y-3">
        {question.options.map((option, index) => {
          const letter = LETTERS[index] ?? '?';
          const base = `qe-option-${option.id}`;
          return (
            <li key={option.id} data-option={option.id} className={rowClass}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <label className="flex items-center gap-2 text-sm font-semibold">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`${group}-correct`}
                    checked={keys.includes(option.id)}
                    onChange={(e) => set(setCorrect(question, option.id, e.target.checked))}
                    className="size-4"
                  />
                  Correct<span className="sr-only"> answer: option {letter}</span>
                </label>
                <RowButtons
                  idBase={base}
                  name={`option ${letter}`}
                  index={index}
                  count={question.options.length}
                  onMove={(to) => {
                    setOptions(moved(question.options, index, to));
                    focusLater(
                      `${base}-${to < index ? 'up' : 'down'}`,
                      `${base}-${to < index ? 'down' : 'up'}`,
                    );
                  }}
                  onRemove={() => {
                    setOptions(question.options.filter((o) => o.id !== option.id));
                    const next = question.options[index + 1] ?? question.options[index - 1];
                    focusLater(next ? fieldId(`options.${index}.text`) : addId, addId);
                  }}
                  removeDisabled={question.options.length <= 2}
                />
              </div>
              <TextField
                path={`options.${index}.text`}
                label={`Option ${letter}`}
                value={option.text}
                required
                wrap
                onChange={(text) =>
                  setOptions(question.options.map((o) => (o.id === option.id ? { ...o, text } : o)))
                }
              />
              <TextField
                path={`options.${index}.feedback`}
                label={`Feedback if a student picks ${letter} (optional)`}
                value={option.feedback ?? ''}
                maxLength={1000}
                wrap
                onChange={(feedback) =>
                  setOptions(
                    question.options.map((o) => {
                      if (o.id !== option.id) return o;
                      const { feedback: _old, ...rest } = o;
                      return feedback.trim() ? { ...rest, feedback } : rest;
                    }),
                  )
                }
              />
            </li>
          );
        })}
      </ol>
      <button
        id={addId}
        type="button"
        className={smallButtonClass}
        disabled={question.options.length >= max}
        onClick={() => {
          setOptions([
            ...question.options,
            {
              id: freshId(
                question.options.map((o) => o.id),
                'letter',
              ),
              text: '',
            },
          ]);
          focusLater(fieldId(`options.${question.options.length}.text`));
        }}
      >
        Add an option
      </button>
    </Group>
  );
}

// ---- True or false ----

export function TrueFalseFields({ question, set }: Props<'true-false'>) {
  const name = useId();
  return (
    <>
      <TextField
        path="statement"
        label="Statement"
        hint="What the student judges true or false; show it in the prompt too."
        rows={3}
        value={question.statement}
        required
        onChange={(statement) => set({ ...question, statement })}
      />
      <Group path="answer" legend="The statement is">
        <div className="flex gap-3">
          {[true, false].map((value) => (
            <label
              key={String(value)}
              className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-600 dark:has-[:checked]:bg-indigo-950"
            >
              <input
                type="radio"
                name={name}
                checked={question.answer.value === value}
                onChange={() => set({ ...question, answer: { value } })}
              />
              {value ? 'True' : 'False'}
            </label>
          ))}
        </div>
      </Group>
    </>
  );
}

// ---- Fill in the blanks ----

export function ClozeFields({ question, set }: Props<'cloze'>) {
  const text = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const focusLater = useFocusLater();
  const blanks = question.answer.blanks;
  return (
    <>
      <div className="space-y-2">
        <TextField
          path="text"
          label="Text with blanks"
          hint="Select a word and press “Make a blank”, or put the cursor where a blank goes and press it: blanks are written {{1}}, {{2}}… in order."
          rows={4}
          value={question.text}
          required
          inputRef={text}
          onChange={(value) => set({ ...question, text: value })}
        />
        <Anchor path="answer" label="Blanks" />
        <button
          type="button"
          className={smallButtonClass}
          disabled={blanks.length >= 20}
          onClick={() => {
            const field = text.current;
            const start = field?.selectionStart ?? question.text.length;
            const end = field?.selectionEnd ?? start;
            const next = insertBlank(question, start, end);
            set(next);
            const number = (question.text.slice(0, start).match(/\{\{\d+\}\}/g) ?? []).length;
            focusLater(
              fieldId(`answer.blanks.${number}.accepted.0`),
              `${fieldId(`answer.blanks.${number}.accepted`)}-add`,
            );
          }}
        >
          Make a blank
        </button>
      </div>
      <Group
        path="answer.blanks"
        legend="Blanks"
        hint="Each blank accepts any of its answers (and their other forms, or one typo)."
      >
        {blanks.length === 0 && <p className={hintClass}>No blanks yet.</p>}
        <ol className="space-y-3">
          {blanks.map((blank, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a blank is its number in the text
            <li key={index} className={rowClass} data-blank={index + 1}>
              <ListEditor
                path={`answer.blanks.${index}.accepted`}
                legend={`Blank ${index + 1}: accepted answers`}
                items={blank.accepted}
                onChange={(accepted) =>
                  set({
                    ...question,
                    answer: { blanks: blanks.map((b, i) => (i === index ? { ...b, accepted } : b)) },
                  })
                }
                itemLabel={(i) => `Blank ${index + 1}, accepted answer ${i + 1}`}
                addLabel={`Add an accepted answer to blank ${index + 1}`}
              />
              <button
                type="button"
                className={smallButtonClass}
                onClick={() => {
                  set(removeBlank(question, index + 1));
                  focusLater(fieldId('text'));
                }}
              >
                Remove blank {index + 1}
                <span className="sr-only"> (its first accepted answer goes back into the text)</span>
              </button>
            </li>
          ))}
        </ol>
      </Group>
      <ListEditor
        path="wordBank"
        legend="Word bank (optional)"
        hint="Words the student chooses from: the answers and a few that do not fit. Leave it empty for no word bank."
        items={question.wordBank ?? []}
        onChange={(words) => {
          const { wordBank: _old, ...rest } = question;
          set(words.length ? { ...rest, wordBank: words } : rest);
        }}
        itemLabel={(i) => `Word ${i + 1}`}
        addLabel="Add a word"
      />
    </>
  );
}

// ---- Rubrics: short answer and the reasoning of claim-evidence-reasoning ----

export function RubricFields({
  rubric,
  onChange,
  modelAnswer,
  onModelAnswer,
}: {
  rubric: Rubric;
  onChange: (rubric: Rubric) => void;
  modelAnswer: string;
  onModelAnswer: (value: string) => void;
}) {
  const focusLater = useFocusLater();
  const points = rubric.keyPoints;
  const setPoints = (keyPoints: KeyPoint[]) => onChange({ ...rubric, keyPoints });
  const setPoint = (index: number, point: KeyPoint) =>
    setPoints(points.map((p, i) => (i === index ? point : p)));
  const addId = `${fieldId('rubric.keyPoints')}-add`;
  return (
    <>
      <Group
        path="rubric.keyPoints"
        legend="Key points"
        hint="The points a good answer makes, each in a few words; other wordings that also earn the point make the grading fair to students who paraphrase."
      >
        <ol className="space-y-3">
          {points.map((point, index) => (
            <li key={point.id} className={rowClass} data-key-point={point.id}>
              <div className="flex items-start gap-2">
                <TextField
                  path={`rubric.keyPoints.${index}.text`}
                  label={`Key point ${index + 1}`}
                  value={point.text}
                  required
                  wrap
                  onChange={(text) => setPoint(index, { ...point, text })}
                  className="flex-1"
                />
                <NumberField
                  path={`rubric.keyPoints.${index}.weight`}
                  label="Weight"
                  value={point.weight}
                  min={0.5}
                  max={10}
                  step={0.5}
                  onChange={(weight) => setPoint(index, { ...point, weight: weight ?? Number.NaN })}
                />
              </div>
              <ListEditor
                path={`rubric.keyPoints.${index}.accept`}
                legend={`Other wordings that earn key point ${index + 1}`}
                items={point.accept}
                onChange={(accept) => setPoint(index, { ...point, accept })}
                itemLabel={(i) => `Key point ${index + 1}, other wording ${i + 1}`}
                addLabel="Add a wording"
                maxLength={2000}
                wrap
              />
              <RowButtons
                idBase={`qe-point-${point.id}`}
                name={`key point ${index + 1}`}
                showName
                index={index}
                count={points.length}
                onRemove={() => {
                  setPoints(points.filter((p) => p.id !== point.id));
                  focusLater(addId);
                }}
                removeDisabled={points.length <= 1}
              />
            </li>
          ))}
        </ol>
        <button
          id={addId}
          type="button"
          className={smallButtonClass}
          disabled={points.length >= 12}
          onClick={() => {
            setPoints([
              ...points,
              {
                id: freshId(
                  points.map((p) => p.id),
                  'point',
                ),
                text: '',
                accept: [],
                weight: 1,
              },
            ]);
            focusLater(fieldId(`rubric.keyPoints.${points.length}.text`));
          }}
        >
          Add a key point
        </button>
      </Group>
      <NumberField
        path="rubric.pointsForFullCredit"
        label="Points for full credit (optional)"
        hint={`Leave empty to ask for every key point (total weight ${points.reduce((s, p) => s + (p.weight || 0), 0)}).`}
        value={rubric.pointsForFullCredit}
        min={0.5}
        step={0.5}
        onChange={(value) => {
          const { pointsForFullCredit: _old, ...rest } = rubric;
          onChange(value === undefined ? rest : { ...rest, pointsForFullCredit: value });
        }}
      />
      <TextField
        path="modelAnswer"
        label="Model answer"
        hint="Shown to students after grading, as an example of a full answer."
        rows={3}
        value={modelAnswer}
        required
        onChange={onModelAnswer}
      />
    </>
  );
}

export function ShortAnswerFields({ question, set }: Props<'short-answer'>) {
  return (
    <RubricFields
      rubric={question.rubric}
      onChange={(rubric) => set({ ...question, rubric })}
      modelAnswer={question.modelAnswer}
      onModelAnswer={(modelAnswer) => set({ ...question, modelAnswer })}
    />
  );
}

// ---- Matching ----

export function MatchingFields({ question, set }: Props<'matching'>) {
  const focusLater = useFocusLater();
  const paired = new Set(Object.values(question.answer.pairs));
  const extras = question.right.filter((r) => !paired.has(r.id));
  const rightIndex = (id: string) => question.right.findIndex((r) => r.id === id);
  const setRightText = (id: string, text: string) =>
    set({ ...question, right: question.right.map((r) => (r.id === id ? { ...r, text } : r)) });
  const addPairId = `${fieldId('left')}-add`;
  const addExtraId = `${fieldId('right')}-add`;
  return (
    <>
      <Group path="left" legend="Pairs" hint="Each term and its match; students see the matches shuffled.">
        <Anchor path="answer" label="Pairs" />
        <ol className="space-y-3">
          {question.left.map((term, index) => {
            const matchId = question.answer.pairs[term.id] ?? '';
            const at = rightIndex(matchId);
            const match = question.right[at];
            return (
              <li
                key={term.id}
                className={cn(
                  rowClass,
                  'grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:items-start',
                )}
              >
                <TextField
                  path={`left.${index}.text`}
                  label={`Term ${index + 1}`}
                  value={term.text}
                  required
                  wrap
                  onChange={(text) =>
                    set({
                      ...question,
                      left: question.left.map((l) => (l.id === term.id ? { ...l, text } : l)),
                    })
                  }
                />
                {match ? (
                  <TextField
                    path={`right.${at}.text`}
                    label={`Match for term ${index + 1}`}
                    value={match.text}
                    required
                    wrap
                    onChange={(text) => setRightText(match.id, text)}
                  />
                ) : (
                  <p className={hintClass}>No match</p>
                )}
                {/* Level with the fields, below their labels. */}
                <div className="sm:pt-6">
                  <RowButtons
                    idBase={`qe-term-${term.id}`}
                    name={`pair ${index + 1}`}
                    index={index}
                    count={question.left.length}
                    onRemove={() => {
                      set(removePair(question, term.id));
                      focusLater(addPairId);
                    }}
                    removeDisabled={question.left.length <= 2}
                  />
                </div>
              </li>
            );
          })}
        </ol>
        <button
          id={addPairId}
          type="button"
          className={smallButtonClass}
          disabled={question.left.length >= 8 || question.right.length >= 10}
          onClick={() => {
            set(addPair(question));
            focusLater(fieldId(`left.${question.left.length}.text`));
          }}
        >
          Add a pair
        </button>
      </Group>
      <Group
        path="right"
        legend="Extra matches (optional)"
        hint="Matches that belong to no term, so the last pair is not given away (up to 10 matches in all)."
      >
        {extras.length > 0 && (
          <ul className="space-y-2">
            {extras.map((extra, n) => {
              const at = rightIndex(extra.id);
              return (
                <li key={extra.id} className="flex items-end gap-2">
                  <TextField
                    path={`right.${at}.text`}
                    label={`Extra match ${n + 1}`}
                    value={extra.text}
                    required
                    wrap
                    onChange={(text) => setRightText(extra.id, text)}
                    className="flex-1"
                  />
                  <RowButtons
                    idBase={`qe-extra-${extra.id}`}
                    name={`extra match ${n + 1}`}
                    index={n}
                    count={extras.length}
                    onRemove={() => {
                      set({ ...question, right: question.right.filter((r) => r.id !== extra.id) });
                      focusLater(addExtraId);
                    }}
                  />
                </li>
              );
            })}
          </ul>
        )}
        <button
          id={addExtraId}
          type="button"
          className={smallButtonClass}
          disabled={question.right.length >= 10}
          onClick={() => {
            const id = freshId(
              question.right.map((r) => r.id),
              'letter',
            );
            set({ ...question, right: [...question.right, { id, text: '' }] });
            focusLater(fieldId(`right.${question.right.length}.text`));
          }}
        >
          Add an extra match
        </button>
      </Group>
    </>
  );
}

// ---- Ordering ----

export function OrderingFields({ question, set }: Props<'ordering'>) {
  const focusLater = useFocusLater();
  const order = question.answer.order;
  const itemIndex = (id: string) => question.items.findIndex((i) => i.id === id);
  const addId = `${fieldId('items')}-add`;
  return (
    <Group
      path="items"
      legend="Items, in the right order"
      hint="Students see them shuffled and put them in this order."
    >
      <Anchor path="answer" label="Order" />
      <ol className="space-y-2">
        {order.map((id, position) => {
          const at = itemIndex(id);
          const item = question.items[at];
          if (!item) return null;
          const base = `qe-item-${id}`;
          return (
            <li key={id} className="flex items-end gap-2">
              <span className="w-6 pb-2 text-right font-semibold tabular-nums" aria-hidden="true">
                {position + 1}.
              </span>
              <TextField
                path={`items.${at}.text`}
                label={`Item ${position + 1} in the right order`}
                value={item.text}
                required
                wrap
                onChange={(text) =>
                  set({ ...question, items: question.items.map((i) => (i.id === id ? { ...i, text } : i)) })
                }
                className="flex-1"
              />
              <RowButtons
                idBase={base}
                name={`item ${position + 1}`}
                index={position}
                count={order.length}
                onMove={(to) => {
                  set({ ...question, answer: { order: moved(order, position, to) } });
                  focusLater(
                    `${base}-${to < position ? 'up' : 'down'}`,
                    `${base}-${to < position ? 'down' : 'up'}`,
                  );
                }}
                onRemove={() => {
                  set({
                    ...question,
                    items: question.items.filter((i) => i.id !== id),
                    answer: { order: order.filter((o) => o !== id) },
                  });
                  focusLater(addId);
                }}
                removeDisabled={order.length <= 3}
              />
            </li>
          );
        })}
      </ol>
      <button
        id={addId}
        type="button"
        className={smallButtonClass}
        disabled={question.items.length >= 8}
        onClick={() => {
          const id = freshId(
            question.items.map((i) => i.id),
            'letter',
          );
          set({
            ...question,
            items: [...question.items, { id, text: '' }],
            answer: { order: [...order, id] },
          });
          focusLater(fieldId(`items.${question.items.length}.text`));
        }}
      >
        Add an item
      </button>
    </Group>
  );
}

// ---- Select the evidence, and claim-evidence-reasoning ----

export function EvidenceOptionsFields({
  question,
  set,
  paragraphs,
}: Props<'select-evidence' | 'claim-evidence-reasoning'> & { paragraphs: PickerParagraph[] }) {
  const focusLater = useFocusLater();
  const textOf = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  const numberOf = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, p.number] as const)));
  const pickerId = fieldId('options');
  return (
    <>
      <TextField
        path="claim"
        label="Claim"
        hint="The claim the student finds support for, in your words or the author's."
        rows={2}
        value={question.claim}
        required
        onChange={(claim) => set({ ...question, claim })}
      />
      <Group
        path="options"
        anchor={false}
        legend="Sentences offered"
        hint="Pick two to six sentences from the reading and mark the one (or ones) that support the claim; the others should be plausible but not support it."
      >
        <Anchor path="answer" label="Supporting sentence" />
        <SentencePicker
          id={pickerId}
          title="Sentences to offer"
          hint="Tick the sentences the student chooses among (two to six)."
          paragraphs={paragraphs}
          selected={question.options.map((o) => o.id)}
          onChange={(ids) => set(setOffered(question, ids, (id) => textOf.get(id) ?? id))}
          max={6}
          openLabel="Pick sentences from the reading…"
        />
        <ol className="space-y-2">
          {question.options.map((option, index) => {
            const supporting = question.answer.sentenceIds.includes(option.id);
            const base = `qe-offered-${option.id.replace('.', '-')}`;
            return (
              <li
                key={option.id}
                className={cn(rowClass, supporting && 'border-emerald-600 dark:border-emerald-500')}
              >
                <p className="font-serif">
                  <span className="font-sans text-xs text-slate-600 dark:text-slate-400">
                    {numberOf.has(option.id)
                      ? `Paragraph ${numberOf.get(option.id)} · `
                      : 'No longer in the reading · '}
                  </span>
                  {option.text}
                </p>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <label className="flex items-center gap-2 text-sm font-semibold">
                    <input
                      type="checkbox"
                      checked={supporting}
                      onChange={(e) => set(setSupporting(question, option.id, e.target.checked))}
                      className="size-4"
                    />
                    Supports the claim<span className="sr-only"> (sentence {index + 1})</span>
                  </label>
                  <RowButtons
                    idBase={base}
                    name={`sentence ${index + 1}`}
                    index={index}
                    count={question.options.length}
                    onMove={(to) => {
                      set({ ...question, options: moved(question.options, index, to) });
                      focusLater(
                        `${base}-${to < index ? 'up' : 'down'}`,
                        `${base}-${to < index ? 'down' : 'up'}`,
                      );
                    }}
                    onRemove={() => {
                      set(
                        setOffered(
                          question,
                          question.options.filter((o) => o.id !== option.id).map((o) => o.id),
                          (id) => id,
                        ),
                      );
                      focusLater(pickerId);
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </Group>
      {question.type === 'claim-evidence-reasoning' && (
        <>
          <RubricFields
            rubric={question.rubric}
            onChange={(rubric) => set({ ...question, rubric })}
            modelAnswer={question.modelAnswer}
            onModelAnswer={(modelAnswer) => set({ ...question, modelAnswer })}
          />
          <NumberField
            path="weights"
            label="Share of the score for the chosen sentence (%)"
            hint={`The explanation earns the rest: ${Math.round((1 - question.weights.evidence) * 100)}%.`}
            value={Math.round(question.weights.evidence * 1000) / 10}
            min={0}
            max={100}
            step={5}
            onChange={(percent) => {
              const evidence = percent === undefined ? Number.NaN : percent / 100;
              set({ ...question, weights: { evidence, reasoning: (100 - (percent ?? 0)) / 100 } });
            }}
          />
        </>
      )}
    </>
  );
}
