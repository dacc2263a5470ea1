'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { roleAction } from '@/lib/actions';
import { portalHome } from '@/lib/auth/portal';
import { chooseRole, clearRoleChoice } from '@/lib/registration/choose-role';

const schema = z.object({ role: z.enum(['mentee', 'mentor'], { error: 'Choose student or physician.' }) });

/**
 * Any signed-in person may ask; chooseRole decides in its WHERE clause whether they still can. A
 * second tab (or a double click) that loses the race gets a calm message, not an error page.
 */
export const chooseRoleAction = roleAction('signed-in', schema, async (data, user) => {
  if (user.role) redirect(portalHome(user));
  await chooseRole(user, data.role);
  redirect(`/register/${data.role}`);
});

/** "Not what you meant?": back to the choice, allowed only until the profile is submitted. */
export const changeRoleAction = roleAction(['mentee', 'mentor'], z.object({}), async (_data, user) => {
  await clearRoleChoice(user);
  redirect('/register');
});
