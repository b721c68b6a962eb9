// @ts-check
/**
 * What a request may claim about itself, decided before any app code runs: the checks of the
 * app's HTTP server (serve.mjs), kept free of Next.js so route handlers and tests use them too.
 */
import { isIP } from 'node:net';

/** No request body is larger (the largest typed form is a new reading: 2 MB of text)... */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
/**
 * ...but for the forms that take a file: a new reading from a PDF or Word file of up to 20 MB
 * (lib/reading/limits.ts), with room for the form's other fields.
 */
export const MAX_UPLOAD_BODY_BYTES = 21 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/teach/readings/new', '/api/readings/import']);
/**
 * A server action's arguments sent as text (not a form with files) elsewhere: React's reply
 * decoder throws (and Next.js answers 500) once the strings and slots in an argument's arrays pass
 * a million, so a text body that could carry that many is refused here with a 413. The largest
 * such argument in use is a 200 kB term list; files (a roster, a reading) come as forms.
 */
export const MAX_ACTION_BODY_BYTES = 900 * 1024;

/**
 * The largest body a request to this address may send.
 * @param {string | undefined} url
 * @param {boolean} [actionText] the request calls a server action with its arguments as text
 */
export function maxBodyBytes(url, actionText = false) {
  const path = (url ?? '/').split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (UPLOAD_PATHS.has(path)) return MAX_UPLOAD_BODY_BYTES;
  return actionText ? MAX_ACTION_BODY_BYTES : MAX_BODY_BYTES;
}
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** @typedef {{ trustedProxies: number, publicOrigin: string | null }} GateSettings */
/** @typedef {Record<string, string | string[] | undefined>} HeaderBag */
/** @typedef {{ status: number, code: string, message: string } | null} GateRefusal */

/**
 * The gate's settings from the checked configuration (server-env.mjs, which serve.mjs reads and
 * lib/env.ts includes): a bad value has already stopped the server there.
 * @param {Pick<import('./server-env.mjs').ServerEnv, 'TRUSTED_PROXY_COUNT' | 'AUTH_URL'>} config
 * @returns {GateSettings}
 */
export function gateSettings(config) {
  return {
    trustedProxies: config.TRUSTED_PROXY_COUNT,
    publicOrigin: config.AUTH_URL ? new URL(config.AUTH_URL).origin : null,
  };
}

/** @param {string | string[] | undefined} value */
const single = (value) => (Array.isArray(value) ? value.join(',') : (value ?? ''));

/** @param {string} value the last comma-separated entry, which the nearest proxy wrote */
const lastEntry = (value) => value.split(',').pop()?.trim() ?? '';

/** @param {string | undefined} address */
function normaliseAddress(address) {
  if (!address) return '';
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * Rewrites the forwarding headers in place, so that nothing downstream can be fooled by a client:
 * X-Forwarded-For becomes exactly [client, …trusted proxies], the client being the address the
 * outermost trusted proxy saw (or the socket's, with no proxy trusted); X-Forwarded-Host and -Proto
 * are kept only from a trusted proxy and only when well formed.
 *
 * @param {HeaderBag} headers
 * @param {string | undefined} socketAddress
 * @param {GateSettings} settings
 */
export function sanitiseForwarding(headers, socketAddress, settings) {
  const chain = single(headers['x-forwarded-for'])
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => isIP(entry) !== 0);
  const socket = normaliseAddress(socketAddress);
  const written = settings.trustedProxies > 0 ? chain.slice(-settings.trustedProxies) : [];
  headers['x-forwarded-for'] = [...written, socket].filter(Boolean).join(', ');
  delete headers['x-real-ip'];
  delete headers.forwarded;

  // Only a proxy the operator counted may say which host was asked for: AUTH_TRUST_HOST alone
  // does not make a client's own X-Forwarded-Host true.
  const fromProxy = settings.trustedProxies > 0;
  const forwardedHost = lastEntry(single(headers['x-forwarded-host']));
  const forwardedProto = lastEntry(single(headers['x-forwarded-proto'])).toLowerCase();
  delete headers['x-forwarded-host'];
  delete headers['x-forwarded-proto'];
  delete headers['x-forwarded-port'];
  if (fromProxy && HOST_PATTERN.test(forwardedHost)) headers['x-forwarded-host'] = forwardedHost;
  if (fromProxy && (forwardedProto === 'http' || forwardedProto === 'https'))
    headers['x-forwarded-proto'] = forwardedProto;
}

/**
 * The host this request was addressed to, as the app will see it.
 * @param {HeaderBag} headers
 */
export function requestHost(headers) {
  return single(headers['x-forwarded-host']) || single(headers.host);
}

/**
 * Same origin: a browser's cross-site request carries another site's Origin (or Referer). A request
 * with neither is not a browser's cross-site request (curl, a script) and is let through.
 * @param {HeaderBag} headers
 * @param {GateSettings} settings
 */
export function isSameOriginRequest(headers, settings) {
  const source = single(headers.origin) || single(headers.referer);
  if (!source) return true;
  let sourceUrl;
  try {
    sourceUrl = new URL(source);
  } catch {
    return false;
  }
  if (sourceUrl.host === requestHost(headers)) return true;
  return settings.publicOrigin !== null && sourceUrl.origin === settings.publicOrigin;
}

/**
 * Whether a path decodes: percent-escapes that are not UTF-8 ("%ED%A0%80", "%FF", a bare "%")
 * would make the router throw while reading the path's parameters.
 * @param {string | undefined} url
 */
function pathDecodes(url) {
  const path = (url ?? '/').split('?')[0] ?? '/';
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the gate refuses before the app sees a request, or null to let it through.
 * @param {{ method?: string, url?: string, headers: HeaderBag }} request
 * @param {GateSettings} settings
 * @returns {GateRefusal}
 */
export function gateRefusal(request, settings) {
  const { headers } = request;
  const method = (request.method ?? 'GET').toUpperCase();
  const host = single(headers.host);
  if (!host || !HOST_PATTERN.test(host))
    return { status: 400, code: 'invalid', message: 'The Host header is malformed.' };
  if (!pathDecodes(request.url))
    return { status: 400, code: 'invalid', message: 'The address is malformed.' };
  if (BODY_METHODS.has(method)) {
    const declared = single(headers['content-length']);
    if (!declared && single(headers['transfer-encoding'])) {
      // Browsers always say how long a form or fetch body is; a stream of unknown length is refused
      // here rather than read until it grows too large.
      return { status: 411, code: 'invalid', message: 'Send the request with a Content-Length.' };
    }
    const actionText =
      Boolean(single(headers['next-action'])) && /^text\/plain\b/i.test(single(headers['content-type']));
    const limit = maxBodyBytes(request.url, actionText);
    if (declared && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
      return { status: 413, code: 'too-large', message: 'The request is too large.' };
    }
    if (!isSameOriginRequest(headers, settings)) {
      return { status: 403, code: 'forbidden', message: 'Requests from other sites are not accepted.' };
    }
  }
  return null;
}
