'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ActionState } from '@/lib/actions';
import { chooseRoleAction } from './actions';

const choice =
  'min-h-11 rounded-lg border-2 border-stone-200 bg-white p-4 text-left hover:border-brand-700 focus-visible:border-brand-700 disabled:opacity-60';

export function ChooseRoleForm() {
  const [state, action, pending] = useActionState(chooseRoleAction, {} as ActionState);
  return (
    <form action={action} className="grid gap-3">
      {state.message && (
        <Alert tone="error">
          {state.message}{' '}
          <Link href="/portal" className="font-semibold underline">
            Go to your portal
          </Link>
        </Alert>
      )}
      <button type="submit" name="role" value="mentee" disabled={pending} className={choice}>
        <span className="block font-semibold text-stone-900">I’m a pre-med student</span>
        <span className="block text-sm text-stone-600">Get paired with a physician mentor for a year.</span>
      </button>
      <button type="submit" name="role" value="mentor" disabled={pending} className={choice}>
        <span className="block font-semibold text-stone-900">I’m a physician</span>
        <span className="block text-sm text-stone-600">Mentor one to three students on their path into medicine.</span>
      </button>
    </form>
  );
}
