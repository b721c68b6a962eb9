/** Titles and honorifics people put before their name, which a greeting leaves out. */
const TITLES = new Set([
  'dr',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'sir',
  'dame',
  'rev',
  'fr',
  'sr',
  'sra',
  'srta',
  'herr',
  'frau',
  'mme',
  'mlle',
]);

/**
 * The name to greet someone by: their first name, past any title ("Dr. Amara Okafor" is
 * Amara); null when the name is only a title or empty.
 */
export function greetingName(fullName: string | null | undefined): string | null {
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words.find((word) => !TITLES.has(word.toLowerCase().replace(/\.$/, '')));
  return first ?? null;
}
