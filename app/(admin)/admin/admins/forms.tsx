'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { inviteAdminAction, removeAdminAction, revokeInviteAction } from './actions';

export function InviteForm() {
  const [state, action] = useActionState(inviteAdminAction, {} as ActionState);
  const typed = state.ok ? '' : typeof state.values?.email === 'string' ? state.values.email : '';
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field id="invite-email" label="Email address" hint="They become an admin the next time they sign in with this address, within 14 days." errors={state.fieldErrors?.email}>
        {(aria) => <Input {...aria} key={typed} name="email" type="email" autoComplete="off" required defaultValue={typed} />}
      </Field>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}

export function RevokeInvite({ inviteId, email }: { inviteId: number; email: string }) {
  const [state, action] = useActionState(revokeInviteAction, {} as ActionState);
  return (
    <form action={action}>
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton variant="secondary" pendingText="Revoking…" aria-label={`Revoke the invitation to ${email}`}>
        Revoke
      </SubmitButton>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}

export function RemoveAdmin({ userId, label, self }: { userId: string; label: string; self: boolean }) {
  const [state, action] = useActionState(removeAdminAction, {} as ActionState & { confirmKey?: string });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const asking = state.confirmKey && state.confirmKey !== dismissed;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      {asking ? (
        <ConfirmStep
          question="Remove your own admin access?"
          confirmKey={state.confirmKey!}
          confirmLabel="Yes, remove my access"
          pendingText="Removing…"
          danger
          onCancel={() => setDismissed(state.confirmKey!)}
        >
          You will lose the coordinator’s pages as soon as you confirm. Another admin can invite you again.
        </ConfirmStep>
      ) : (
        <SubmitButton variant="secondary" pendingText="Removing…" aria-label={`Remove admin access for ${label}`}>
          {self ? 'Remove myself' : 'Remove'}
        </SubmitButton>
      )}
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
    </form>
  );
}
