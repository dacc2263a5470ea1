import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { menteeProfiles, mentorProfiles, users, type PersonStatus, type Role } from '@/db/schema';
import { databaseIsUp } from '@/lib/health';
import { securityEvent } from '@/lib/security/log';
import { auth } from './auth';
import { SESSION_COOKIES } from './gate';
import { hasPermission, PORTAL_PERMISSION } from './permissions';
import { portalHome } from './portal';

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  /** The "name you go by" from the profile, once one is submitted: what greetings use. */
  goesBy: string | null;
  role: Role | null;
  status: PersonStatus;
};

/** The signed-in person, read fresh from the database once per request (roles can change). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) {
    // Auth.js reports a database failure as "no session". With a session cookie present, tell the
    // two apart, so a person sees "we can't load this page" rather than being signed out.
    const jar = await cookies();
    if (SESSION_COOKIES.some((c) => jar.has(c)) && !(await databaseIsUp(2000))) throw new Error('The database is unavailable.');
    return null;
  }
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      menteeName: menteeProfiles.preferredName,
      mentorName: mentorProfiles.preferredName,
      role: users.role,
      status: users.status,
    })
    .from(users)
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(eq(users.id, id));
  if (!row) return null;
  const { menteeName, mentorName, ...rest } = row;
  return { ...rest, goesBy: greetingName({ ...rest, goesBy: menteeName ?? mentorName }) };
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

/** The name to greet someone by: the name they go by, else the first word of their name. */
export function greetingName(p: { name: string | null; goesBy?: string | null }): string | null {
  return p.goesBy?.trim() || p.name?.trim().split(/\s+/)[0] || null;
}
