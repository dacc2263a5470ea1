import { NextResponse, type NextRequest } from 'next/server';
import { extendSession, extensionDue, handOver, readSession, SESSION_COOKIES } from '@/lib/auth/gate';
import { crossOriginReason } from '@/lib/auth/origin';
import { portalHome } from '@/lib/auth/portal';
import { getEnv } from '@/lib/env';
import { contentSecurityPolicy, HSTS, newNonce } from '@/lib/security/headers';
import { securityEvent } from '@/lib/security/log';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A quick first gate in front of the app. It is never the only check: every page, data function
 * and server action checks the session and role again. It
 *  - refuses state-changing requests that a browser did not make from our own pages (CSRF),
 *  - gives every page a fresh CSP nonce (and HSTS on https),
 *  - sends people without a session to sign-in, and others away from portals that are not theirs.
 */
export async function proxy(req: NextRequest) {
  const env = getEnv();
  const { pathname, search } = req.nextUrl;

  if (!SAFE_METHODS.has(req.method) && !exempt(pathname)) {
    const reason = crossOriginReason(req.headers, env.AUTH_URL);
    if (reason) {
      securityEvent('request.cross-origin-refused', { method: req.method, path: pathname, reason, origin: req.headers.get('origin') });
      return new NextResponse('This request did not come from this site, so it was refused.', {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
  }
  if (pathname.startsWith('/api/')) return NextResponse.next();

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https: env.AUTH_URL.startsWith('https:') });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-pathname', `${pathname}${search}`);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const secure = (res: NextResponse) => {
    res.headers.set('Content-Security-Policy', csp);
    if (env.AUTH_URL.startsWith('https:')) res.headers.set('Strict-Transport-Security', HSTS);
    return res;
  };
  const next = () => secure(NextResponse.next({ request: { headers: requestHeaders } }));

  const portal = (['mentee', 'mentor', 'admin'] as const).find((p) => pathname === `/${p}` || pathname.startsWith(`/${p}/`));
  const guarded = portal || pathname === '/register' || pathname.startsWith('/register/');
  if (!guarded) return next();

  const cookie = SESSION_COOKIES.map((name) => ({ name, token: req.cookies.get(name)?.value })).find((c) => c.token);
  const token = cookie?.token;
  const read = token ? await readSession(token).catch(() => undefined) : null;
  if (read === undefined) return next(); // database trouble: let the page render its error
  const person = read?.user ?? null;
  // The page takes what was read here (lib/auth/gate.ts) instead of reading the session again.
  if (token) handOver(nonce, token, person);
  if (!person) {
    // Exports are files, not pages: answer 404 like any unknown address instead of a sign-in page.
    if (pathname.startsWith('/admin/exports/')) return NextResponse.rewrite(new URL('/404', req.url), { status: 404 });
    const url = new URL('/sign-in', req.url);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return secure(NextResponse.redirect(url));
  }
  if (portal === 'admin' && person.role !== 'admin') {
    securityEvent('authorisation.refused', { path: pathname, role: person.role, where: 'proxy' });
    // No hint that the admin area exists.
    return secure(NextResponse.rewrite(new URL('/404', req.url), { status: 404, request: { headers: requestHeaders } }));
  }
  if (portal && portal !== 'admin' && person.role !== portal) {
    return secure(NextResponse.redirect(new URL(portalHome(person), req.url)));
  }
  if (!read || !cookie?.token || !extensionDue(read.expires)) return next();
  // Once a day, the session is extended by its full life (as Auth.js would), and so is the cookie.
  const res = next();
  const expires = await extendSession(cookie.token).catch(() => null);
  if (expires) res.cookies.set(cookie.name, cookie.token, { expires, httpOnly: true, sameSite: 'lax', path: '/', secure: cookie.name.startsWith('__Secure-') });
  return res;
}

/**
 * Not browser-made, or checked where they land: the confirmation route answers a cross-site post
 * with an explanatory page of its own; the cron endpoint authenticates with a bearer secret, which
 * a page on another site cannot attach; the test clock exists only on test servers.
 */
function exempt(pathname: string): boolean {
  // The cron endpoint reads no cookie, so a cross-site post gains nothing; it answers 401 itself.
  return pathname === '/api/auth/confirm' || pathname.startsWith('/api/test/') || pathname.startsWith('/api/jobs/');
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
