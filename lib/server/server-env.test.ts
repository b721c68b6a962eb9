import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEnv } from './server-env.mjs';

const SERVE = path.join(import.meta.dirname, 'serve.mjs');

describe("the HTTP server's configuration", () => {
  it('reads unset and blank values as their defaults', () => {
    expect(serverEnv({})).toEqual({ PORT: 3000, TRUSTED_PROXY_COUNT: 0, AUTH_TRUST_HOST: false });
    expect(
      serverEnv({ PORT: ' ', HOSTNAME: '', TRUSTED_PROXY_COUNT: '', AUTH_URL: '', AUTH_TRUST_HOST: '' }),
    ).toEqual({ PORT: 3000, TRUSTED_PROXY_COUNT: 0, AUTH_TRUST_HOST: false });
    expect(
      serverEnv({
        PORT: '8080',
        HOSTNAME: '0.0.0.0',
        TRUSTED_PROXY_COUNT: ' 2 ',
        AUTH_URL: 'https://ir.example.edu',
        AUTH_TRUST_HOST: 'yes',
      }),
    ).toEqual({
      PORT: 8080,
      HOSTNAME: '0.0.0.0',
      TRUSTED_PROXY_COUNT: 2,
      AUTH_URL: 'https://ir.example.edu',
      AUTH_TRUST_HOST: true,
    });
    expect(serverEnv({ HOSTNAME: '::' }).HOSTNAME).toBe('::');
    expect(serverEnv({ HOSTNAME: 'app-1.internal' }).HOSTNAME).toBe('app-1.internal');
  });

  it('refuses a bad value, naming the variable, instead of quietly using a default', () => {
    const bad: Record<string, string[]> = {
      TRUSTED_PROXY_COUNT: ['two', '-1', '11', '1.5', '0x1'],
      PORT: ['0', '65536', 'http', '80.5'],
      HOSTNAME: ['bad host', 'http://localhost'],
      AUTH_URL: ['ir.example.edu', 'ftp://ir.example.edu'],
      AUTH_TRUST_HOST: ['maybe'],
    };
    for (const [name, values] of Object.entries(bad)) {
      for (const value of values) {
        expect(() => serverEnv({ [name]: value }), `${name}=${value}`).toThrow(
          new RegExp(`^Invalid configuration:\\n  ${name}: `),
        );
      }
    }
    expect(() => serverEnv({ TRUSTED_PROXY_COUNT: 'two' })).toThrow(
      'TRUSTED_PROXY_COUNT must be a whole number from 0 to 10',
    );
  });

  it('stops the server at start with that message, before it loads the app', () => {
    const start = (env: Record<string, string>, args: string[] = []) =>
      spawnSync(process.execPath, [SERVE, ...args], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const proxies = start({ TRUSTED_PROXY_COUNT: 'two' });
    expect(proxies.status).toBe(1);
    expect(proxies.stderr).toContain('[server] could not start: Invalid configuration:');
    expect(proxies.stderr).toContain('TRUSTED_PROXY_COUNT must be a whole number from 0 to 10');
    const port = start({}, ['--port', '99999']);
    expect(port.status).toBe(1);
    expect(port.stderr).toContain('PORT must be a port number from 1 to 65535');
  });
});
