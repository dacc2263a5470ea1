'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, FieldError, Input, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { publishStatementAction } from './actions';

type Props = {
  nextVersion: number;
  /** The current statement, as the starting point for the new one. */
  draft: { title: string; body: string };
  limits: { titleMax: number; bodyMin: number; bodyMax: number };
};

const asText = (v: string | string[] | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);

export function PublishForm({ nextVersion, draft, limits }: Props) {
  const [state, action] = useActionState(publishStatementAction, {} as ActionState);
  const values = state.ok ? {} : (state.values ?? {});
  const confirmErrors = state.fieldErrors?.confirm;
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      {/* Keyed so the fields show what the server sent back, or the new current text after publishing. */}
      <div key={`${nextVersion}:${JSON.stringify(values)}`} className="space-y-5">
        <Field id="title" label="Title" errors={state.fieldErrors?.title}>
          {(aria) => <Input {...aria} name="title" required maxLength={limits.titleMax} defaultValue={asText(values.title, draft.title)} />}
        </Field>
        <Field
          id="body"
          label="Statement"
          hint={`${limits.bodyMin} to ${limits.bodyMax.toLocaleString('en-US')} characters. Leave a blank line between paragraphs.`}
          errors={state.fieldErrors?.body}
        >
          {(aria) => <Textarea {...aria} name="body" required rows={14} maxLength={limits.bodyMax} defaultValue={asText(values.body, draft.body)} />}
        </Field>

        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">Publishing asks every mentor to attest again.</p>
          <p className="text-sm">
            As soon as version {nextVersion} is published, each mentor in the program gets an email asking them to read it and sign it.
            Until they do, they are not matchable for new pairings. Their current mentees are not affected.
          </p>
          <label htmlFor="confirm" className="flex min-h-11 cursor-pointer items-start gap-3 pt-1 text-sm font-medium">
            <input
              id="confirm"
              type="checkbox"
              name="confirm"
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
              aria-invalid={confirmErrors?.length ? true : undefined}
              aria-describedby={confirmErrors?.length ? 'confirm-error' : undefined}
            />
            <span>I understand: every mentor must attest to version {nextVersion} before they can be paired again.</span>
          </label>
          <FieldError id={confirmErrors?.length ? 'confirm-error' : undefined} errors={confirmErrors} />
        </div>
      </div>
      <SubmitButton pendingText="Publishing…">Publish version {nextVersion}</SubmitButton>
    </form>
  );
}
