import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import { renewalDue, SESSION_COOKIE, sessionFromCookies } from '@/lib/auth/session-token';
import { authProxy } from './auth';

/** Pages that need a signed-in user; everything under them too. */
const PRIVATE_PREFIXES = [
  '/home',
  '/account',
  '/classes',
  '/readings',
  '/quizzes',
  '/review',
  '/progress',
  '/practice',
  '/teach',
];
const AUTH_PAGES = ['/sign-in', '/sign-up', '/forgot-password'];

const matches = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

/** Where a sign-in with GitHub or Google may send the browser after our form posts. */
const OAUTH_ORIGINS = ['https://github.com', 'https://accounts.google.com'];

/**
 * A strict Content-Security-Policy: scripts only with this response's nonce (Next.js puts it on
 * its own scripts) and what they load; no plugins, no framing, forms post only here.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes (progress bars, chart heights); no stylesheet comes from elsewhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    `form-action 'self' ${OAUTH_ORIGINS.join(' ')}`,
  ].join('; ');
}

/**
 * Only redirects and headers: signed-out visitors of private pages go to sign-in and come back
 * after; signed-in users skip the sign-in pages; every page gets its Content-Security-Policy.
 * Pages, actions and routes check access themselves (lib/server/policy.ts).
 */
function respond(request: NextRequest, signedIn: boolean): Response {
  const { pathname, search } = request.nextUrl;
  // Only page visits are sent elsewhere; a server action posted to any page answers for itself.
  const visit = request.method === 'GET' || request.method === 'HEAD';
  if (visit && !signedIn && PRIVATE_PREFIXES.some((p) => matches(pathname, p))) {
    const url = new URL('/sign-in', request.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  if (visit && signedIn && AUTH_PAGES.some((p) => matches(pathname, p))) {
    return NextResponse.redirect(new URL('/home', request.nextUrl));
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/** The same, through Auth.js's session read, which renews the session's cookie or clears a dead one. */
const throughAuthJs = authProxy((request) => respond(request, Boolean(request.auth?.user)));

// With a lazily built Auth.js config, wrapping resolves asynchronously; Next needs a plain function.
const guarded = throughAuthJs as unknown as Promise<
  (request: NextRequest, event: NextFetchEvent) => Promise<Response>
>;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (!request.headers.get('cookie')?.includes(SESSION_COOKIE)) return respond(request, false);
  // Auth.js runs only where it has work to do: a token a day old to renew (a new week), or a dead
  // one to clear. Otherwise the session is read as pages read it, and no new cookie is made.
  const session = await sessionFromCookies(request.headers);
  if (session && !renewalDue(session)) return respond(request, true);
  return (await guarded)(request, event);
}

export const config = {
  // Pages only: not the API, Next's assets, or files in public/; not prefetches (they reuse the page's nonce).
  matcher: [
    {
      source:
        '/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|txt|webmanifest)$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
