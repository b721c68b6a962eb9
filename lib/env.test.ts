import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const loadEnv = async () => (await import('./env')).env();

describe('env', () => {
  it('needs nothing to start', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('AUTH_SECRET', '');
    const config = await loadEnv();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads SEED_DEMO=false', async () => {
    vi.stubEnv('SEED_DEMO', 'false');
    expect((await loadEnv()).SEED_DEMO).toBe(false);
  });

  it('leaves email verification off unless it is required, and refuses anything else', async () => {
    vi.stubEnv('EMAIL_VERIFICATION', '');
    expect((await loadEnv()).EMAIL_VERIFICATION).toBe('off');
    vi.resetModules();
    vi.stubEnv('EMAIL_VERIFICATION', 'required');
    expect((await loadEnv()).EMAIL_VERIFICATION).toBe('required');
    vi.resetModules();
    vi.stubEnv('EMAIL_VERIFICATION', 'yes');
    await expect(loadEnv()).rejects.toThrow(/EMAIL_VERIFICATION must be off or required/);
  });

  it('names the variable that is wrong', async () => {
    vi.stubEnv('DATABASE_URL', 'mysql://root@localhost/db');
    await expect(loadEnv()).rejects.toThrow(/DATABASE_URL must start with postgres:\/\//);
  });

  it('refuses a short AUTH_SECRET', async () => {
    vi.stubEnv('AUTH_SECRET', 'abc');
    await expect(loadEnv()).rejects.toThrow(/AUTH_SECRET must be at least 32 characters/);
  });
});
