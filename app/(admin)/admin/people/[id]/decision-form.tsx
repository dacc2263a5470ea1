'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { DECISION_OPTIONS } from '../copy';
import { decidePersonAction } from './actions';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** Approve, waitlist or decline one person; the email goes out as soon as it is saved. */
export function DecisionForm({ userId, current }: { userId: string; current: string }) {
  const [state, action] = useActionState(decidePersonAction, {} as ActionState);
  const values = state.ok ? {} : (state.values ?? {});
  const options = DECISION_OPTIONS.filter((d) => d.value !== current).map((d) => ({ value: d.value, label: d.label }));
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      {/* Keyed so the inputs take the values the server sent back after each answer. */}
      <div key={JSON.stringify(values)} className="space-y-4">
        <ChoiceGroup
          type="radio"
          name="decision"
          legend="Change their status to"
          options={options}
          selected={asText(values.decision)}
          errors={state.fieldErrors?.decision}
          columns={3}
        />
        <Field id="reason" label="Reason" optional hint="Required to decline. It is included in the email they receive." errors={state.fieldErrors?.reason}>
          {(aria) => <Textarea {...aria} name="reason" rows={3} maxLength={500} defaultValue={asText(values.reason)} />}
        </Field>
      </div>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton pendingText="Saving…">Save decision and email them</SubmitButton>
    </form>
  );
}
