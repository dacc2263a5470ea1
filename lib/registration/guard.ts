import 'server-only';
import { redirect } from 'next/navigation';
import { portalHome } from '@/lib/auth/portal';
import { requireUser, type SessionUser } from '@/lib/auth/session';

/** The registration form is for a person of this role who has not submitted it yet. */
export async function requireRegistrant(role: 'mentee' | 'mentor'): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.role) redirect('/register');
  if (user.role !== role) redirect(portalHome(user));
  if (user.status !== 'registering') redirect(`/${role}/profile`);
  return user;
}
