import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsBrotli, staticBrotli } from './static-brotli.mjs';

describe('acceptsBrotli', () => {
  it('reads the Accept-Encoding header as a browser writes it', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsBrotli('br;q=0.5, gzip')).toBe(true);
    expect(acceptsBrotli('*')).toBe(true);
    expect(acceptsBrotli('gzip, deflate')).toBe(false);
    expect(acceptsBrotli('gzip, br;q=0')).toBe(false);
    expect(acceptsBrotli('brotli')).toBe(false);
    // A coding named outright overrides the wildcard, whichever comes first.
    expect(acceptsBrotli('*;q=0, br')).toBe(true);
    expect(acceptsBrotli('br;q=0, *')).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});

describe('staticBrotli', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-brotli-'));
  const staticDir = path.join(dir, 'static');
  const script = `console.log(${JSON.stringify('a chunk of the build '.repeat(200))});`;
  mkdirSync(path.join(staticDir, 'chunks'), { recursive: true });
  writeFileSync(path.join(staticDir, 'chunks', 'app.js'), script);
  writeFileSync(path.join(staticDir, 'chunks', 'logo.png'), 'not compressed here');
  writeFileSync(path.join(dir, 'secret.js'), 'outside the static folder');
  const brotli = staticBrotli(staticDir);
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    // What the app server does: Brotli when it can, else the next handler (here a marker).
    server = createServer((req, res) => {
      if (brotli.handle(req, res)) return;
      res.writeHead(200, { 'x-answered-by': 'next' });
      res.end('from next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding = 'gzip, deflate, br', method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request({
        port,
        host: '127.0.0.1',
        path: url,
        method,
        headers: { 'accept-encoding': acceptEncoding },
      });
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('leaves the first request to Next.js, then sends the Brotli bytes of the file', async () => {
    const first = await get('/_next/static/chunks/app.js');
    expect(first.headers['x-answered-by']).toBe('next');
    await brotli.settled();
    const second = await get('/_next/static/chunks/app.js?dpl=1');
    expect(second.status).toBe(200);
    expect(second.headers['content-encoding']).toBe('br');
    expect(second.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(second.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(second.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(second.body).toString()).toBe(script);
    expect(second.body.length).toBeLessThan(script.length / 10);

    const head = await get('/_next/static/chunks/app.js', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(second.body.length);
    expect(head.body.length).toBe(0);
  });

  it('leaves to Next.js what it should not answer: no Brotli accepted, other types, other methods, names outside the folder, missing files', async () => {
    await get('/_next/static/chunks/app.js');
    await brotli.settled();
    const cases: [string, string?, string?][] = [
      ['/_next/static/chunks/app.js', 'gzip, deflate'],
      ['/_next/static/chunks/app.js', 'gzip, br;q=0'],
      ['/_next/static/chunks/app.js', 'br', 'POST'],
      ['/_next/static/chunks/logo.png'],
      ['/_next/static/..%2fsecret.js'],
      ['/_next/static/chunks/%E0%A4%A.js'],
      ['/_next/static/chunks/missing.js'],
      ['/app.js'],
    ];
    for (const [url, encoding, method] of cases) {
      await get(url, encoding, method);
      await brotli.settled();
      const again = await get(url, encoding, method);
      expect(again.headers['x-answered-by'], `${method ?? 'GET'} ${url} (${encoding ?? 'br'})`).toBe('next');
    }
  });
});
