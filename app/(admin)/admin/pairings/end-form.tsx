'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { endPairingAction } from './actions';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

type Props = { pairingId: number; menteeName: string; mentorName: string; mode: 'withdraw' | 'end' };

/**
 * Ends one pairing (or withdraws one proposal) with a reason. The server asks "End … ?" first and
 * only acts on the second submission, so the step holds without JavaScript too.
 */
export function EndPairingForm({ pairingId, menteeName, mentorName, mode }: Props) {
  const [state, action] = useActionState(endPairingAction, {} as ActionState);
  const [seen, setSeen] = useState(state);
  const [cancelled, setCancelled] = useState(false);
  if (seen !== state) {
    setSeen(state);
    setCancelled(false);
  }
  const values = state.values ?? {};
  const confirming = values.step === 'confirm' && !!values.confirm && !cancelled;
  const withdraw = mode === 'withdraw';
  const rematch = withdraw || values.rematch === 'on';
  const id = `${mode}-${pairingId}`;

  return (
    <form action={action} onChange={() => setCancelled(true)} className="space-y-3" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="mode" value={mode} />
      {/* Keyed so the fields show what the server sent back after each answer. */}
      <div key={JSON.stringify(values)} className="space-y-3">
        <Field
          id={`${id}-reason`}
          label={withdraw ? 'Why withdraw this proposal?' : 'Why is this pairing ending?'}
          hint="Kept on the pairing’s record."
          errors={state.fieldErrors?.reason}
        >
          {(aria) => <Textarea {...aria} name="reason" rows={2} maxLength={500} defaultValue={asText(values.reason)} />}
        </Field>
        {!withdraw && (
          <label htmlFor={`${id}-rematch`} className="flex min-h-11 cursor-pointer items-start gap-3 text-sm">
            <input
              id={`${id}-rematch`}
              type="checkbox"
              name="rematch"
              defaultChecked={values.rematch === 'on'}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span>Put the student back at the top of the waitlist (no-fault rematch)</span>
          </label>
        )}
      </div>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      {confirming ? (
        <ConfirmStep
          question={`${withdraw ? 'Withdraw' : 'End'} the ${withdraw ? 'proposal' : 'pairing'} of ${menteeName} and ${mentorName}?`}
          confirmKey={asText(values.confirm)}
          confirmLabel={`Yes, ${withdraw ? 'withdraw it' : 'end it'}`}
          pendingText="Saving…"
          danger
          onCancel={() => setCancelled(true)}
        >
          {withdraw
            ? 'Neither of them was told about it, and no email is sent. The student goes back to the top of the waitlist.'
            : `This cannot be undone, and the app does not email them: tell them yourself. ${
                rematch ? 'The student goes back to the top of the waitlist.' : 'The student goes back on the waitlist, their wait counted from today.'
              } The two will not be suggested together again.`}
        </ConfirmStep>
      ) : (
        <SubmitButton variant="secondary" pendingText="Checking…">
          {withdraw ? 'Withdraw proposal' : 'End pairing'}
          <span className="sr-only">
            {' '}
            of {menteeName} and {mentorName}
          </span>
        </SubmitButton>
      )}
    </form>
  );
}
