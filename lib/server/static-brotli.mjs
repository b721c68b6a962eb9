// @ts-check
/**
 * The build's scripts and styles (`/_next/static/…`, named by their content, so they never change)
 * sent Brotli-compressed to browsers that accept it. Next.js compresses with gzip only; Brotli
 * makes the same scripts about 14 % smaller, which is what a CDN in front of the app would do.
 *
 * Compressing at the highest quality takes a while for the largest chunks (about half a second
 * for React DOM), so it never holds up a request: the first request for a file is answered by
 * Next.js (gzip) and starts its compression in the background (zlib's thread pool); once that is
 * done, every later request gets the Brotli bytes from memory (about 270 kB for the whole build).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
const PREFIX = '/_next/static/';
/** @type {Record<string, string>} */
const TYPES = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
};

/**
 * Whether an Accept-Encoding header allows Brotli: `br` with a quality above 0, or, when `br` is
 * not named, `*` with a quality above 0 (a named coding overrides the wildcard, RFC 9110 §12.5.3).
 * @param {string | undefined} header
 */
export function acceptsBrotli(header) {
  if (!header) return false;
  /** @type {Map<string, number>} */
  const quality = new Map();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    quality.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get('br') ?? quality.get('*') ?? 0) > 0;
}

/**
 * @param {string} staticDir the build's static folder (`.next/static`)
 */
export function staticBrotli(staticDir) {
  const root = path.resolve(staticDir);
  /** @type {Map<string, Buffer>} */
  const ready = new Map();
  /** @type {Map<string, Promise<void>>} */
  const pending = new Map();

  /** @param {string} file */
  const start = (file) => {
    if (pending.has(file)) return;
    const work = readFile(file)
      .then((data) =>
        compress(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      )
      .then(
        (body) => {
          ready.set(file, body);
        },
        // Not a file of the build (a stale or made-up name): Next.js answers it, as before.
        () => {},
      )
      .finally(() => pending.delete(file));
    pending.set(file, work);
  };

  return {
    /**
     * Answers the request with the Brotli bytes when it can and says so; otherwise leaves the
     * request to Next.js (and starts compressing the file, if it is one of the build's).
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const pathname = (req.url ?? '').split('?')[0] ?? '';
      if (!pathname.startsWith(PREFIX)) return false;
      const type = TYPES[path.extname(pathname)];
      if (!type || !acceptsBrotli(req.headers['accept-encoding'])) return false;
      let relative;
      try {
        relative = decodeURIComponent(pathname.slice(PREFIX.length));
      } catch {
        return false;
      }
      const file = path.join(root, relative);
      if (!file.startsWith(root + path.sep) || relative.includes('\0')) return false;
      const body = ready.get(file);
      if (!body) {
        start(file);
        return false;
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Encoding': 'br',
        'Content-Length': body.length,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
    /** Resolves once every compression started so far has ended (for tests). */
    async settled() {
      while (pending.size) await Promise.all(pending.values());
    },
  };
}
