import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { setUpBrowser } from './browser';

const browser = setUpBrowser();

describe('bad input gets a 4xx and a clear message, never a 500', () => {
  it('treats a forged session cookie as signed out', async () => {
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: 'authjs.session-token',
        value: 'eyJhbGciOiJIUzI1NiJ9.forged.signature',
        url: browser.baseURL(),
      },
    ]);
    const page = await context.newPage();
    const response = await page.goto('/home');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const session = await context.request.get('/api/auth/session');
    expect(session.status()).toBe(200);
    expect(await session.json()).toBeNull();
    await context.close();
  });

  it('refuses a 10 MB password posted to the sign-in endpoint with 413', async () => {
    const context = await browser.newContext();
    const response = await context.request.post('/api/auth/callback/credentials', {
      form: { email: 'lena@demo.statecraft', password: 'p'.repeat(10 * 1024 * 1024), csrfToken: 'x' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.message).toBe('The request is too large.');
    await context.close();
  });

  it('refuses an oversized form submission (a 10 MB password) with 413, and the form fields cap their length', async () => {
    const context = await browser.newContext();
    const response = await context.request.post('/sign-in', {
      headers: { 'next-action': 'any', 'content-type': 'text/plain;charset=UTF-8' },
      data: JSON.stringify([{ password: 'p'.repeat(10 * 1024 * 1024) }]),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await page.getByLabel('Password').getAttribute('maxlength')).toBe('128');
    await context.close();
  });

  it('refuses a cross-site post to the auth endpoints with 403', async () => {
    const context = await browser.newContext();
    const response = await context.request.post('/api/auth/signout', {
      headers: { origin: 'https://evil.example' },
      form: { csrfToken: 'x' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await context.close();
  });

  it('answers a request for an untrusted host name with 400 and says how to fix it', async () => {
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(path, browser.baseURL());
        const req = httpRequest(url, { headers: { host: 'statecraft.attacker.example' } }, (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const session = await get('/api/auth/session');
    expect(session.status).toBe(400);
    expect(JSON.parse(session.body).error.message).toMatch(/set AUTH_URL \(or AUTH_TRUST_HOST=true\)/);
    const page = await get('/sign-in');
    expect(page.status).toBe(200);
    expect(page.body).toContain('which it has not been told to trust');
  });

  it('ignores malformed or untrusted forwarding headers instead of breaking pages', async () => {
    const response = await fetch(`${browser.baseURL()}/sign-in`, {
      headers: {
        'x-forwarded-host': 'bad host<>',
        'x-forwarded-proto': 'gopher',
        'x-forwarded-for': 'not an address',
      },
    });
    expect(response.status).toBe(200);
    // Not trusted without a proxy: the page is about the host it was reached on.
    expect(await response.text()).not.toContain('which it has not been told to trust');
  });

  it('refuses a server action from another site with 403, not a 500', async () => {
    const response = await fetch(`${browser.baseURL()}/sign-in`, {
      method: 'POST',
      headers: {
        'next-action': '00'.repeat(21),
        origin: 'https://evil.example',
        'content-type': 'text/plain',
      },
      body: '[]',
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('refuses a request body of unknown length (chunked) with 411, and one declared too large with 413', async () => {
    const send = (headers: Record<string, string>, body: string[]) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          new URL('/sign-in', browser.baseURL()),
          { method: 'POST', headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        for (const chunk of body) req.write(chunk);
        req.end();
      });
    expect(await send({ 'next-action': 'x', 'transfer-encoding': 'chunked' }, ['a'.repeat(1000), 'b'])).toBe(
      411,
    );
    expect(await send({ 'next-action': 'x', 'content-length': String(50 * 1024 * 1024) }, [])).toBe(413);
  });

  it('answers an unknown page with 404', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    await context.close();
  });

  it('reports health with the database driver', async () => {
    const context = await browser.newContext();
    const response = await context.request.get('/api/health');
    expect(response.status()).toBe(200);
    expect((await response.json()).status).toBe('ok');
    await context.close();
  });
});
