import type { PersonStatus, Role } from '@/db/schema';

/** Where a signed-in person belongs: their portal, or the role choice before they have one. */
export function portalHome(user: { role: Role | null; status?: PersonStatus }): string {
  if (user.role === 'admin') return '/admin';
  if (user.role === 'mentee') return user.status === 'registering' ? '/register/mentee' : '/mentee';
  if (user.role === 'mentor') return user.status === 'registering' ? '/register/mentor' : '/mentor';
  return '/register';
}

export const PORTAL_PREFIXES = { '/mentee': 'mentee', '/mentor': 'mentor', '/admin': 'admin' } as const;
