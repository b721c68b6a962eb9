import { env } from '@/lib/env';

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

function requestHost(headers: Headers): string {
  return headers.get('x-forwarded-host') ?? headers.get('host') ?? '';
}

/**
 * Auth.js's `trustHost`. Without AUTH_URL or AUTH_TRUST_HOST, only loopback host names are
 * trusted, so `npm start` works on this machine while a deployment must say where it lives;
 * with either set, Auth.js decides from them (undefined).
 */
export function trustLoopbackOnly(headers: Headers): boolean | undefined {
  if (env().AUTH_URL || env().AUTH_TRUST_HOST) return undefined;
  return LOOPBACK_HOST.test(requestHost(headers));
}

/** What to tell a visitor who reached the app by a host name it has not been told to trust. */
export function untrustedHostMessage(headers: Headers): string | null {
  if (trustLoopbackOnly(headers) !== false) return null;
  return `This server was reached as "${requestHost(headers)}", which it has not been told to trust, so signing in is off. The administrator must set AUTH_URL (or AUTH_TRUST_HOST=true) and restart.`;
}

/**
 * The origin of the links the app mails (password resets, confirmations, invitations): AUTH_URL,
 * or a loopback host on this machine; never a host name a request merely claims, since anyone can
 * send "Host: evil.example" and a reset link pointing there would hand that host the token.
 */
export function mailOrigin(headers: Headers): string | null {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = requestHost(headers);
  return LOOPBACK_HOST.test(host) ? `http://${host}` : null;
}

/** Why no link can be mailed from a request that mailOrigin has no origin for. */
export const MAIL_NEEDS_AUTH_URL =
  'This server cannot mail links until the administrator sets AUTH_URL to its public address and restarts.';

/**
 * The address people use to reach the app, for links it shows (a class's join link): AUTH_URL when
 * set, else the host this request came in on (the HTTP server keeps X-Forwarded-Host only from a
 * trusted proxy).
 */
export function publicOrigin(headers: Headers): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const proto = headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${requestHost(headers) || 'localhost:3000'}`;
}
