import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const providers = async () => (await import('@/auth')).enabledOAuthProviders().map((p) => p.id);

describe('GitHub and Google sign-in', () => {
  it('are offered only when both their id and secret are set', async () => {
    for (const name of ['AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET', 'AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET'])
      vi.stubEnv(name, '');
    expect(await providers()).toEqual([]);
    vi.resetModules();
    vi.stubEnv('AUTH_GITHUB_ID', 'gh-id');
    expect(await providers()).toEqual([]);
    vi.resetModules();
    vi.stubEnv('AUTH_GITHUB_SECRET', 'gh-secret');
    expect(await providers()).toEqual(['github']);
    vi.resetModules();
    vi.stubEnv('AUTH_GOOGLE_ID', 'g-id');
    vi.stubEnv('AUTH_GOOGLE_SECRET', 'g-secret');
    expect(await providers()).toEqual(['github', 'google']);
  });
});
