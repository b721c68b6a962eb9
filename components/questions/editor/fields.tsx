'use client';

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * The question editor's field primitives: native inputs with a visible label, a hint and the
 * field's problem announced with it (aria-describedby), each with the id its path gives, so the
 * error summary can send focus to it.
 */

/** The problems of the last check, by the field's path in the question format ("options.2.text"). */
export const EditorErrors = createContext<ReadonlyMap<string, string>>(new Map());

/** The DOM id of a field, from its path. */
export const fieldId = (path: string) => `qe-${path.replace(/\./g, '-')}`;

export function useFieldError(path: string): string | undefined {
  return useContext(EditorErrors).get(path);
}

const fieldClass =
  'rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600 dark:bg-slate-950 dark:text-slate-100';
export const inputClass = `block w-full ${fieldClass}`;
const borderClass = (error?: string) =>
  error ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600';
export const labelClass = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
export const hintClass = 'text-sm text-slate-600 dark:text-slate-400';
export const smallButtonClass =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

export function ErrorText({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-700 dark:text-red-300">
      {children}
    </p>
  );
}

/** The ids a field's aria-describedby lists: its hint and its problem, when it has them. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

type TextProps = {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  /** The label is read by screen readers only (a row whose meaning its list's legend gives). */
  hideLabel?: boolean;
  /**
   * One paragraph that may be long (an option, a match, a key point): it wraps and grows with its
   * text instead of scrolling out of sight, and Enter submits as in a one-line input.
   */
  wrap?: boolean;
  list?: string;
  className?: string;
  placeholder?: string;
  inputRef?: React.Ref<HTMLInputElement & HTMLTextAreaElement>;
};

/** A labelled text input, or a textarea when `rows` is given. */
export function TextField({
  path,
  label,
  value,
  onChange,
  hint,
  rows,
  maxLength = 2000,
  required,
  hideLabel,
  wrap,
  list,
  className,
  placeholder,
  inputRef,
}: TextProps) {
  const id = fieldId(path);
  const error = useFieldError(path);
  const common = {
    id,
    value,
    maxLength,
    required,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), error),
    className: cn(inputClass, borderClass(error)),
  } as const;
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className={cn(labelClass, hideLabel && 'sr-only')}>
        {label}
      </label>
      {wrap ? (
        <textarea
          {...common}
          ref={inputRef}
          rows={1}
          className={cn(common.className, 'field-sizing-content resize-none')}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }}
          // A pasted line break becomes a space: the field holds one paragraph.
          onChange={(e) => onChange(e.target.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '))}
        />
      ) : rows ? (
        <textarea {...common} ref={inputRef} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} ref={inputRef} list={list} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

/**
 * A number typed as text: what is typed stays as typed ("1." on the way to "1.5"), and the
 * number reaches the question when it is one (undefined when the field is empty).
 */
export function NumberField({
  path,
  label,
  value,
  onChange,
  hint,
  min,
  max,
  step = 'any',
  className,
}: {
  path: string;
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  hint?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  className?: string;
}) {
  const id = fieldId(path);
  const error = useFieldError(path);
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  // A change from outside (another control, a reset) shows; a number the text already means does not.
  useEffect(() => {
    setText((current) => {
      const typed = current.trim() === '' ? undefined : Number(current);
      return typed === value || (value !== undefined && Number.isNaN(value)) ? current : String(value ?? '');
    });
  }, [value]);
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? undefined : Number(e.target.value));
        }}
        className={cn(fieldClass, borderClass(error), 'block w-28')}
      />
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

/** A labelled select of fixed choices. */
export function SelectField<T extends string>({
  path,
  label,
  value,
  options,
  onChange,
  hint,
}: {
  path: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: string;
}) {
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        onChange={(e) => onChange(e.target.value as T)}
        className={cn(inputClass, borderClass(error))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

/** A group of fields under a legend, with the group's own problem (a list too short, a missing key). */
export function Group({
  path,
  legend,
  hint,
  children,
  className,
  anchor = true,
}: {
  path: string;
  legend: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  /** False when a control inside carries the group's id (a picker's button). */
  anchor?: boolean;
}) {
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <fieldset
      id={`${id}-group`}
      aria-describedby={describedBy(id, Boolean(hint), error)}
      className={cn('min-w-0 space-y-3', className)}
    >
      <legend className="mb-1 text-base font-semibold text-slate-900 dark:text-slate-100">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
      {/* A target for the error summary when the problem is the group's, not one field's. */}
      {anchor && (
        <span id={id} tabIndex={-1} className="sr-only">
          {legend}
        </span>
      )}
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
      {children}
    </fieldset>
  );
}

/** The focus target and problem of a check that belongs to no single input ("answer": the key). */
export function Anchor({ path, label }: { path: string; label: string }) {
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <>
      <span id={id} tabIndex={-1} className="sr-only">
        {label}
      </span>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </>
  );
}

/**
 * Focus to move once the next render is on screen: the first of the ids given that names an
 * enabled element (a moved row's button, the row after a removed one, the add button).
 */
export function useFocusLater(): (...ids: string[]) => void {
  const pending = useRef<string[] | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    for (const id of pending.current) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) {
        element.focus();
        break;
      }
    }
    pending.current = null;
  });
  return (...ids: string[]) => {
    pending.current = ids;
  };
}

/**
 * Up, down and remove buttons for one row of a list, named for the row; `idBase` (the row's
 * own, not its position) gives them ids, so focus can follow a row that moves.
 */
export function RowButtons({
  idBase,
  name,
  index,
  count,
  onMove,
  onRemove,
  removeDisabled,
  showName,
}: {
  idBase: string;
  name: string;
  /** The remove button says what it removes on screen too (when it stands apart from its row's field). */
  showName?: boolean;
  index: number;
  count: number;
  onMove?: (to: number) => void;
  onRemove?: () => void;
  removeDisabled?: boolean;
}) {
  return (
    <span className="flex shrink-0 gap-1">
      {onMove && (
        <>
          <button
            id={`${idBase}-up`}
            type="button"
            className={smallButtonClass}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <span aria-hidden="true">↑</span>
            <span className="sr-only">Move {name} up</span>
          </button>
          <button
            id={`${idBase}-down`}
            type="button"
            className={smallButtonClass}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <span aria-hidden="true">↓</span>
            <span className="sr-only">Move {name} down</span>
          </button>
        </>
      )}
      {onRemove && (
        <button
          id={`${idBase}-remove`}
          type="button"
          className={smallButtonClass}
          disabled={removeDisabled}
          onClick={onRemove}
        >
          Remove<span className={showName ? undefined : 'sr-only'}> {name}</span>
        </button>
      )}
    </span>
  );
}
