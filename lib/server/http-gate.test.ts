import { describe, expect, it } from 'vitest';
import {
  gateRefusal,
  gateSettings,
  isSameOriginRequest,
  requestHost,
  sanitiseForwarding,
} from './http-gate.mjs';
import { serverEnv } from './server-env.mjs';

const direct = gateSettings(serverEnv({}));
const behindOneProxy = gateSettings(serverEnv({ TRUSTED_PROXY_COUNT: '1' }));

describe('forwarding headers', () => {
  it('trusts no X-Forwarded-For without a proxy: the client is the socket, whatever it claims', () => {
    for (const claimed of ['203.0.113.9', '203.0.113.9, 198.51.100.2', 'not an address', '']) {
      const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': claimed };
      sanitiseForwarding(headers, '::ffff:127.0.0.1', direct);
      expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    }
  });

  it('behind one trusted proxy, takes the address that proxy saw and drops what the client added before it', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '1.2.3.4, 5.6.7.8, 203.0.113.9',
    };
    sanitiseForwarding(headers, '10.0.0.2', behindOneProxy);
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 10.0.0.2');
  });

  it('keeps X-Forwarded-Host and -Proto only from a trusted proxy, and only when well formed', () => {
    const spoofed: Record<string, string | string[] | undefined> = {
      host: 'localhost:3000',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    };
    sanitiseForwarding(spoofed, '127.0.0.1', direct);
    expect(spoofed['x-forwarded-host']).toBeUndefined();
    expect(spoofed['x-forwarded-proto']).toBeUndefined();
    expect(requestHost(spoofed)).toBe('localhost:3000');

    const proxied: Record<string, string | string[] | undefined> = {
      host: 'app:3000',
      'x-forwarded-host': 'ir.school.edu',
      'x-forwarded-proto': 'https',
    };
    sanitiseForwarding(proxied, '10.0.0.2', behindOneProxy);
    expect(proxied['x-forwarded-host']).toBe('ir.school.edu');
    expect(proxied['x-forwarded-proto']).toBe('https');

    const malformed: Record<string, string | string[] | undefined> = {
      host: 'app:3000',
      'x-forwarded-host': 'bad host<>',
      'x-forwarded-proto': 'gopher',
    };
    sanitiseForwarding(malformed, '10.0.0.2', behindOneProxy);
    expect(malformed['x-forwarded-host']).toBeUndefined();
    expect(malformed['x-forwarded-proto']).toBeUndefined();
  });

  it('keeps no X-Forwarded-Host for AUTH_TRUST_HOST alone: only a proxy the operator counted may set it', () => {
    const trusting = gateSettings(serverEnv({ AUTH_TRUST_HOST: 'true' }));
    const spoofed: Record<string, string | string[] | undefined> = {
      host: 'ir.school.edu',
      'x-forwarded-host': 'evil.example',
    };
    sanitiseForwarding(spoofed, '203.0.113.9', trusting);
    expect(requestHost(spoofed)).toBe('ir.school.edu');
  });
});

describe('what the gate refuses before the app', () => {
  const post = (headers: Record<string, string>) => ({
    method: 'POST',
    headers: { host: 'localhost:3000', ...headers },
  });

  it('refuses bodies of unknown length with 411 and bodies declared too large with 413', () => {
    expect(gateRefusal(post({ 'transfer-encoding': 'chunked' }), direct)?.status).toBe(411);
    expect(gateRefusal(post({ 'content-length': String(4 * 1024 * 1024) }), direct)?.status).toBe(413);
    expect(gateRefusal(post({ 'content-length': '-1' }), direct)?.status).toBe(413);
    expect(gateRefusal(post({ 'content-length': '1000' }), direct)).toBeNull();
  });

  it('lets the new-reading form send a file of up to 20 MB, and no other address more than 3 MB', () => {
    const upload = (url: string, bytes: number) =>
      gateRefusal({ ...post({ 'content-length': String(bytes) }), url }, direct)?.status ?? null;
    expect(upload('/teach/readings/new', 20.5 * 1024 * 1024)).toBeNull();
    expect(upload('/teach/readings/new?x=1', 20.5 * 1024 * 1024)).toBeNull();
    expect(upload('/teach/readings/new', 22 * 1024 * 1024)).toBe(413);
    expect(upload('/teach/readings/new/../x', 4 * 1024 * 1024)).toBe(413);
    expect(upload('/teach/readings', 4 * 1024 * 1024)).toBe(413);
  });

  it("refuses a server action's text arguments over 900 kB, which React could not decode", () => {
    const action = (url: string, bytes: number, type = 'text/plain;charset=UTF-8') =>
      gateRefusal(
        { ...post({ 'content-length': String(bytes), 'next-action': 'abc123', 'content-type': type }), url },
        direct,
      )?.status ?? null;
    expect(action('/readings/burns-lead-with-diplomacy', 300 * 1024)).toBeNull();
    expect(action('/readings/burns-lead-with-diplomacy', 1024 * 1024)).toBe(413);
    // A form with a file (a roster of 1.1 MB, to be refused by the app with its own message).
    expect(action('/classes/x', 1_150_000, 'multipart/form-data; boundary=x')).toBeNull();
    expect(action('/teach/readings/new', 20 * 1024 * 1024)).toBeNull();
  });

  it('refuses a state-changing request from another site with 403, and lets same-site and scripted ones through', () => {
    expect(gateRefusal(post({ 'content-length': '2', origin: 'https://evil.example' }), direct)?.status).toBe(
      403,
    );
    expect(gateRefusal(post({ 'content-length': '2', origin: 'null' }), direct)?.status).toBe(403);
    expect(gateRefusal(post({ 'content-length': '2', origin: 'http://localhost:3000' }), direct)).toBeNull();
    expect(gateRefusal(post({ 'content-length': '2' }), direct)).toBeNull();
    expect(
      gateRefusal(
        { method: 'GET', headers: { host: 'localhost:3000', origin: 'https://evil.example' } },
        direct,
      ),
    ).toBeNull();
  });

  it('refuses a path whose percent-escapes are not UTF-8 with 400', () => {
    const get = (url: string) => ({ method: 'GET', url, headers: { host: 'localhost:3000' } });
    expect(gateRefusal(get('/api/classes/%ED%A0%80/gradebook'), direct)?.status).toBe(400);
    expect(gateRefusal(get('/readings/%FF'), direct)?.status).toBe(400);
    expect(gateRefusal(get('/api/attempts/%/submit'), direct)?.status).toBe(400);
    expect(gateRefusal(get('/readings/caf%C3%A9?q=%FF'), direct)).toBeNull();
  });

  it('accepts the public origin from AUTH_URL, and refuses a malformed Host', () => {
    const configured = gateSettings(serverEnv({ AUTH_URL: 'https://ir.school.edu' }));
    expect(isSameOriginRequest({ host: 'app:3000', origin: 'https://ir.school.edu' }, configured)).toBe(true);
    expect(gateRefusal({ method: 'GET', headers: { host: 'bad host' } }, direct)?.status).toBe(400);
  });
});
