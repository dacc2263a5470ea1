'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';

/** Leaving the program takes two deliberate steps: open the form, then confirm with a reason. */
export function WithdrawForm({ action }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const [open, setOpen] = useState(Boolean(state.message));
  if (!open && !state.message)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Withdraw from the program…
      </Button>
    );
  const reason = typeof state.values?.reason === 'string' ? state.values.reason : '';
  return (
    <form action={formAction} className="space-y-4" noValidate key={reason}>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <Field id="reason" label="Why are you leaving?" hint="The coordinator reads this. It helps the program improve." errors={state.fieldErrors?.reason}>
        {(a) => <Textarea {...a} name="reason" rows={3} maxLength={500} defaultValue={reason} />}
      </Field>
      <label htmlFor="confirm" className="flex items-start gap-3 text-sm">
        <input id="confirm" type="checkbox" name="confirm" className="mt-0.5 size-4 accent-red-700" aria-describedby={state.fieldErrors?.confirm ? 'confirm-error' : undefined} />
        <span>I understand that I will no longer be matched, and that any current pairing will end.</span>
      </label>
      {state.fieldErrors?.confirm && (
        <p id="confirm-error" className="text-sm font-medium text-red-700">
          {state.fieldErrors.confirm.join(' ')}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pendingText="Withdrawing…">
          Withdraw
        </SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Keep my place
        </Button>
      </div>
    </form>
  );
}
