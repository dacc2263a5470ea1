'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { inviteAdmin, inviteSchema, removeAdmin, removeAdminSchema, revokeInvite, revokeInviteSchema } from '@/lib/admins/admins';
import { formatDate } from '@/lib/time/format';

export const inviteAdminAction = roleAction({ permission: 'admins:manage' }, inviteSchema, async (data, user) => {
  const { email, expiresAt } = await inviteAdmin(user, data);
  revalidatePath('/admin/admins');
  return { ok: true, message: `Invitation sent to ${email}. It works until ${formatDate(expiresAt)}.` };
});

export const revokeInviteAction = roleAction({ permission: 'admins:manage' }, revokeInviteSchema, async (data, user) => {
  await revokeInvite(user, data);
  revalidatePath('/admin/admins');
  return { ok: true, message: 'Invitation revoked.' };
});

export const removeAdminAction = roleAction({ permission: 'admins:manage' }, removeAdminSchema, async (data, user): Promise<{ ok?: boolean; message?: string; confirmKey?: string }> => {
  const result = await removeAdmin(user, data);
  if (result.needsConfirmation) return { confirmKey: result.needsConfirmation };
  revalidatePath('/admin/admins');
  return { ok: true, message: data.userId === user.id ? 'You are no longer an admin.' : 'Admin access removed.' };
});
