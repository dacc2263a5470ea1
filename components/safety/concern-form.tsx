'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, FieldError, Input, Select, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { raiseConcernAction } from '@/lib/safety/actions';
import { CONCERN_MAX } from '@/lib/safety/copy';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

type Props = { choices: { pairingId: number; partner: string; paused: boolean }[]; home: string; partnerWord: string };

/**
 * What happened, which pairing (a mentor with several mentees chooses; "not about a mentorship" is
 * always there), an optional pause and an optional request to be contacted.
 */
export function ConcernForm({ choices, home, partnerWord }: Props) {
  const [state, action] = useActionState(raiseConcernAction, {} as ActionState);
  const values = state.values ?? {};
  const [contact, setContact] = useState(asText(values.contact) === 'on');
  const [channel, setChannel] = useState(asText(values.channel) || 'email');
  if (state.ok)
    return (
      <Alert tone="success" title="Your concern was sent">
        <p>{state.message}</p>
        <p className="mt-1">
          A coordinator will read it within two working days{contact ? ' and contact you the way you asked' : ''}. <a href={home}>Back to your home page</a>.
        </p>
      </Alert>
    );
  const errors = state.fieldErrors ?? {};
  const defaultAbout = asText(values.about) || (choices.length === 1 ? String(choices[0].pairingId) : choices.length ? '' : 'none');
  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary message={state.fieldErrors ? undefined : state.message} fieldErrors={state.fieldErrors} />
      <div key={JSON.stringify(values)} className="space-y-6">
        <Field id="about" label="What is this about?" errors={errors.about}>
          {(aria) => (
            <Select {...aria} name="about" defaultValue={defaultAbout}>
              {choices.length > 1 && (
                <option value="" disabled>
                  Choose…
                </option>
              )}
              {choices.map((c) => (
                <option key={c.pairingId} value={c.pairingId}>
                  My mentorship with {c.partner}
                  {c.paused ? ' (paused)' : ''}
                </option>
              ))}
              <option value="none">Not about a mentorship</option>
            </Select>
          )}
        </Field>
        <Field id="body" label="What happened?" hint="In your own words. Include dates if you can." errors={errors.body}>
          {(aria) => <Textarea {...aria} name="body" rows={7} maxLength={CONCERN_MAX} defaultValue={asText(values.body)} />}
        </Field>
        {choices.length > 0 && (
          <div className="space-y-1">
            <label htmlFor="pause" className="flex min-h-11 cursor-pointer items-start gap-3 text-sm">
              <input id="pause" type="checkbox" name="pause" defaultChecked={asText(values.pause) === 'on'} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
              <span>
                <span className="font-semibold">Pause this mentorship now.</span> Reminders and check-ins stop. Your {partnerWord} sees only that the program
                coordinator has paused it for now — not that you asked, and not why.
              </span>
            </label>
            <FieldError id="pause-error" errors={errors.pause} />
          </div>
        )}
        <fieldset className="space-y-3">
          <legend className="sr-only">Being contacted</legend>
          <label htmlFor="contact" className="flex min-h-11 cursor-pointer items-start gap-3 text-sm">
            <input
              id="contact"
              type="checkbox"
              name="contact"
              checked={contact}
              onChange={(e) => setContact(e.target.checked)}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span className="font-semibold">I’d like the coordinator to contact me</span>
          </label>
          {contact && (
            <div className="space-y-3 border-l-2 border-stone-200 pl-4">
              <fieldset className="space-y-2" aria-describedby={errors.channel?.length ? 'channel-error' : undefined}>
                <legend className="text-sm font-semibold text-stone-800">How?</legend>
                <div className="flex flex-wrap gap-2">
                  {(['email', 'phone'] as const).map((c) => (
                    <label
                      key={c}
                      htmlFor={`channel-${c}`}
                      className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-stone-200 bg-white px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                    >
                      <input
                        id={`channel-${c}`}
                        type="radio"
                        name="channel"
                        value={c}
                        checked={channel === c}
                        onChange={() => setChannel(c)}
                        className="size-4 accent-brand-700"
                      />
                      {c === 'email' ? 'By email (the address you sign in with)' : 'By phone'}
                    </label>
                  ))}
                </div>
                <FieldError id="channel-error" errors={errors.channel} />
              </fieldset>
              {channel === 'phone' && (
                <Field id="phone" label="Phone number" errors={errors.phone}>
                  {(aria) => <Input {...aria} name="phone" type="tel" autoComplete="tel" maxLength={30} defaultValue={asText(values.phone)} />}
                </Field>
              )}
            </div>
          )}
        </fieldset>
      </div>
      <SubmitButton pendingText="Sending…">Send to the coordinators</SubmitButton>
    </form>
  );
}
