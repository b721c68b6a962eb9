import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnPath('/readings/burns?section=3')).toBe('/readings/burns?section=3');
  });

  it.each([
    ['https://evil.example/phish'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/sign-in?callbackUrl=/sign-in'],
    ['/api/auth/signout'],
    [undefined],
    [['/home', '/x']],
  ])('sends %s to the fallback', (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/home');
  });
});
