/**
 * Route handlers get no origin check from Next.js (server actions do): a state-changing request
 * must come from a page of this site. Origin is sent by every current browser on POST; Referer is
 * the fallback; a request with neither (curl, a script) is not a browser's cross-site request.
 */
export function isSameOrigin(request: Request): boolean {
  const source = request.headers.get('origin') ?? request.headers.get('referer');
  if (!source) return true;
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (host && sourceHost === host) return true;
  const configured = process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).host === sourceHost;
    } catch {
      return false;
    }
  }
  return false;
}
