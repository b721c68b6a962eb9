import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/**
 * The tokens of links the app mails (password reset, email verification): 32 random bytes in the
 * link, and only their SHA-256 in the database, so a copy of the database opens no link.
 */
export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newMailToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashMailToken(token) };
}
