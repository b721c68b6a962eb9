import { afterEach, describe, expect, it, vi } from 'vitest';
import { trustLoopbackOnly, untrustedHostMessage } from './host';

afterEach(() => vi.unstubAllEnvs());

const withHost = (host: string, forwarded?: string) =>
  new Headers(forwarded ? { host, 'x-forwarded-host': forwarded } : { host });

describe('trusted hosts', () => {
  it('trusts loopback names with no configuration', () => {
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', '');
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost']) {
      expect(trustLoopbackOnly(withHost(host)), host).toBe(true);
    }
  });

  it('refuses other host names until AUTH_URL or AUTH_TRUST_HOST is set, and says how to fix it', () => {
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', '');
    expect(trustLoopbackOnly(withHost('ir.school.edu'))).toBe(false);
    expect(trustLoopbackOnly(withHost('localhost:3000', 'evil.example'))).toBe(false);
    expect(untrustedHostMessage(withHost('ir.school.edu'))).toMatch(/set AUTH_URL/);
    vi.stubEnv('AUTH_URL', 'https://ir.school.edu');
    expect(trustLoopbackOnly(withHost('ir.school.edu'))).toBeUndefined();
    expect(untrustedHostMessage(withHost('ir.school.edu'))).toBeNull();
  });
});
