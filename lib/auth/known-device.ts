import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from './secret';

/**
 * A browser that has signed in to an account carries a signed token for that account (OWASP's
 * "device cookie"). Sign-in limits are kept per known device instead of per account, address and
 * site: anyone can fail sign-ins for someone else's email, or exhaust the site-wide budget from
 * many addresses, and without this that locked the owner (or everyone) out; a known device is
 * slowed only by its own failures. Browsers that never signed in to the account meet the usual
 * limits.
 */
export const KNOWN_DEVICE_COOKIE = 'statecraft-device';
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/**
 * What a token is signed over: the account's address and its password as stored (its hash), so
 * that a new password (a reset, a change) retires every token issued before it, including any
 * that someone who once knew the old password collected.
 */
export type DeviceAccount = { email: string; passwordHash: string | null };

async function signature(account: DeviceAccount, nonce: string): Promise<Buffer> {
  return createHmac('sha256', await getAuthSecret())
    .update(`known-device\n${account.email}\n${account.passwordHash ?? ''}\n${nonce}`)
    .digest();
}

/** A new token for a browser that has just signed in to this account. */
export async function knownDeviceToken(account: DeviceAccount): Promise<string> {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${(await signature(account, nonce)).toString('base64url')}`;
}

/** The device's id when the token was issued to this account's browser (and password), else null. */
export async function knownDeviceId(
  token: string | null | undefined,
  account: DeviceAccount | null,
): Promise<string | null> {
  const [nonce, mac, ...rest] = (token ?? '').split('.');
  if (!account || !nonce || !mac || rest.length > 0 || nonce.length > 64 || mac.length > 64) return null;
  const expected = await signature(account, nonce);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** The token a request carries, from its Cookie header. */
export function knownDeviceTokenIn(headers: Headers): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === KNOWN_DEVICE_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** The cookie's attributes: sent only to this site, never readable by scripts. */
export const knownDeviceCookie = (secure: boolean) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
});
