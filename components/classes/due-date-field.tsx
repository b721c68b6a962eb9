'use client';

import { useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { fromDateTimeLocal } from '@/lib/time';

/**
 * An assignment's due date, typed in the class's time zone, with a warning as soon as the date
 * typed has already passed (saving is still allowed: the server says so again after saving).
 * The clock is read in the browser only, so the server's render and the first one agree.
 */
export function DueDateField({
  id,
  label,
  timeZone,
  defaultValue,
}: {
  id: string;
  label: string;
  timeZone: string;
  defaultValue?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue ?? '');
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    // A form cleared after saving ("Assign") clears the warning with it.
    const form = input.current?.form;
    const cleared = () => setValue(defaultValue ?? '');
    form?.addEventListener('reset', cleared);
    return () => form?.removeEventListener('reset', cleared);
  }, [defaultValue]);
  const due = value ? fromDateTimeLocal(value, timeZone) : null;
  const past = now !== null && due !== null && due.getTime() < now;
  const warningId = `${id}-past`;
  return (
    <div className="space-y-1">
      <Field
        ref={input}
        id={id}
        label={label}
        name="dueAt"
        type="datetime-local"
        defaultValue={defaultValue}
        aria-describedby={past ? warningId : undefined}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setNow(Date.now());
        }}
      />
      <p id={warningId} aria-live="polite" className="text-sm font-medium text-amber-800 dark:text-amber-200">
        {past
          ? 'This date has already passed: students will see the assignment as overdue as soon as it is saved.'
          : null}
      </p>
    </div>
  );
}
