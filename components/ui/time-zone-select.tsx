'use client';

import { useEffect, useState } from 'react';

/** Every time zone this runtime knows, UTC first when the runtime lists it apart. */
function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf('timeZone');
  return names.includes('UTC') ? names : ['UTC', ...names];
}

/**
 * The select of a time-zone field. The page carries only the chosen zone; the browser fills in
 * the other four hundred once the page is live, so a page that merely shows the field (the class
 * page's closed settings) does not send the list twice, as markup and as data, on every load.
 * The browser's own list also decides what it can offer, not the server's.
 */
export function TimeZoneSelect({
  id,
  name,
  value,
  describedBy,
}: {
  id: string;
  name: string;
  value: string;
  describedBy?: string;
}) {
  const [zones, setZones] = useState<string[]>([value]);
  useEffect(() => {
    const all = timeZoneNames();
    setZones(all.includes(value) ? all : [value, ...all]);
  }, [value]);
  return (
    <select
      id={id}
      name={name}
      defaultValue={value}
      aria-describedby={describedBy}
      className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
