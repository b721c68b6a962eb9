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
