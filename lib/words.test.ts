import { describe, expect, it } from 'vitest';
import { skillName } from '@/questions/schema';
import { plural } from './words';

describe('labels people read', () => {
  it('puts a count with its noun in the right number', () => {
    expect(plural(1, 'extra attempt')).toBe('1 extra attempt');
    expect(plural(2, 'extra attempt')).toBe('2 extra attempts');
    expect(plural(0, 'extra minute')).toBe('0 extra minutes');
    expect(plural(1200, 'answer')).toBe('1,200 answers');
  });

  it('names skills by their names, not their ids', () => {
    expect(skillName('cause-and-effect')).toBe('Cause and effect');
    expect(skillName('main-idea')).toBe('Main idea');
    expect(skillName('retired-skill')).toBe('retired-skill');
  });
});
