'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldError } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { chooseRenewalAction } from '@/lib/terms/actions';

type Props = { pairingId: number; current: 'continue' | 'conclude' | null; otherName: string; endLabel: string; nextTermLabel: string };

/** Continue or conclude, as two large radio cards; the answer can be changed until the end date. */
export function RenewalChoiceForm({ pairingId, current, otherName, endLabel, nextTermLabel }: Props) {
  const [state, action] = useActionState(chooseRenewalAction, {} as ActionState);
  const typed = typeof state.values?.choice === 'string' ? state.values.choice : current;
  const options = [
    {
      value: 'continue',
      title: 'Continue',
      text: `Keep meeting with ${otherName} for ${nextTermLabel} after ${endLabel}. This happens only if you both choose to continue.`,
    },
    {
      value: 'conclude',
      title: 'Conclude',
      text: `Finish the mentorship on ${endLabel}. You will both get a short survey about how it went.`,
    },
  ];
  return (
    <form action={action} className="space-y-4" noValidate key={`${typed}-${state.ok ? 'saved' : ''}`}>
      <input type="hidden" name="pairingId" value={pairingId} />
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <fieldset className="space-y-3" aria-describedby={state.fieldErrors?.choice ? 'choice-error' : undefined}>
        <legend className="text-sm font-semibold text-stone-800">Your answer</legend>
        {options.map((o) => (
          <label
            key={o.value}
            htmlFor={`choice-${o.value}`}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              id={`choice-${o.value}`}
              type="radio"
              name="choice"
              value={o.value}
              defaultChecked={typed === o.value}
              className="mt-1 size-5 shrink-0 accent-brand-700"
            />
            <span>
              <span className="block font-semibold text-stone-900">{o.title}</span>
              <span className="block text-sm text-stone-700">{o.text}</span>
            </span>
          </label>
        ))}
        <FieldError id="choice-error" errors={state.fieldErrors?.choice} />
      </fieldset>
      <SubmitButton pendingText="Saving…">{current ? 'Change my answer' : 'Save my answer'}</SubmitButton>
    </form>
  );
}
