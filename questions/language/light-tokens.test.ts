import { describe, expect, it } from 'vitest';
import { lightTokenize } from './light-tokens';

describe('lightTokenize', () => {
  it('gives lemmas, parts of speech, names and negation scope', () => {
    const tokens = lightTokenize("The United States won't act alone; Putin's allies are few.");
    const of = (normal: string) => tokens.find((t) => t.normal === normal)!;
    expect(of('act').negated).toBe(true);
    expect(of('allies').lemma).toBe('ally');
    expect(of('allies').negated).toBe(false);
    expect(of('putin').tags.has('ProperNoun')).toBe(true);
    expect(of('putin').tags.has('Possessive')).toBe(true);
    expect(of('allies').clause).toBeGreaterThan(of('act').clause);
  });

  it('reads initials as the word the vector table knows', () => {
    expect(lightTokenize('The U.S. and the U.N. agreed.').map((t) => t.normal)).toContain('us');
  });
});
