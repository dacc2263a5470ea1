'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { addRoadmapItemAction } from '@/lib/roadmap/actions';

/** Either member adds their own milestone (a mock interview, a school's deadline). */
export function AddItemForm({ pairingId }: { pairingId: number }) {
  const [state, action] = useActionState(addRoadmapItemAction, {} as ActionState);
  const errors = state.fieldErrors ?? {};
  const typed = (key: string) => (!state.ok && typeof state.values?.[key] === 'string' ? (state.values[key] as string) : '');
  return (
    // A successful add resets the form (new key), so the next item starts blank.
    <form key={state.ok ? String(state.message) : 'form'} action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <input type="hidden" name="pairingId" value={pairingId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id="new-title" label="Milestone" hint="For example, “Mock interview” or a school’s deadline." errors={errors.title}>
          {(aria) => <Input {...aria} name="title" maxLength={120} required defaultValue={typed('title')} />}
        </Field>
        <Field id="new-targetDate" label="Target date" errors={errors.targetDate}>
          {(aria) => <Input {...aria} name="targetDate" type="date" required defaultValue={typed('targetDate')} />}
        </Field>
      </div>
      <SubmitButton pendingText="Adding…">Add to the roadmap</SubmitButton>
    </form>
  );
}
