import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  isCommonPassword,
  newPasswordSchema,
  PASSWORD_MAX_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

describe('password hashing', () => {
  it('uses argon2id with OWASP parameters (19 MiB, t=2, p=1)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait please');
    expect(await verifyPassword(hash, 'cafe\u0301 au lait please')).toBe(true);
  });

  it('answers false, not an exception, for a corrupt stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
    expect(await verifyAgainstDummy('anything at all')).toBe(false);
  });
});

describe('new password policy', () => {
  const problem = (p: string) => newPasswordSchema.safeParse(p).error?.issues[0]?.message;

  it('refuses fewer than 8 characters', () => {
    expect(problem('short1!')).toMatch(/at least 8/);
  });

  it('accepts 64-character passphrases and refuses more than the maximum', () => {
    expect(problem('a calm river runs under the old stone bridge near the harbour, slowly.')).toBeUndefined();
    expect(problem('x'.repeat(64) + 'y'.repeat(PASSWORD_MAX_LENGTH - 64))).toBeUndefined();
    expect(problem('z'.repeat(PASSWORD_MAX_LENGTH + 1))).toMatch(/at most/);
  });

  it('has no composition rules: lower-case words alone are fine', () => {
    expect(problem('lanterns over quiet water')).toBeUndefined();
  });

  it('refuses the commonest passwords, whatever their case', () => {
    for (const p of ['password', 'Password1', '12345678', 'iloveyou', 'QWERTYUIOP']) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(problem(p), p).toMatch(/commonly used/);
    }
  });
});
