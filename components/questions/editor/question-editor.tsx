'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { QuestionPreview } from '@/components/questions/question-preview';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import {
  blankQuestion,
  checkQuestion,
  commonOf,
  DIFFICULTY_NAMES,
  type FieldProblem,
  formFields,
  LENS_NAMES,
  SKILL_NAMES,
  sameQuestion,
  TYPE_HINTS,
  TYPE_NAMES,
} from '@/lib/question-bank/question-form';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { createQuestionAction, editQuestionAction } from '@/lib/server/actions/question-bank';
import { LENSES, QUESTION_TYPES, type Question, SKILLS } from '@/questions/schema';
import {
  EditorErrors,
  ErrorText,
  fieldId,
  Group,
  hintClass,
  SelectField,
  smallButtonClass,
  TextField,
  useFieldError,
} from './fields';
import { ListEditor } from './list-editor';
import { type PickerParagraph, SentencePicker } from './sentence-picker';
import {
  ChoiceFields,
  ClozeFields,
  EvidenceOptionsFields,
  MatchingFields,
  OrderingFields,
  ShortAnswerFields,
  TrueFalseFields,
} from './type-fields';

const cardClass =
  'space-y-5 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900';

const noSubscription = () => () => {};

/** Sends focus to a field named by its path, or to the nearest group that holds it. */
function focusField(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/**
 * The question editor: a form per type, made of native fields, for a question of the bank or a
 * new one; the question as a student sees it beside it, live. Problems are named by field, in a
 * summary that links to each field and beside the field itself; the server checks the same way.
 */
export function QuestionEditor({
  mode,
  readingId,
  initial,
  paragraphs,
  knownConcepts,
  bankHref,
}: {
  mode: 'edit' | 'new';
  readingId: string;
  initial: Question;
  paragraphs: PickerParagraph[];
  knownConcepts: string[];
  bankHref: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Question>(initial);
  const [saved, setSaved] = useState<Question>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checkedOnce, setCheckedOnce] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // How many saves the server has answered: the status line carries it, so a test knows a new answer came.
  const [answers, setAnswers] = useState(0);
  // The form saves through React only: until it runs, a press of Save would reload the page and lose the edits.
  const onClient = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const summary = useRef<HTMLDivElement>(null);
  const sentences = useMemo(
    () => new Set(paragraphs.flatMap((p) => p.sentences.map((s) => s.id))),
    [paragraphs],
  );
  const errors = useMemo(() => new Map(problems.map((p) => [p.path, p.message])), [problems]);
  const dirty = !sameQuestion(formFields(draft), formFields(saved));

  // The server's copy after a save (the page refreshes) is the new baseline.
  useEffect(() => setSaved(initial), [initial]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (next: Question) => {
    setDraft(next);
    setMessage(null);
    // Once a save has shown problems, they clear as they are fixed.
    if (checkedOnce) {
      const checked = checkQuestion(next, sentences);
      setProblems(checked.ok ? [] : checked.problems);
    }
  };

  const showProblems = (list: FieldProblem[]) => {
    setProblems(list);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const save = (approve: boolean) => {
    setCheckedOnce(true);
    const checked = checkQuestion(draft, sentences);
    if (!checked.ok) {
      setMessage(null);
      showProblems(checked.problems);
      return;
    }
    setProblems([]);
    setMessage(null);
    startTransition(async () => {
      const result =
        mode === 'edit'
          ? await editQuestionAction({
              readingId,
              questionId: initial.id,
              question: checked.question,
              approve,
            })
          : await createQuestionAction({ readingId, question: checked.question });
      setAnswers((n) => n + 1);
      if (result.status !== 'ok') {
        const fromServer = Object.entries(result.fieldErrors ?? {}).flatMap(([path, messages]) =>
          messages?.[0] ? [{ path, message: messages[0] }] : [],
        );
        setMessage({ tone: 'error', text: result.message });
        if (fromServer.length) showProblems(fromServer);
        return;
      }
      setMessage({ tone: 'success', text: result.message ?? 'Saved.' });
      if (mode === 'new') {
        const id = (result.data as { id?: string } | undefined)?.id;
        setSaved(draft);
        if (id) router.push(`${bankHref}/${encodeURIComponent(id)}?added=1`);
        return;
      }
      // What the server stored (trimmed) is what the form shows from now on.
      setDraft(checked.question);
      setSaved(checked.question);
    });
  };

  const student = useMemo(() => toStudentQuestion(draft, 'preview'), [draft]);

  return (
    <EditorErrors.Provider value={errors}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <form
          noValidate
          data-question-editor={mode}
          aria-label={mode === 'edit' ? 'Edit the question' : 'Write a question'}
          onSubmit={(event) => {
            event.preventDefault();
            save(false);
          }}
          className="min-w-0 space-y-6"
        >
          {problems.length > 0 && (
            <div
              ref={summary}
              tabIndex={-1}
              role="alert"
              aria-labelledby="editor-problems-title"
              data-editor-problems
              className="space-y-2 rounded-xl border-2 border-red-600 bg-red-50 p-4 focus:outline-2 focus:outline-offset-2 focus:outline-red-700 dark:border-red-400 dark:bg-red-950"
            >
              <h2 id="editor-problems-title" className="font-semibold text-red-800 dark:text-red-200">
                {problems.length === 1 ? 'One thing to fix' : `${problems.length} things to fix`} before
                saving
              </h2>
              <ul className="ml-5 list-disc space-y-1 text-sm">
                {problems.map((p) => (
                  <li key={p.path}>
                    <a
                      href={`#${fieldId(p.path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        focusField(p.path);
                      }}
                      className="text-red-800 underline dark:text-red-200"
                    >
                      {p.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <section aria-labelledby="editor-question-title" className={cardClass}>
            <h2 id="editor-question-title" className="text-lg font-semibold">
              The question
            </h2>
            {mode === 'new' ? (
              <SelectField
                path="type"
                label="Type of question"
                value={draft.type}
                options={QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_NAMES[t] }))}
                hint={TYPE_HINTS[draft.type]}
                onChange={(type) => update(blankQuestion(type, commonOf(draft)))}
              />
            ) : (
              <p className={hintClass}>
                <span className="font-semibold">{TYPE_NAMES[draft.type]}.</span> {TYPE_HINTS[draft.type]}
              </p>
            )}
            <TextField
              path="prompt"
              label="Prompt"
              hint="The question as the student reads it."
              rows={2}
              maxLength={1000}
              value={draft.prompt}
              required
              onChange={(prompt) => update({ ...draft, prompt })}
            />
            <TypeFields question={draft} set={update} paragraphs={paragraphs} />
          </section>

          <section aria-labelledby="editor-feedback-title" className={cardClass}>
            <h2 id="editor-feedback-title" className="text-lg font-semibold">
              Feedback and evidence
            </h2>
            <TextField
              path="explanation"
              label="Explanation"
              hint="Shown to students after they answer: why the answer is right, in a sentence or two."
              rows={3}
              value={draft.explanation}
              required
              onChange={(explanation) => update({ ...draft, explanation })}
            />
            <EvidenceField question={draft} set={update} paragraphs={paragraphs} />
          </section>

          <section aria-labelledby="editor-tags-title" className={cardClass}>
            <h2 id="editor-tags-title" className="text-lg font-semibold">
              Tags
            </h2>
            <p className={hintClass}>
              Quizzes are built by skill, and students see their mastery by skill and concept.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                path="skill"
                label="Skill"
                value={draft.skill}
                options={SKILLS.map((s) => ({ value: s, label: SKILL_NAMES[s] }))}
                onChange={(skill) => update({ ...draft, skill })}
              />
              <SelectField
                path="lens"
                label="Theory lens"
                hint="Only for a question about a realist, liberal or constructivist reading of the text."
                value={draft.lens ?? 'none'}
                options={[
                  { value: 'none', label: 'None' },
                  ...LENSES.map((l) => ({ value: l, label: LENS_NAMES[l] })),
                ]}
                onChange={(lens) => update({ ...draft, lens: lens === 'none' ? null : lens })}
              />
            </div>
            <DifficultyField question={draft} set={update} />
            <datalist id="known-concepts">
              {knownConcepts.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <ListEditor
              path="concepts"
              legend="Concepts"
              hint="IR concepts the question tests (deterrence, sanctions, alliances…); suggestions come from this bank."
              items={draft.concepts}
              onChange={(concepts) => update({ ...draft, concepts })}
              itemLabel={(i) => `Concept ${i + 1}`}
              addLabel="Add a concept"
              maxLength={60}
              list="known-concepts"
            />
          </section>

          <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-t-xl border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-8px_rgba(0,0,0,0.25)] backdrop-blur dark:border-slate-700 dark:bg-slate-950/95">
            <Button type="submit" disabled={pending || !onClient}>
              {pending ? 'Saving…' : mode === 'edit' ? 'Save question' : 'Add question'}
            </Button>
            {mode === 'edit' && initial.status !== 'approved' && (
              <Button variant="secondary" disabled={pending || !onClient} onClick={() => save(true)}>
                Save and approve
              </Button>
            )}
            {/* On a phone the bar stays one row; the page's breadcrumb leads back to the bank. */}
            <Link href={bankHref} className={cn(smallButtonClass, 'hidden px-4 py-2 sm:inline-block')}>
              Back to the question bank
            </Link>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-dirty={dirty}>
              {dirty ? 'Unsaved changes' : mode === 'edit' ? 'No unsaved changes' : ''}
            </p>
            <p
              role="status"
              aria-live="polite"
              data-editor-message={message?.tone ?? ''}
              data-save-count={answers}
              className={cn(
                // Its own line when it says something; no room taken when it is empty.
                'basis-full text-sm font-medium empty:basis-0',
                message?.tone === 'error'
                  ? 'text-red-700 dark:text-red-300'
                  : 'text-emerald-700 dark:text-emerald-300',
              )}
            >
              {message?.text}
            </p>
          </div>
        </form>

        <aside aria-labelledby="editor-preview-title" className="space-y-3 self-start lg:sticky lg:top-4">
          <h2 id="editor-preview-title" className="text-lg font-semibold">
            As a student sees it
          </h2>
          <div className="rounded-xl border border-dashed border-slate-300 bg-white p-4 dark:border-slate-600 dark:bg-slate-900">
            <QuestionPreview question={student} />
          </div>
          <p className={hintClass}>Try it out: answers here are not saved or graded.</p>
        </aside>
      </div>
    </EditorErrors.Provider>
  );
}

function TypeFields({
  question,
  set,
  paragraphs,
}: {
  question: Question;
  set: (question: Question) => void;
  paragraphs: PickerParagraph[];
}) {
  switch (question.type) {
    case 'multiple-choice':
    case 'multiple-answer':
      return <ChoiceFields question={question} set={set} />;
    case 'true-false':
      return <TrueFalseFields question={question} set={set} />;
    case 'cloze':
      return <ClozeFields question={question} set={set} />;
    case 'short-answer':
      return <ShortAnswerFields question={question} set={set} />;
    case 'matching':
      return <MatchingFields question={question} set={set} />;
    case 'ordering':
      return <OrderingFields question={question} set={set} />;
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return <EvidenceOptionsFields question={question} set={set} paragraphs={paragraphs} />;
  }
}

/** The sentences the answer rests on, picked from the reading, each removable. */
function EvidenceField({
  question,
  set,
  paragraphs,
}: {
  question: Question;
  set: (question: Question) => void;
  paragraphs: PickerParagraph[];
}) {
  const textOf = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
  const numberOf = new Map(paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, p.number] as const)));
  return (
    <Group
      path="evidence"
      anchor={false}
      legend="Evidence"
      hint="The sentences the answer rests on: feedback sends students back to them, and item analysis shades them."
    >
      <SentencePicker
        id={fieldId('evidence')}
        title="Evidence sentences"
        hint="Tick the sentences the answer rests on."
        paragraphs={paragraphs}
        selected={question.evidence}
        onChange={(evidence) => set({ ...question, evidence })}
        openLabel="Pick evidence from the reading…"
      />
      {question.evidence.length > 0 && (
        <ol className="space-y-2" data-evidence-list>
          {question.evidence.map((id, index) => (
            <EvidenceRow
              key={id}
              index={index}
              text={textOf.get(id)}
              paragraph={numberOf.get(id)}
              id={id}
              onRemove={() => set({ ...question, evidence: question.evidence.filter((e) => e !== id) })}
            />
          ))}
        </ol>
      )}
    </Group>
  );
}

function EvidenceRow({
  index,
  id,
  text,
  paragraph,
  onRemove,
}: {
  index: number;
  id: string;
  text: string | undefined;
  paragraph: number | undefined;
  onRemove: () => void;
}) {
  const error = useFieldError(`evidence.${index}`);
  return (
    <li
      data-evidence={id}
      className={cn(
        'flex items-start gap-3 rounded-lg border-l-4 bg-slate-50 p-3 dark:bg-slate-800/60',
        text ? 'border-sky-400 dark:border-sky-600' : 'border-red-600',
      )}
    >
      <p className="flex-1 font-serif">
        <span
          id={fieldId(`evidence.${index}`)}
          tabIndex={-1}
          className="block font-sans text-xs text-slate-600 dark:text-slate-400"
        >
          {paragraph ? `Paragraph ${paragraph}` : `${id}: no longer in the reading`}
        </span>
        {text}
        <ErrorText id={`${fieldId(`evidence.${index}`)}-error`}>{error}</ErrorText>
      </p>
      <button type="button" className={smallButtonClass} onClick={onRemove}>
        Remove<span className="sr-only"> evidence sentence {index + 1}</span>
      </button>
    </li>
  );
}

function DifficultyField({ question, set }: { question: Question; set: (question: Question) => void }) {
  return (
    <Group path="difficulty" legend="Difficulty">
      <div className="flex flex-wrap gap-3">
        {([1, 2, 3] as const).map((level) => (
          <label
            key={level}
            className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-600 dark:has-[:checked]:bg-indigo-950"
          >
            <input
              type="radio"
              name="difficulty"
              checked={question.difficulty === level}
              onChange={() => set({ ...question, difficulty: level })}
            />
            {DIFFICULTY_NAMES[level]}
          </label>
        ))}
      </div>
    </Group>
  );
}
