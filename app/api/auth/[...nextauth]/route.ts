import { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { apiError } from '@/lib/api-response';
import { signInSchema } from '@/lib/auth/accounts';
import { untrustedHostMessage } from '@/lib/auth/host';
import { isSameOrigin } from '@/lib/auth/origin';
import { clientIp, secondsUntilAllowed, signInKeys } from '@/lib/auth/throttle';
import { env } from '@/lib/env';

export async function GET(request: NextRequest): Promise<Response> {
  const untrusted = untrustedHostMessage(request.headers);
  if (untrusted) return apiError('bad_request', untrusted);
  return handlers.GET(request);
}

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Auth.js's own endpoints, behind the checks it does not make: same origin, a bounded body,
 * a trusted host, and the sign-in limits answered with 429 before any password is hashed.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOrigin(request)) return apiError('forbidden', 'Cross-site requests are not accepted.');
  const untrusted = untrustedHostMessage(request.headers);
  if (untrusted) return apiError('bad_request', untrusted);
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) {
    return apiError('payload_too_large', 'The request is too large.');
  }
  const replay = new Request(request.url, { method: 'POST', headers: request.headers, body });

  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const parsed = signInSchema.safeParse({
      email: form.get('email') ?? '',
      password: form.get('password') ?? '',
    });
    if (parsed.success) {
      const ip = clientIp(request.headers, env().TRUSTED_PROXY_COUNT);
      const wait = await secondsUntilAllowed(signInKeys({ email: parsed.data.email, ip }));
      if (wait > 0) {
        return apiError('rate_limited', `Too many failed sign-ins. Try again in ${wait} seconds.`, {
          headers: { 'Retry-After': String(wait) },
        });
      }
    }
  }
  return handlers.POST(new NextRequest(replay));
}
