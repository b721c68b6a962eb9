// @ts-check
/**
 * The app's HTTP server: Next.js behind a gate that decides, before any app code runs, what a
 * request may claim about itself. `next start` trusts whatever X-Forwarded-* headers a client
 * sends and reads request bodies of any length; this server does neither.
 *
 *   node lib/server/serve.mjs [--dev] [--port 3000] [--hostname 0.0.0.0]
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { gateRefusal, gateSettings, sanitiseForwarding } from './http-gate.mjs';
import { serverEnv } from './server-env.mjs';
import { staticBrotli } from './static-brotli.mjs';

/** @typedef {import('./http-gate.mjs').GateRefusal} GateRefusal */

/** A refused body is read and dropped up to this much, so the client gets its answer, not a broken pipe. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {NonNullable<GateRefusal>} refusal
 */
function answer(req, res, refusal) {
  let drained = 0;
  req.on('data', (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.on('error', () => {});
  res.writeHead(refusal.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: refusal.code, message: refusal.message } }));
}

/**
 * The server's settings: the environment's (PORT, HOSTNAME, TRUSTED_PROXY_COUNT, AUTH_URL,
 * AUTH_TRUST_HOST), with --port and --hostname in place of the first two, checked by the rules
 * lib/env.ts holds the app to. A bad value throws, naming it, before anything is served.
 * @param {string[]} argv
 */
function parseArgs(argv) {
  /** @type {Record<string, string | undefined>} */
  const overrides = {};
  let dev = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dev') dev = true;
    else if (arg === '--port' || arg === '-p') overrides.PORT = argv[++i] ?? '';
    else if (arg === '--hostname' || arg === '-H') overrides.HOSTNAME = argv[++i] ?? '';
  }
  const config = serverEnv({ ...process.env, ...overrides });
  return { dev, port: config.PORT, hostname: config.HOSTNAME, settings: gateSettings(config) };
}

async function main() {
  const { settings, ...options } = parseArgs(process.argv.slice(2));
  if (!options.dev) process.env.NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({ dev: options.dev, hostname: options.hostname ?? 'localhost', port: options.port });
  const handle = app.getRequestHandler();
  // Runs instrumentation.ts: migrations, seed; a database that cannot be opened ends the process there.
  await app.prepare();
  // The development server rebuilds its chunks as files change: only a build's are compressed.
  const brotli = options.dev ? null : staticBrotli(path.join(process.cwd(), '.next', 'static'));
  const server = createServer((req, res) => {
    const refusal = gateRefusal(req, settings);
    if (refusal) return answer(req, res, refusal);
    if (brotli?.handle(req, res)) return;
    sanitiseForwarding(req.headers, req.socket.remoteAddress, settings);
    handle(req, res).catch((error) => {
      console.error('[server] request failed', error);
      if (!res.headersSent)
        answer(req, res, { status: 500, code: 'error', message: 'Something went wrong on our side.' });
    });
  });
  server.requestTimeout = 120_000;
  server.on('error', (error) => {
    console.error(`[server] cannot listen on port ${options.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, options.hostname, async () => {
    const url = `http://${options.hostname ?? 'localhost'}:${options.port}`;
    // Next runs instrumentation.ts (migrate, seed) with the first request: make it now, so "Ready"
    // means ready, and a database that cannot be opened stops the server before anyone is served.
    try {
      await fetch(`${url}/api/health`);
    } catch {}
    console.log(`[server] Ready on ${url}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error('[server] could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
