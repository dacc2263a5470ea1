import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { handlers } from '@/lib/auth/auth';
import { callbackUrlFor } from '@/lib/auth/links';
import { crossOriginReason } from '@/lib/auth/origin';
import { getEnv } from '@/lib/env';
import { securityEvent } from '@/lib/security/log';

const form = z.object({
  token: z.string().min(1).max(200),
  email: z.string().min(3).max(254),
  callbackUrl: z.string().max(1000).default(''),
});

/**
 * The confirmation button posts here; only now is the token handed to Auth.js's callback, which
 * checks it (single use, hashed, expiring), creates the database session and sets the cookie.
 */
export async function POST(req: NextRequest) {
  const env = getEnv();
  // Login CSRF: a page elsewhere that auto-posts the attacker's own link would sign the visitor in
  // as the attacker (and their registration would land in the attacker's account). Only our own
  // confirmation page may post here.
  const crossSite = crossOriginReason(req.headers, env.AUTH_URL);
  if (crossSite) {
    securityEvent('sign-in.cross-site-refused', { reason: crossSite, origin: req.headers.get('origin') });
    return NextResponse.redirect(new URL('/sign-in/error?error=CrossSite', env.AUTH_URL), 303);
  }
  const parsed = form.safeParse(Object.fromEntries(await req.formData()));
  if (!parsed.success) return NextResponse.redirect(new URL('/sign-in/error?error=Verification', env.AUTH_URL), 303);
  const { token, email, callbackUrl } = parsed.data;
  const inner = new NextRequest(callbackUrlFor({ token, email, callbackUrl: callbackUrl || `${env.AUTH_URL}/portal` }, env.AUTH_URL), {
    method: 'GET',
    headers: req.headers,
  });
  const res = await handlers.GET(inner);
  // A refused link lands on our error page; carry the address so a new link is one press away.
  const location = res.headers.get('location');
  if (location?.includes('/sign-in/error')) {
    const url = new URL(location, env.AUTH_URL);
    url.searchParams.set('email', email);
    return NextResponse.redirect(url, 303);
  }
  // 303 so the browser follows the POST with a GET.
  return new NextResponse(null, { status: 303, headers: res.headers });
}
