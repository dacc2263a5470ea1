'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { rejoinWaitlistAction } from '@/lib/terms/actions';

export function RejoinWaitlistForm({ pairingId }: { pairingId: number }) {
  const [state, action] = useActionState(rejoinWaitlistAction, {} as ActionState);
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="pairingId" value={pairingId} />
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <SubmitButton variant="secondary" pendingText="Saving…">
        Put me back on the waitlist
      </SubmitButton>
    </form>
  );
}
