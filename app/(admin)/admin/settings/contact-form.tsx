'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { saveContactAction } from './actions';

/** The program contact: the name and address printed on the landing page, in portals and emails. */
export function ContactForm({ name, email }: { name: string; email: string }) {
  const [state, action] = useActionState(saveContactAction, {} as ActionState);
  const errors = state.fieldErrors ?? {};
  const typed = (key: string, fallback: string) => (!state.ok && typeof state.values?.[key] === 'string' ? (state.values[key] as string) : fallback);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="contactName" label="Name" hint="For example, your first and last name." errors={errors.contactName}>
          {(aria) => <Input {...aria} name="contactName" autoComplete="name" maxLength={120} required defaultValue={typed('contactName', name)} />}
        </Field>
        <Field id="contactEmail" label="Email address" hint="Where students and physicians write with questions." errors={errors.contactEmail}>
          {(aria) => <Input {...aria} name="contactEmail" type="email" autoComplete="email" required defaultValue={typed('contactEmail', email)} />}
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Save contact</SubmitButton>
    </form>
  );
}
