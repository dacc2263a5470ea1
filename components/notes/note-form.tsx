'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The hidden field naming what the note is about: userId or pairingId. */
  subject: { name: 'userId' | 'pairingId'; value: string };
  max: number;
};

/** Adds a private note; on success the box empties, on an error what was typed stays. */
export function NoteForm({ action, subject, max }: Props) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const typed = !state.ok && typeof state.values?.body === 'string' ? state.values.body : '';
  return (
    <form ref={form} action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name={subject.name} value={subject.value} />
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <Field
        id={`note-${subject.value}`}
        label="Add a private note"
        hint="Only coordinators read notes. They cannot be edited; add another to correct one."
        errors={state.fieldErrors?.body}
      >
        {(aria) => <Textarea {...aria} name="body" rows={3} maxLength={max} required defaultValue={typed} key={state.ok ? 'saved' : typed} />}
      </Field>
      <SubmitButton pendingText="Saving…">Save note</SubmitButton>
    </form>
  );
}
