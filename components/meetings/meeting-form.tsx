'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, Input, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { correctMeetingAction, deleteMeetingAction, logMeetingAction } from '@/lib/meetings/actions';
import { MEETING_MINUTES_BOUNDS, MEETING_NOTE_MAX } from '@/lib/meetings/limits';
import { HELP_AREAS, MEETING_FORMATS } from '@/lib/registration/options';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

export type MeetingDefaults = { date: string; format: string; durationMinutes: string; topics: string[]; note: string };

type Props =
  | { mode: 'log'; pairingId: number; today: string; defaults: MeetingDefaults; idPrefix?: string }
  | { mode: 'correct'; meetingId: number; today: string; defaults: MeetingDefaults; idPrefix?: string };

/**
 * The meeting form: log a new meeting (or confirm the other member's entry for the same day), or
 * correct one's own entry. After an error the typed values come back from the server.
 */
export function MeetingForm(props: Props) {
  const [state, action] = useActionState(props.mode === 'log' ? logMeetingAction : correctMeetingAction, {} as ActionState);
  const p = props.idPrefix ?? (props.mode === 'log' ? 'log' : `m${props.meetingId}`);
  // After a success the form starts again from the defaults; after an error, from what was typed.
  const v = state.ok ? undefined : state.values;
  const values = {
    date: v ? asText(v.date) : props.defaults.date,
    format: v ? asText(v.format) : props.defaults.format,
    durationMinutes: v ? asText(v.durationMinutes) : props.defaults.durationMinutes,
    topics: v ? asList(v.topics) : props.defaults.topics,
    note: v ? asText(v.note) : props.defaults.note,
  };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {props.mode === 'log' ? <input type="hidden" name="pairingId" value={props.pairingId} /> : <input type="hidden" name="meetingId" value={props.meetingId} />}
      {state.ok ? state.message && <Alert tone="success">{state.message}</Alert> : <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />}
      <div key={JSON.stringify(state)} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-date`} label="Day you met" errors={errors.date}>
            {(aria) => <Input {...aria} type="date" name="date" max={props.today} defaultValue={values.date} required />}
          </Field>
          <Field id={`${p}-duration`} label="Length in minutes" errors={errors.durationMinutes}>
            {(aria) => (
              <Input
                {...aria}
                type="number"
                name="durationMinutes"
                inputMode="numeric"
                min={MEETING_MINUTES_BOUNDS.min}
                max={MEETING_MINUTES_BOUNDS.max}
                step={5}
                defaultValue={values.durationMinutes}
                required
              />
            )}
          </Field>
        </div>
        <ChoiceGroup name="format" legend="How did you meet?" type="radio" options={MEETING_FORMATS} selected={values.format} errors={errors.format} columns={3} />
        <ChoiceGroup
          name="topics"
          legend="What did you talk about?"
          hint="Choose all that apply."
          options={HELP_AREAS}
          selected={values.topics}
          errors={errors.topics}
        />
        <Field id={`${p}-note`} label="Note" optional hint="Shared with the other member of your pairing." errors={errors.note}>
          {(aria) => <Textarea {...aria} name="note" rows={3} maxLength={MEETING_NOTE_MAX} defaultValue={values.note} />}
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">{props.mode === 'log' ? 'Log meeting' : 'Save correction'}</SubmitButton>
    </form>
  );
}

/** Deletes one's own entry, after "Yes, delete it". */
export function DeleteMeetingForm({ meetingId, day }: { meetingId: number; day: string }) {
  const [state, action] = useActionState(deleteMeetingAction, {} as ActionState);
  const [seen, setSeen] = useState(state);
  const [cancelled, setCancelled] = useState(false);
  if (seen !== state) {
    setSeen(state);
    setCancelled(false);
  }
  const values = state.values ?? {};
  const confirming = values.step === 'confirm' && !!values.confirm && !cancelled;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      {confirming ? (
        <ConfirmStep
          question={`Delete your entry for ${day}?`}
          confirmKey={asText(values.confirm)}
          confirmLabel="Yes, delete it"
          pendingText="Deleting…"
          danger
          onCancel={() => setCancelled(true)}
        >
          It disappears from both of your lists. The coordinator keeps a record that it was deleted.
        </ConfirmStep>
      ) : (
        !state.ok && (
          <SubmitButton variant="secondary" pendingText="Checking…">
            Delete this entry
          </SubmitButton>
        )
      )}
    </form>
  );
}
