'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { clearRuleAction, proposeOneAction, setRuleAction } from './actions';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

type Pair = { menteeId: string; mentorId: string; mentorName: string };

/** Stages this suggestion as a proposal (not visible to the pair until approved). */
export function ProposeForm({ menteeId, mentorId, mentorName }: Pair) {
  const [state, action] = useActionState(proposeOneAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="menteeId" value={menteeId} />
      <input type="hidden" name="mentorId" value={mentorId} />
      <SubmitButton pendingText="Proposing…">
        Propose<span className="sr-only"> {mentorName}</span>
      </SubmitButton>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
    </form>
  );
}

/** Lock the pair for the optimiser, or exclude it for good; either way with a reason. */
export function RuleForm({ menteeId, mentorId, mentorName, locked }: Pair & { locked: boolean }) {
  const [state, action] = useActionState(setRuleAction, {} as ActionState);
  const values = state.ok ? {} : (state.values ?? {});
  const id = `rule-reason-${mentorId}`;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="menteeId" value={menteeId} />
      <input type="hidden" name="mentorId" value={mentorId} />
      {/* Keyed so the reason shows what the server sent back after each answer. */}
      <div key={JSON.stringify(values)}>
        <Field id={id} label={`Reason for the rule about ${mentorName}`} hint="Kept with the rule and in the audit log." errors={state.fieldErrors?.reason}>
          {(aria) => <Textarea {...aria} name="reason" rows={2} maxLength={500} defaultValue={asText(values.reason)} />}
        </Field>
      </div>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <div className="flex flex-col gap-2 sm:flex-row">
        {!locked && (
          <SubmitButton name="kind" value="lock" variant="secondary" pendingText="Saving…">
            Lock for the optimiser
          </SubmitButton>
        )}
        <SubmitButton name="kind" value="exclude" variant="danger" pendingText="Saving…">
          Never pair these two
        </SubmitButton>
      </div>
    </form>
  );
}

/** Removes a lock or exclusion. */
export function ClearRuleForm({ menteeId, mentorId, mentorName, kind }: Pair & { kind: string }) {
  const [state, action] = useActionState(clearRuleAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="menteeId" value={menteeId} />
      <input type="hidden" name="mentorId" value={mentorId} />
      <SubmitButton variant="secondary" pendingText="Removing…">
        Remove<span className="sr-only"> the {kind} rule for {mentorName}</span>
      </SubmitButton>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
