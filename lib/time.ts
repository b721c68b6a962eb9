import { TZDate } from '@date-fns/tz';

/**
 * Dates as people read and type them: in their own time zone (an IANA name such as
 * "America/Chicago"), through Intl, in one place. The server stores instants (UTC); only these
 * functions turn them into wall-clock days and times, or back.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** A datetime-local value, "2026-12-04T23:59" (seconds optional): a wall-clock time, no zone. */
export const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, key: string) {
  const id = `${key}|${timeZone}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(id, f);
  }
  return f;
}

/**
 * "Fri, 4 Dec 2026, 23:59 EST": a moment, with the zone's short name so nobody has to guess
 * (American English names the American zones; elsewhere it is an offset, "GMT+1").
 */
export function formatDateTime(date: Date, timeZone: string): string {
  const when = formatter(
    timeZone,
    {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    'datetime',
  ).format(date);
  let zone = zoneNames.get(timeZone);
  if (!zone) {
    zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, zone);
  }
  const name = zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${when} ${name}`;
}
const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "4 Dec 2026": a day. */
export function formatDate(date: Date, timeZone: string): string {
  return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }, 'date').format(date);
}

/** A due date as the class pages say it, or "no due date". */
export function formatDue(date: Date | null, timeZone: string): string {
  return date ? formatDateTime(date, timeZone) : 'no due date';
}

function parts(date: Date, timeZone: string) {
  const list = formatter(
    timeZone,
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    'parts',
  ).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => list.find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** The calendar day ("2026-12-04") a moment falls on in a time zone: what "today" and streaks count. */
export function dayKey(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The first moment of the day `offset` days after the one this moment falls on, in this time zone. */
function dayStart(date: Date, timeZone: string, offset: number): Date {
  const [y, m, d] = dayKey(date, timeZone).split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + offset, 0, 0, timeZone).getTime());
}

/** The first moment of the day this moment falls on, in this time zone: "today" counts from it. */
export function startOfDay(date: Date, timeZone: string): Date {
  return dayStart(date, timeZone, 0);
}

/**
 * The first moment of the next day in this time zone: "due today" means due before it. With
 * `laterDays`, the end of that many days after today ("due this week" is before endOfDay(now, zone, 6)).
 */
export function endOfDay(date: Date, timeZone: string, laterDays = 0): Date {
  return dayStart(date, timeZone, 1 + laterDays);
}

/** The value a datetime-local field shows for a moment in this time zone ("2026-12-04T23:59"). */
export function toDateTimeLocal(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The moment a datetime-local value ("2026-12-04T23:59") names in this time zone. In the hour a
 * clock skips (spring forward), the time is read as after the jump, as calendars do.
 */
export function fromDateTimeLocal(value: string, timeZone: string): Date | null {
  const match = WALL_CLOCK.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const instant = new TZDate(y, mo - 1, d, h, mi, s, timeZone);
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime());
}

/** How a form names the zone typed dates are read in: "America/Chicago time". */
export function zoneLabel(timeZone: string): string {
  return `${timeZone.replaceAll('_', ' ')} time`;
}
