'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { createCohortAction, setCohortOpenAction } from './actions';

const asText = (v: string | string[] | undefined, fallback = '') => (typeof v === 'string' ? v : fallback);

export function CreateCohortForm({ nameMax, suggestedYear }: { nameMax: number; suggestedYear: number }) {
  const [state, action] = useActionState(createCohortAction, {} as ActionState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div key={JSON.stringify(values)} className="grid gap-4 sm:grid-cols-3">
        <Field id="cohort-name" label="Name" hint={`For example “${suggestedYear} cohort”.`} errors={state.fieldErrors?.name}>
          {(aria) => <Input {...aria} name="name" required maxLength={nameMax} defaultValue={asText(values.name)} />}
        </Field>
        <Field id="cohort-year" label="Program year" hint="Used for reports." errors={state.fieldErrors?.programYear}>
          {(aria) => (
            <Input
              {...aria}
              name="programYear"
              type="number"
              inputMode="numeric"
              step={1}
              required
              defaultValue={asText(values.programYear, String(suggestedYear))}
            />
          )}
        </Field>
        <Field id="cohort-launch" label="Launch date" hint="Pairings approved earlier start on this day." errors={state.fieldErrors?.launchDate}>
          {(aria) => <Input {...aria} name="launchDate" type="date" required defaultValue={asText(values.launchDate)} />}
        </Field>
      </div>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton pendingText="Creating…">Create cohort</SubmitButton>
    </form>
  );
}

/** Opens or closes one cohort for new registrations. */
export function CohortToggle({ cohortId, name, isOpen }: { cohortId: number; name: string; isOpen: boolean }) {
  const [state, action] = useActionState(setCohortOpenAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      {/* The state to move to; the server ignores a toggle that is already done. */}
      {!isOpen && <input type="hidden" name="open" value="on" />}
      <SubmitButton variant="secondary" pendingText="Saving…">
        {isOpen ? 'Close' : 'Reopen'}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
