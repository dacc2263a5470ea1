'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { CREDENTIALS, HELP_AREAS, SPECIALTIES } from '@/lib/registration/options';
import { valueReader, type Initial } from './form-values';
import { FormSection } from './form-section';
import { AboutField, ExpectationsField, IdentityFields, MeetingFields, NameFields } from './shared-fields';
import { AttestationFields } from './attestation-fields';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  initial: Initial;
  mode: 'register' | 'edit';
  /** The current values statement; shown and signed only at registration. */
  statement?: { version: number; title: string; body: string } | null;
};

export function MentorForm({ action, initial, mode, statement }: Props) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const v = valueReader(state, initial);
  const total = mode === 'register' ? 7 : 0;
  return (
    <form action={formAction} noValidate className="space-y-8" key={JSON.stringify(state.values ?? null)}>
      {state.ok ? state.message && <Alert tone="success">{state.message}</Alert> : <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />}
      <FormSection step={1} total={total} title="About you">
        <NameFields v={v} />
      </FormSection>

      <FormSection step={2} total={total} title="Your practice">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="credential" label="Credentials" errors={v.errors('credential')}>
            {(a) => (
              <Select {...a} name="credential" defaultValue={v.text('credential')} required>
                <option value="">Choose…</option>
                {CREDENTIALS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="credentialOther" label="Other credentials" optional hint="Required if you chose “Other”." errors={v.errors('credentialOther')}>
            {(a) => <Input {...a} name="credentialOther" defaultValue={v.text('credentialOther')} maxLength={60} />}
          </Field>
          <Field id="specialty" label="Specialty" errors={v.errors('specialty')}>
            {(a) => (
              <Select {...a} name="specialty" defaultValue={v.text('specialty')} required>
                <option value="">Choose…</option>
                {SPECIALTIES.filter((s) => s.value !== 'undecided').map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="specialtyOther" label="Subspecialty or other specialty" optional errors={v.errors('specialtyOther')}>
            {(a) => <Input {...a} name="specialtyOther" defaultValue={v.text('specialtyOther')} maxLength={120} />}
          </Field>
          <Field id="organisation" label="Organisation" errors={v.errors('organisation')}>
            {(a) => <Input {...a} name="organisation" autoComplete="organization" defaultValue={v.text('organisation')} maxLength={160} required />}
          </Field>
          <Field id="yearsInPractice" label="Years in practice" errors={v.errors('yearsInPractice')}>
            {(a) => <Input {...a} name="yearsInPractice" inputMode="numeric" defaultValue={v.text('yearsInPractice')} maxLength={2} required />}
          </Field>
          <Field id="residencyAffiliation" label="Residency affiliation" optional errors={v.errors('residencyAffiliation')}>
            {(a) => <Input {...a} name="residencyAffiliation" defaultValue={v.text('residencyAffiliation')} maxLength={160} />}
          </Field>
        </div>
      </FormSection>

      <FormSection step={3} total={total} title="Your mentoring">
        <ChoiceGroup
          name="capacity"
          type="radio"
          legend="How many mentees can you take?"
          hint="You can change this, or pause new pairings, at any time."
          options={[
            { value: '1', label: 'One' },
            { value: '2', label: 'Two' },
            { value: '3', label: 'Three' },
          ]}
          selected={v.text('capacity')}
          errors={v.errors('capacity')}
          columns={3}
        />
        <ChoiceGroup name="advice" legend="What can you advise on?" options={HELP_AREAS} selected={v.list('advice')} errors={v.errors('advice')} />
        <AboutField v={v} hint="Shown to your mentees: your path into medicine, what you enjoy about your work, what a mentee can expect from you." />
      </FormSection>

      <FormSection step={4} total={total} title="Meeting">
        <MeetingFields v={v} />
      </FormSection>

      <FormSection step={5} total={total} title="Identity (optional)">
        <IdentityFields v={v} role="mentor" />
      </FormSection>

      <FormSection step={6} total={total} title="Program expectations">
        <ExpectationsField v={v} />
      </FormSection>

      {mode === 'register' && statement && (
        <FormSection step={7} total={total} title="Values attestation" intro="Every mentor commits to these values before being paired.">
          <AttestationFields v={v} statement={statement} />
        </FormSection>
      )}

      <SubmitButton className="w-full sm:w-auto" pendingText="Saving…">
        {mode === 'register' ? 'Submit registration' : 'Save changes'}
      </SubmitButton>
    </form>
  );
}
