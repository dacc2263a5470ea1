import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { requireUser } from '@/lib/auth/session';
import { portalHome } from '@/lib/auth/portal';
import { chooseRoleAction } from './actions';

export const metadata: Metadata = { title: 'How will you take part?' };

export default async function ChooseRolePage() {
  const user = await requireUser();
  if (user.role) redirect(portalHome(user));
  return (
    <AuthCard title="How will you take part?">
      <p className="mb-5 text-stone-700">Welcome! Choose one. You will fill in a short profile next.</p>
      <form action={chooseRoleAction} className="grid gap-3">
        <button
          type="submit"
          name="role"
          value="mentee"
          className="min-h-11 rounded-lg border-2 border-stone-200 bg-white p-4 text-left hover:border-brand-700 focus-visible:border-brand-700"
        >
          <span className="block font-semibold text-stone-900">I’m a pre-med student</span>
          <span className="block text-sm text-stone-600">Get paired with a physician mentor for a year.</span>
        </button>
        <button
          type="submit"
          name="role"
          value="mentor"
          className="min-h-11 rounded-lg border-2 border-stone-200 bg-white p-4 text-left hover:border-brand-700 focus-visible:border-brand-700"
        >
          <span className="block font-semibold text-stone-900">I’m a physician</span>
          <span className="block text-sm text-stone-600">Mentor one to three students on their path into medicine.</span>
        </button>
      </form>
    </AuthCard>
  );
}
