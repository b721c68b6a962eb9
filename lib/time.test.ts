import { describe, expect, it } from 'vitest';
import {
  dayKey,
  endOfDay,
  formatDateTime,
  fromDateTimeLocal,
  isTimeZone,
  startOfDay,
  toDateTimeLocal,
} from './time';

describe('dates in a time zone', () => {
  it('reads a typed due date as wall-clock time where the class is', () => {
    expect(fromDateTimeLocal('2026-12-04T23:59', 'America/New_York')?.toISOString()).toBe(
      '2026-12-05T04:59:00.000Z',
    );
    expect(fromDateTimeLocal('2026-12-04T23:59', 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-12-04T18:29:00.000Z',
    );
    expect(fromDateTimeLocal('2026-07-01T09:00', 'Europe/Paris')?.toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(fromDateTimeLocal('not a date', 'UTC')).toBeNull();
    // And shows it back the same way.
    const due = new Date('2026-12-05T04:59:00Z');
    expect(toDateTimeLocal(due, 'America/New_York')).toBe('2026-12-04T23:59');
    expect(formatDateTime(due, 'America/New_York')).toBe('Fri, 4 Dec 2026, 23:59 EST');
    expect(formatDateTime(due, 'UTC')).toBe('Sat, 5 Dec 2026, 04:59 UTC');
  });

  it('counts days where the person is: late evening in California is still today', () => {
    const evening = new Date('2026-12-05T06:30:00Z'); // 22:30 on 4 Dec in Los Angeles
    expect(dayKey(evening, 'America/Los_Angeles')).toBe('2026-12-04');
    expect(dayKey(evening, 'UTC')).toBe('2026-12-05');
    expect(endOfDay(evening, 'America/Los_Angeles').toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(endOfDay(evening, 'Asia/Tokyo').toISOString()).toBe('2026-12-05T15:00:00.000Z');
    expect(startOfDay(evening, 'America/Los_Angeles').toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(startOfDay(evening, 'Asia/Tokyo').toISOString()).toBe('2026-12-04T15:00:00.000Z');
  });

  it('handles the days clocks change', () => {
    // Europe/Berlin springs forward at 02:00 on 29 March 2026: that day has 23 hours.
    const spring = new Date('2026-03-29T00:30:00Z');
    expect(endOfDay(spring, 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay(spring, 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // 02:30 does not exist that day; it is read as after the jump.
    expect(fromDateTimeLocal('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
