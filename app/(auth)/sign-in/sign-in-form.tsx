'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { requestSignInLink } from './actions';

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const [state, action] = useActionState(requestSignInLink, {} as ActionState);
  const typed = (state.values?.email as string | undefined) ?? email ?? '';
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <Field id="email" label="Email" hint="We will email you a link that signs you in. No password needed." errors={state.fieldErrors?.email}>
        {(aria) => (
          <Input {...aria} name="email" type="email" autoComplete="email" inputMode="email" required defaultValue={typed} key={typed} />
        )}
      </Field>
      <SubmitButton className="w-full" pendingText="Sending…">
        Send sign-in link
      </SubmitButton>
    </form>
  );
}
