import { NextRequest } from 'next/server';
import { z } from 'zod';
import { handlers } from '@/auth';
import { signInLimits, signInSchema } from '@/lib/auth/accounts';
import { untrustedHostMessage } from '@/lib/auth/host';
import { knownDeviceTokenIn } from '@/lib/auth/known-device';
import { clientIp, secondsUntilAllowed } from '@/lib/auth/throttle';
import { publicRoute } from '@/lib/server/endpoint';
import { refuse, toResponse } from '@/lib/server/result';

/** Auth.js's own endpoints (sign-in callbacks, CSRF token, session, sign-out), behind the checks it does not make. */
const input = z.object({ nextauth: z.array(z.string().max(100)).max(4) });

export const GET = publicRoute({
  name: 'auth.endpointGet',
  input,
  rule: 'public',
  run: async (_input, { request }) => {
    const untrusted = untrustedHostMessage(request.headers);
    if (untrusted) return refuse('invalid', untrusted);
    return handlers.GET(request as NextRequest);
  },
});

/**
 * Same origin and a bounded body come from the definition; here: a trusted host, and the sign-in
 * limits answered with 429 before any password is hashed. (Sign-out revokes the session through
 * Auth.js's signOut event, in auth.ts.)
 */
export const POST = publicRoute({
  name: 'auth.endpointPost',
  input,
  rule: 'public',
  body: 'bytes',
  maxBodyBytes: 16 * 1024,
  run: async ({ nextauth }, { request, body }) => {
    const untrusted = untrustedHostMessage(request.headers);
    if (untrusted) return refuse('invalid', untrusted);
    const action = nextauth.join('/');
    if (action === 'callback/credentials') {
      const form = new URLSearchParams(new TextDecoder().decode(body));
      const parsed = signInSchema.safeParse({
        email: form.get('email') ?? '',
        password: form.get('password') ?? '',
      });
      if (parsed.success) {
        const { keys } = await signInLimits(
          parsed.data.email,
          clientIp(request.headers),
          knownDeviceTokenIn(request.headers),
        );
        const wait = await secondsUntilAllowed(keys);
        if (wait > 0)
          return toResponse(
            refuse('rate-limited', `Too many failed sign-ins. Try again in ${wait} seconds.`, {
              retryAfterSeconds: wait,
            }),
          );
      }
    }
    return handlers.POST(
      new NextRequest(request.url, {
        method: 'POST',
        headers: request.headers,
        body: body as Uint8Array<ArrayBuffer>,
      }),
    );
  },
});
