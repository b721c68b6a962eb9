import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
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
  '/teach',
];
const AUTH_PAGES = ['/sign-in', '/sign-up'];

const matches = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * Only redirects: signed-out visitors of private pages go to sign-in and come back after;
 * signed-in users skip the sign-in pages. Pages and actions still check access themselves.
 */
/** Server-action bodies past this are refused here with 413 (Next itself would answer 500). */
const MAX_ACTION_BODY_BYTES = 3 * 1024 * 1024;

const guard = authProxy((request) => {
  const { pathname, search } = request.nextUrl;
  if (
    request.method === 'POST' &&
    Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BODY_BYTES
  ) {
    return Response.json(
      { error: { code: 'payload_too_large', message: 'The form sent too much data.' } },
      { status: 413 },
    );
  }
  const signedIn = Boolean(request.auth?.user);
  if (!signedIn && PRIVATE_PREFIXES.some((p) => matches(pathname, p))) {
    const url = new URL('/sign-in', request.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  if (signedIn && AUTH_PAGES.some((p) => matches(pathname, p))) {
    return NextResponse.redirect(new URL('/home', request.nextUrl));
  }
  return NextResponse.next();
});

// With a lazily built Auth.js config, wrapping resolves asynchronously; Next needs a plain function.
const guarded = guard as unknown as Promise<
  (request: NextRequest, event: NextFetchEvent) => Promise<Response>
>;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  return (await guarded)(request, event);
}

export const config = {
  // Pages only: not the API, Next's assets, or files in public/.
  matcher: ['/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|txt|webmanifest)$).*)'],
};
