'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { AttestationFields } from './attestation-fields';
import { valueReader } from './form-values';

export function AttestForm({
  action,
  statement,
  name,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  statement: { version: number; title: string; body: string };
  name: string | null;
}) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const v = valueReader(state, { signatureName: name });
  return (
    <form action={formAction} className="space-y-5" noValidate key={JSON.stringify(state.values ?? null)}>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <AttestationFields v={v} statement={statement} registeredName={name} />
      <SubmitButton pendingText="Signing…">Sign the values statement</SubmitButton>
    </form>
  );
}
