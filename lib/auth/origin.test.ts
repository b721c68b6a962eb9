import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/auth/callback/credentials', { method: 'POST', headers });

describe('isSameOrigin', () => {
  it('accepts a form posted from this site', () => {
    expect(isSameOrigin(post({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toBe(true);
  });

  it('refuses a form posted from another site', () => {
    expect(isSameOrigin(post({ host: 'localhost:3000', origin: 'https://evil.example' }))).toBe(false);
  });

  it('refuses an opaque origin', () => {
    expect(isSameOrigin(post({ host: 'localhost:3000', origin: 'null' }))).toBe(false);
  });

  it('falls back to the Referer', () => {
    expect(isSameOrigin(post({ host: 'localhost:3000', referer: 'http://localhost:3000/sign-in' }))).toBe(
      true,
    );
    expect(isSameOrigin(post({ host: 'localhost:3000', referer: 'https://evil.example/x' }))).toBe(false);
  });

  it('uses the forwarded host behind a proxy', () => {
    const request = post({
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'ir.school.edu',
      origin: 'https://ir.school.edu',
    });
    expect(isSameOrigin(request)).toBe(true);
  });
});
