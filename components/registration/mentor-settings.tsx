'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

function Result({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>;
}

export function PauseForm({ action, pausedUntil }: { action: Action; pausedUntil: string | null }) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const typed = typeof state.values?.pausedUntil === 'string' ? state.values.pausedUntil : (pausedUntil ?? '');
  return (
    <div className="space-y-3">
      <Result state={state} />
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate key={typed}>
        <div className="flex-1">
          <Field id="pausedUntil" label="Not taking new mentees until" hint="Your current mentees are not affected." errors={state.fieldErrors?.pausedUntil}>
            {(a) => <Input {...a} type="date" name="pausedUntil" defaultValue={typed} />}
          </Field>
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Pause
        </SubmitButton>
      </form>
      {pausedUntil && (
        <form action={formAction}>
          <input type="hidden" name="pausedUntil" value="" />
          <SubmitButton variant="ghost" pendingText="Saving…">
            Take new mentees again now
          </SubmitButton>
        </form>
      )}
    </div>
  );
}

export function CapacityForm({ action, capacity }: { action: Action; capacity: number }) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  // React resets a form after its action; keyed by the saved number, the select remounts showing
  // what was just saved instead of the number it was first drawn with. After an error it keeps
  // what was chosen.
  const shown = !state.ok && typeof state.values?.capacity === 'string' ? state.values.capacity : String(capacity);
  return (
    <div className="space-y-3">
      <Result state={state} />
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate key={shown}>
        <div className="flex-1">
          <Field id="capacity" label="Mentees I can take at once" errors={state.fieldErrors?.capacity}>
            {(a) => (
              <Select {...a} name="capacity" defaultValue={shown}>
                <option value="1">1</option>
                <option value="2">2</option>
                <option value="3">3</option>
              </Select>
            )}
          </Field>
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save capacity
        </SubmitButton>
      </form>
    </div>
  );
}
