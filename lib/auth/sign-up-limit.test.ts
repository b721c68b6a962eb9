import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '@/db/test-database';
import { recordFailure, secondsUntilAllowed, signUpKeys } from './throttle';

/**
 * The sign-up limit per client address, counted as the sign-up action counts it (lib/server/
 * actions/auth.ts: asked before the account is made, counted once the form is valid): a school
 * behind one address may make 200 accounts in 15 minutes, then waits; other addresses do not.
 */
setUpTestDatabase();

describe('the sign-up limit per client address', () => {
  it('lets one address make 200 accounts in 15 minutes, then makes it wait, and no other address', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const school = signUpKeys('203.0.113.7');
    for (let i = 0; i < 200; i++) {
      expect(await secondsUntilAllowed(school, now), `sign-up ${i + 1}`).toBe(0);
      await recordFailure(school, now);
    }
    const wait = await secondsUntilAllowed(school, now);
    expect(wait).toBeGreaterThan(0);
    expect(await secondsUntilAllowed(signUpKeys('203.0.113.8'), now)).toBe(0);
    // The wait ends; the next sign-up then waits longer (the back-off doubles).
    const after = new Date(now.getTime() + wait * 1000);
    expect(await secondsUntilAllowed(school, after)).toBe(0);
    await recordFailure(school, after);
    expect(await secondsUntilAllowed(school, after)).toBe(wait * 2);
  });
});
