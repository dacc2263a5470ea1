import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { securityEvent } from '@/lib/security/log';
import { readSession, SESSION_COOKIES, takeHandOver, type SessionUser } from './gate';
import { hasPermission, PORTAL_PERMISSION } from './permissions';
import { portalHome } from './portal';

export type { SessionUser };

/**
 * The signed-in person, read once per request: what the proxy read for this request when it guarded
 * the page (lib/auth/gate.ts's hand-over), else one look-up of the session cookie here. Never through
 * Auth.js's auth(), which would read the session a second time. Roles can change, so it is always
 * this request's read.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((c) => jar.get(c)?.value).find(Boolean);
  if (!token) return null;
  const requestKey = (await headers()).get('x-nonce');
  const handed = requestKey ? takeHandOver(requestKey, token) : undefined;
  if (handed !== undefined) return handed;
  try {
    return (await readSession(token))?.user ?? null;
  } catch (err) {
    // With a session cookie present, a person sees "we can't load this page" rather than being signed out.
    console.error(err);
    throw new Error('The database is unavailable.');
  }
});

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get('x-pathname') ?? '/';
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return user;
}

/**
 * Guards a page of a role's portal. Admin pages answer 404 to everyone else (no hint that they
 * exist); the other portals send a signed-in person of another role to their own portal.
 */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (hasPermission(user.role, PORTAL_PERMISSION[role])) return user;
  securityEvent('authorisation.refused', { where: 'page', path: await currentPath(), userId: user.id, role: user.role, required: role });
  if (role === 'admin') notFound();
  redirect(portalHome(user));
}
