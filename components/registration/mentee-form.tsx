'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { HELP_AREAS, SCHOOL_YEARS, SPECIALTIES } from '@/lib/registration/options';
import { valueReader, type Initial } from './form-values';
import { FormSection } from './form-section';
import { AboutField, ExpectationsField, IdentityFields, MeetingFields, NameFields } from './shared-fields';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  initial: Initial;
  mode: 'register' | 'edit';
};

export function MenteeForm({ action, initial, mode }: Props) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const v = valueReader(state, initial);
  const year = new Date().getFullYear();
  const total = mode === 'register' ? 6 : 0;
  return (
    // The key remounts the fields with what was typed after each server answer (React resets forms).
    <form action={formAction} noValidate className="space-y-8" key={JSON.stringify(state.values ?? null)}>
      {state.ok ? state.message && <Alert tone="success">{state.message}</Alert> : <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />}
      <FormSection step={1} total={total} title="About you">
        <NameFields v={v} />
      </FormSection>

      <FormSection step={2} total={total} title="Your studies">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="school" label="School" errors={v.errors('school')}>
            {(a) => <Input {...a} name="school" defaultValue={v.text('school')} maxLength={120} required />}
          </Field>
          <Field id="schoolYear" label="Year" errors={v.errors('schoolYear')}>
            {(a) => (
              <Select {...a} name="schoolYear" defaultValue={v.text('schoolYear')} required>
                <option value="">Choose…</option>
                {SCHOOL_YEARS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="major" label="Major" errors={v.errors('major')}>
            {(a) => <Input {...a} name="major" defaultValue={v.text('major')} maxLength={120} required />}
          </Field>
          <Field id="targetCycle" label="Year you plan to apply to medical school" hint={`For example ${year + 1}.`} errors={v.errors('targetCycle')}>
            {(a) => <Input {...a} name="targetCycle" inputMode="numeric" defaultValue={v.text('targetCycle')} maxLength={4} required />}
          </Field>
        </div>
        <ChoiceGroup
          name="firstGen"
          type="radio"
          legend="Are you the first in your family to go to college?"
          optional
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: '', label: 'Prefer not to say' },
          ]}
          selected={v.text('firstGen')}
          errors={v.errors('firstGen')}
          columns={3}
        />
      </FormSection>

      <FormSection step={3} total={total} title="What you are looking for">
        <ChoiceGroup name="specialties" legend="Specialties that interest you" optional options={SPECIALTIES} selected={v.list('specialties')} errors={v.errors('specialties')} />
        <Field id="specialtyOther" label="Another specialty" optional errors={v.errors('specialtyOther')}>
          {(a) => <Input {...a} name="specialtyOther" defaultValue={v.text('specialtyOther')} maxLength={120} />}
        </Field>
        <ChoiceGroup name="helpWith" legend="What would you like help with?" options={HELP_AREAS} selected={v.list('helpWith')} errors={v.errors('helpWith')} />
        <Field id="helpOther" label="Anything else?" optional hint="Required if you chose “Something else”." errors={v.errors('helpOther')}>
          {(a) => <Input {...a} name="helpOther" defaultValue={v.text('helpOther')} maxLength={300} />}
        </Field>
        <AboutField v={v} hint="A few sentences your mentor will read: where you are from, what draws you to medicine, what you hope to get from a mentor." />
      </FormSection>

      <FormSection step={4} total={total} title="Meeting">
        <MeetingFields v={v} />
      </FormSection>

      <FormSection step={5} total={total} title="Identity and matching preferences (optional)">
        <IdentityFields v={v} role="mentee" />
      </FormSection>

      <FormSection step={6} total={total} title="Program expectations">
        <ExpectationsField v={v} />
      </FormSection>

      <SubmitButton className="w-full sm:w-auto" pendingText="Saving…">
        {mode === 'register' ? 'Submit registration' : 'Save changes'}
      </SubmitButton>
    </form>
  );
}
