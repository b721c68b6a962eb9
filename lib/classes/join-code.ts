import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: codes are read aloud and copied from a projector.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code like "K7QM-3XPD": 40 bits, easy to read out. */
export function newJoinCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export function normaliseJoinCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}
