import { describe, expect, it } from 'vitest';
import { greetingName } from './names';

describe('the name a greeting uses', () => {
  it('is the first name, past any title', () => {
    expect(greetingName('Dr. Amara Okafor')).toBe('Amara');
    expect(greetingName('Prof Jean-Luc Picard')).toBe('Jean-Luc');
    expect(greetingName('  Tomás   Ruiz ')).toBe('Tomás');
    expect(greetingName('Ms. Lee')).toBe('Lee');
  });

  it('is nothing when there is no name to use', () => {
    expect(greetingName('')).toBeNull();
    expect(greetingName(null)).toBeNull();
    expect(greetingName('Dr.')).toBeNull();
  });
});
