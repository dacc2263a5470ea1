import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { requireUser } from '@/lib/auth/session';
import { portalHome } from '@/lib/auth/portal';
import { ChooseRoleForm } from './choose-role-form';

export const metadata: Metadata = { title: 'How will you take part?' };

export default async function ChooseRolePage() {
  const user = await requireUser();
  if (user.role) redirect(portalHome(user));
  return (
    <AuthCard title="How will you take part?" signedInAs={user.email}>
      <p className="mb-5 text-stone-700">Welcome! Choose one. You will fill in a short profile next.</p>
      <ChooseRoleForm />
    </AuthCard>
  );
}
