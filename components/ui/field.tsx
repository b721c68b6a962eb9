import type { ComponentProps } from 'react';
import { cn } from './cn';

type FieldProps = ComponentProps<'input'> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function Field({ label, name, hint, errors, className, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={cn(
          'block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm',
          'focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600 dark:bg-slate-900 dark:text-slate-100',
          errors?.length ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600',
        )}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-300">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
