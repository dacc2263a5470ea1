'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, FieldError, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { submitCheckInAction } from '@/lib/safety/actions';
import { CHECK_IN_QUESTIONS, SCALE_LABELS, type CheckInQuestion } from '@/lib/safety/copy';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** Three 1–5 statements and an optional comment; on success only a thank-you remains. */
export function CheckInForm({ roundId, home }: { roundId: number; home: string }) {
  const [state, action] = useActionState(submitCheckInAction, {} as ActionState);
  if (state.ok)
    return (
      <Alert tone="success" title="Check-in sent">
        {state.message} <a href={home}>Back to your home page</a>.
      </Alert>
    );
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary message={state.fieldErrors ? undefined : state.message} fieldErrors={state.fieldErrors} />
      <input type="hidden" name="roundId" value={roundId} />
      <div key={JSON.stringify(values)} className="space-y-6">
        {(Object.keys(CHECK_IN_QUESTIONS) as CheckInQuestion[]).map((q) => (
          <fieldset key={q} className="space-y-2" aria-describedby={errors[q]?.length ? `${q}-error` : undefined}>
            <legend className="text-base font-semibold text-stone-900">“{CHECK_IN_QUESTIONS[q]}”</legend>
            <div className="grid gap-2 sm:grid-cols-5">
              {SCALE_LABELS.map((label, i) => {
                const v = String(i + 1);
                const id = i === 0 ? q : `${q}-${v}`;
                return (
                  <label
                    key={v}
                    htmlFor={id}
                    className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm hover:border-brand-600 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 sm:flex-col sm:items-start sm:gap-1"
                  >
                    <input id={id} type="radio" name={q} value={v} defaultChecked={asText(values[q]) === v} className="size-4 accent-brand-700" />
                    <span>
                      <span className="font-semibold">{v}</span> {label}
                    </span>
                  </label>
                );
              })}
            </div>
            <FieldError id={`${q}-error`} errors={errors[q]} />
          </fieldset>
        ))}
        <Field id="comment" label="Anything you would like the coordinators to know?" optional errors={errors.comment}>
          {(aria) => <Textarea {...aria} name="comment" rows={4} maxLength={2000} defaultValue={asText(values.comment)} />}
        </Field>
      </div>
      <SubmitButton pendingText="Sending…">Send my check-in privately</SubmitButton>
    </form>
  );
}
