import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The module fresh, so it reads the environment as stubbed (configuration is parsed once). */
const load = () => import('./host');

const withHost = (host: string, forwarded?: string) =>
  new Headers(forwarded ? { host, 'x-forwarded-host': forwarded } : { host });

describe('trusted hosts', () => {
  it('trusts loopback names with no configuration', async () => {
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', '');
    const { trustLoopbackOnly } = await load();
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost']) {
      expect(trustLoopbackOnly(withHost(host)), host).toBe(true);
    }
  });

  it('refuses other host names until AUTH_URL or AUTH_TRUST_HOST is set, and says how to fix it', async () => {
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', '');
    const unset = await load();
    expect(unset.trustLoopbackOnly(withHost('ir.school.edu'))).toBe(false);
    expect(unset.trustLoopbackOnly(withHost('localhost:3000', 'evil.example'))).toBe(false);
    expect(unset.untrustedHostMessage(withHost('ir.school.edu'))).toMatch(/set AUTH_URL/);
    vi.resetModules();
    vi.stubEnv('AUTH_URL', 'https://ir.school.edu');
    const set = await load();
    expect(set.trustLoopbackOnly(withHost('ir.school.edu'))).toBeUndefined();
    expect(set.untrustedHostMessage(withHost('ir.school.edu'))).toBeNull();
  });

  it('builds links from AUTH_URL when set, else from the host the request came in on', async () => {
    vi.stubEnv('AUTH_URL', 'https://ir.school.edu/');
    expect((await load()).publicOrigin(withHost('localhost:3000', 'evil.example'))).toBe(
      'https://ir.school.edu',
    );
    vi.resetModules();
    vi.stubEnv('AUTH_URL', '');
    expect((await load()).publicOrigin(withHost('localhost:3000'))).toBe('http://localhost:3000');
  });

  it('mails links to AUTH_URL or a loopback host only, never to a host a request claims, even with AUTH_TRUST_HOST', async () => {
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', 'true');
    const trusting = await load();
    // A reset link built from "Host: evil.example" would hand that host the token.
    expect(trusting.mailOrigin(withHost('evil.example'))).toBeNull();
    expect(trusting.mailOrigin(withHost('localhost:3000', 'evil.example'))).toBeNull();
    expect(trusting.mailOrigin(withHost('localhost:3000'))).toBe('http://localhost:3000');
    vi.resetModules();
    vi.stubEnv('AUTH_URL', 'https://ir.school.edu');
    expect((await load()).mailOrigin(withHost('evil.example'))).toBe('https://ir.school.edu');
  });
});
