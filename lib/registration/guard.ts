import 'server-only';
import { redirect } from 'next/navigation';
import { portalHome } from '@/lib/auth/portal';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { chooseRole } from './choose-role';

/**
 * The registration form is for a person of this role who has not submitted it yet. A person
 * without a role who arrives here came from the landing page's "I'm a pre-med student" or "I'm a
 * physician" (through sign-in): that was their choice, so it is recorded rather than asked again.
 * A mistaken choice is undone with "change role" until the profile is submitted.
 */
export async function requireRegistrant(role: 'mentee' | 'mentor'): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.role) {
    try {
      await chooseRole(user, role);
    } catch (error) {
      // Another tab chose first: its choice stands, and the redirect below shows where it leads.
      if (!(error instanceof UserFacingError)) throw error;
    }
    redirect(`/register/${role}`);
  }
  if (user.role !== role) redirect(portalHome(user));
  if (user.status !== 'registering') redirect(`/${role}/profile`);
  return user;
}
