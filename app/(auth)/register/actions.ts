'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { portalHome } from '@/lib/auth/portal';
import { chooseRole } from '@/lib/registration/choose-role';

const schema = z.object({ role: z.enum(['mentee', 'mentor']) });

export async function chooseRoleAction(formData: FormData) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=%2Fregister');
  if (user.role) redirect(portalHome(user));
  const parsed = schema.safeParse({ role: formData.get('role') });
  if (!parsed.success) redirect('/register');
  await chooseRole(user, parsed.data.role);
  redirect(`/register/${parsed.data.role}`);
}
