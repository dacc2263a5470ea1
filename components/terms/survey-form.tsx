'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, FieldError, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { submitSurveyAction } from '@/lib/terms/actions';

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

function Radios({
  name,
  legend,
  options,
  value,
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-semibold text-stone-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            htmlFor={`${name}-${o.value}`}
            className="flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input id={`${name}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={value === o.value} className="size-5 accent-brand-700" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The close survey: five short questions, answered once. */
export function SurveyForm({ pairingId, side }: { pairingId: number; side: 'mentee' | 'mentor' }) {
  const [state, action] = useActionState(submitSurveyAction, {} as ActionState);
  if (state.ok)
    return (
      <Alert tone="success" title="Thank you">
        {state.message}
      </Alert>
    );
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-6" noValidate key={JSON.stringify(v)}>
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <Radios
        name="rating"
        legend="How did the mentorship go? (1 = not well, 5 = very well)"
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
        value={text(v.rating)}
        errors={e.rating}
      />
      <Field id="helpedMost" label="What helped you most?" errors={e.helpedMost}>
        {(a) => <Textarea {...a} name="helpedMost" rows={4} maxLength={2000} defaultValue={text(v.helpedMost)} />}
      </Field>
      {side === 'mentor' && <Radios name="mentorAgain" legend="Would you mentor again?" options={YES_NO} value={text(v.mentorAgain)} errors={e.mentorAgain} />}
      <Radios name="wouldRecommend" legend="Would you recommend the program to others?" options={YES_NO} value={text(v.wouldRecommend)} errors={e.wouldRecommend} />
      <Field id="comment" label="Anything else you would like the coordinator to know?" optional errors={e.comment}>
        {(a) => <Textarea {...a} name="comment" rows={3} maxLength={2000} defaultValue={text(v.comment)} />}
      </Field>
      <SubmitButton pendingText="Sending…">Send my answers</SubmitButton>
    </form>
  );
}
