'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ActionState } from '@/lib/actions';
import { changeRoleAction } from './actions';

/** "Not what you meant?" under the registration form's introduction: back to the role choice. */
export function ChangeRoleForm({ current }: { current: 'mentee' | 'mentor' }) {
  const [state, action, pending] = useActionState(changeRoleAction, {} as ActionState);
  const other = current === 'mentee' ? 'a physician' : 'a pre-med student';
  return (
    <form action={action} className="mb-6 text-sm text-stone-700">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      Not what you meant? If you are {other},{' '}
      <button type="submit" disabled={pending} className="font-semibold text-brand-800 underline hover:text-brand-900 disabled:opacity-60">
        change your role
      </button>
      .
    </form>
  );
}
