/** Only same-site relative paths may be returned to after sign-in (no open redirects). */
export function safeReturnPath(candidate: unknown, fallback = '/home'): string {
  if (typeof candidate !== 'string') return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\'))
    return fallback;
  if (/^\/(sign-in|sign-up|api\/)/.test(candidate)) return fallback;
  return candidate.slice(0, 2000);
}
