import { TimeZoneSelect } from './time-zone-select';

/** A labelled list of every time zone, grouped by region as people look for them ("Europe/Paris"). */
export function TimeZoneField({
  label,
  name = 'timeZone',
  value,
  hint,
}: {
  label: string;
  name?: string;
  value: string;
  hint?: string;
}) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {/* Keyed by the stored zone: when the page refreshes with another (the browser's first
          report, TimeZoneReporter), the list shows it; a default value alone would not change. */}
      <TimeZoneSelect
        key={value}
        id={id}
        name={name}
        value={value}
        describedBy={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}
