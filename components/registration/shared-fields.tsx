import { ChoiceGroup } from '@/components/ui/choice-group';
import { Field, FieldError, Input, Textarea } from '@/components/ui/field';
import { ConsentWatch } from './consent-watch';
import { EXPECTATIONS } from '@/lib/registration/expectations';
import { IDENTITY_PREFERENCES, LANGUAGES, MEETING_FORMATS, RACE_CATEGORIES } from '@/lib/registration/options';
import { AvailabilityGrid } from './availability-grid';
import type { ValueReader } from './form-values';

export function NameFields({ v }: { v: ValueReader }) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id="fullName" label="Full name" hint="Seen by the coordinator and, once paired, your match." errors={v.errors('fullName')}>
        {(a) => <Input {...a} name="fullName" autoComplete="name" defaultValue={v.text('fullName')} maxLength={120} required />}
      </Field>
      <Field id="preferredName" label="Name you go by" errors={v.errors('preferredName')}>
        {(a) => <Input {...a} name="preferredName" autoComplete="given-name" defaultValue={v.text('preferredName')} maxLength={60} required />}
      </Field>
      <Field id="pronouns" label="Pronouns" optional hint="For example: she/her, he/him, they/them." errors={v.errors('pronouns')}>
        {(a) => <Input {...a} name="pronouns" defaultValue={v.text('pronouns')} maxLength={40} />}
      </Field>
    </div>
  );
}

export function MeetingFields({ v }: { v: ValueReader }) {
  return (
    <div className="space-y-6">
      <ChoiceGroup
        name="meetingFormats"
        legend="How would you like to meet?"
        hint="Video and phone are the program’s preferred formats. Choose all that work for you."
        options={MEETING_FORMATS}
        selected={v.list('meetingFormats')}
        errors={v.errors('meetingFormats')}
        columns={3}
      />
      <AvailabilityGrid selected={v.list('availability')} errors={v.errors('availability')} />
      <Field id="city" label="City" optional hint="Needed only if you would meet in person." errors={v.errors('city')}>
        {(a) => <Input {...a} name="city" autoComplete="address-level2" defaultValue={v.text('city')} maxLength={80} />}
      </Field>
      <ChoiceGroup name="languages" legend="Languages you speak" optional options={LANGUAGES} selected={v.list('languages')} errors={v.errors('languages')} columns={3} />
    </div>
  );
}

export function AboutField({ v, hint }: { v: ValueReader; hint: string }) {
  return (
    <Field id="about" label="About me" optional hint={hint} errors={v.errors('about')}>
      {(a) => <Textarea {...a} name="about" rows={5} maxLength={1200} defaultValue={v.text('about')} />}
    </Field>
  );
}

/**
 * Optional identity questions. The consent box says what the answers are for; without it nothing
 * in this section is stored, and unticking it later erases what was stored.
 */
export function IdentityFields({ v, role }: { v: ValueReader; role: 'mentee' | 'mentor' }) {
  return (
    <ConsentWatch serverError={!!v.errors('identityConsent')?.length}>
      <div className="rounded-md border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
        <p className="font-semibold">How these answers are used</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>Only to make pairings — for example, to honour a student’s wish for a mentor who shares an identity.</li>
          <li>Only you and the program coordinators can see them.{role === 'mentor' ? ' Mentees see them only if you choose to show them below.' : ' Your mentor never sees them.'}</li>
          <li>Every answer is optional. You can change or erase them at any time from your profile; untick the box below to erase them all.</li>
        </ul>
      </div>
      <label htmlFor="identityConsent" className="flex items-start gap-3 text-sm">
        <input id="identityConsent" type="checkbox" name="identityConsent" defaultChecked={v.checked('identityConsent')} className="mt-0.5 size-4 accent-brand-700" />
        <span>I agree that the program may use the answers below for matching only. (Without this, nothing in this section is saved.)</span>
      </label>
      <FieldError id="identityConsent-error" errors={v.errors('identityConsent')} />
      <ChoiceGroup
        name="races"
        legend="Race and ethnicity — select all that apply"
        optional
        options={RACE_CATEGORIES}
        selected={v.list('races')}
        errors={v.errors('races')}
      />
      <Field id="selfDescription" label="In your own words" optional hint="Describe your identity however you like." errors={v.errors('selfDescription')}>
        {(a) => <Input {...a} name="selfDescription" defaultValue={v.text('selfDescription')} maxLength={200} />}
      </Field>
      <label htmlFor="preferNotToAnswer" className="flex items-start gap-3 text-sm">
        <input id="preferNotToAnswer" type="checkbox" name="preferNotToAnswer" defaultChecked={v.checked('preferNotToAnswer')} className="mt-0.5 size-4 accent-brand-700" />
        <span>I prefer not to answer questions about race and ethnicity.</span>
      </label>
      <Field id="gender" label="Gender" optional hint="In your own words." errors={v.errors('gender')}>
        {(a) => <Input {...a} name="gender" defaultValue={v.text('gender')} maxLength={80} />}
      </Field>
      {role === 'mentee' ? (
        <>
          <ChoiceGroup
            name="identityPreference"
            type="radio"
            legend="Would you like a mentor who shares your identity?"
            hint="Many students prefer a mentor who is Black, Indigenous or a person of colour. We honour this where we can; a requirement may mean a longer wait."
            options={IDENTITY_PREFERENCES}
            selected={v.text('identityPreference') || 'none'}
            errors={v.errors('identityPreference')}
            columns={1}
          />
          <ChoiceGroup
            name="identityPreferenceRaces"
            legend="Which identity? (leave empty for any BIPOC mentor)"
            optional
            options={RACE_CATEGORIES.filter((r) => r.value !== 'white')}
            selected={v.list('identityPreferenceRaces')}
            errors={v.errors('identityPreferenceRaces')}
          />
        </>
      ) : (
        <label htmlFor="showIdentity" className="flex items-start gap-3 text-sm">
          <input id="showIdentity" type="checkbox" name="showIdentity" defaultChecked={v.checked('showIdentity')} className="mt-0.5 size-4 accent-brand-700" />
          <span>Show my race/ethnicity and gender answers on the profile my mentees see.</span>
        </label>
      )}
    </ConsentWatch>
  );
}

export function ExpectationsField({ v }: { v: ValueReader }) {
  const errors = v.errors('expectations');
  return (
    <div className="space-y-3">
      <ul className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-4 text-sm">
        {EXPECTATIONS.map((e) => (
          <li key={e.title}>
            <span className="font-semibold">{e.title}.</span> {e.detail}
          </li>
        ))}
      </ul>
      <label htmlFor="expectations" className="flex items-start gap-3 text-sm font-medium">
        <input
          id="expectations"
          type="checkbox"
          name="expectations"
          defaultChecked={v.checked('expectations')}
          aria-describedby={errors ? 'expectations-error' : undefined}
          aria-invalid={errors ? true : undefined}
          className="mt-0.5 size-4 accent-brand-700"
        />
        <span>I have read these expectations and agree to them.</span>
      </label>
      {errors && (
        <p id="expectations-error" className="text-sm font-medium text-red-700" aria-live="polite">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
