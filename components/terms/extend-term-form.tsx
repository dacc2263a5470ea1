'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { extendTermAction } from '@/lib/terms/actions';

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** A later end date for the current term, with the reason kept in the audit log. */
export function ExtendTermForm({ pairingId, currentEnd }: { pairingId: number; currentEnd: string }) {
  const [state, action] = useActionState(extendTermAction, {} as ActionState);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-3" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="pairingId" value={pairingId} />
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <Field
        id={`extend-${pairingId}-end`}
        label="New end date"
        hint="Later than the current end date. Both members’ answers stay as they are."
        errors={state.fieldErrors?.endDate}
      >
        {(a) => <Input {...a} type="date" name="endDate" min={currentEnd} defaultValue={text(v.endDate)} />}
      </Field>
      <Field id={`extend-${pairingId}-reason`} label="Why extend?" hint="Kept in the audit log." errors={state.fieldErrors?.reason}>
        {(a) => <Textarea {...a} name="reason" rows={2} maxLength={500} defaultValue={text(v.reason)} />}
      </Field>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Extend the term
      </SubmitButton>
    </form>
  );
}
