import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES, sessionPerson } from '@/lib/auth/gate';
import { portalHome } from '@/lib/auth/portal';

/**
 * A quick first gate in front of the portals. It is never the only check: every page, data
 * function and server action checks the session and role again.
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-pathname', `${pathname}${search}`);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });

  const portal = (['mentee', 'mentor', 'admin'] as const).find((p) => pathname === `/${p}` || pathname.startsWith(`/${p}/`));
  const guarded = portal || pathname === '/register' || pathname.startsWith('/register/');
  if (!guarded) return next();

  const token = SESSION_COOKIES.map((c) => req.cookies.get(c)?.value).find(Boolean);
  const person = token ? await sessionPerson(token).catch(() => undefined) : null;
  if (person === undefined) return next(); // database trouble: let the page render its error
  if (!person) {
    // Exports are files, not pages: answer 404 like any unknown address instead of a sign-in page.
    if (pathname.startsWith('/admin/exports/')) return NextResponse.rewrite(new URL('/404', req.url), { status: 404 });
    const url = new URL('/sign-in', req.url);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  if (portal === 'admin' && person.role !== 'admin') {
    // No hint that the admin area exists.
    return NextResponse.rewrite(new URL('/404', req.url), { status: 404 });
  }
  if (portal && portal !== 'admin' && person.role !== portal) {
    return NextResponse.redirect(new URL(portalHome(person), req.url));
  }
  return next();
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
