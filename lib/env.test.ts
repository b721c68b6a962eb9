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

  it('seeds the demo accounts (whose password is published) by default only where no AUTH_URL says the app is public', async () => {
    vi.stubEnv('SEED_DEMO', '');
    vi.stubEnv('AUTH_URL', 'https://ir.school.edu');
    expect((await loadEnv()).SEED_DEMO).toBe(false);
    vi.resetModules();
    vi.stubEnv('SEED_DEMO', 'true');
    expect((await loadEnv()).SEED_DEMO).toBe(true);
    vi.resetModules();
    vi.stubEnv('SEED_DEMO', '');
    vi.stubEnv('AUTH_URL', '');
    vi.stubEnv('AUTH_TRUST_HOST', 'true');
    expect((await loadEnv()).SEED_DEMO).toBe(false);
    vi.resetModules();
    vi.stubEnv('AUTH_TRUST_HOST', '');
    expect((await loadEnv()).SEED_DEMO).toBe(true);
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

  it("holds the HTTP server's variables to the server's own rules", async () => {
    vi.stubEnv('TRUSTED_PROXY_COUNT', '2');
    vi.stubEnv('PORT', '8080');
    vi.stubEnv('AUTH_TRUST_HOST', 'yes');
    expect(await loadEnv()).toMatchObject({ TRUSTED_PROXY_COUNT: 2, PORT: 8080, AUTH_TRUST_HOST: true });
    vi.resetModules();
    vi.stubEnv('TRUSTED_PROXY_COUNT', 'two');
    await expect(loadEnv()).rejects.toThrow(/TRUSTED_PROXY_COUNT must be a whole number from 0 to 10/);
  });

  it('refuses a short AUTH_SECRET', async () => {
    vi.stubEnv('AUTH_SECRET', 'abc');
    await expect(loadEnv()).rejects.toThrow(/AUTH_SECRET must be at least 32 characters/);
  });
});
