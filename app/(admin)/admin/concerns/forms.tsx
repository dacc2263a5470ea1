'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, FieldError, Select, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome } from '@/lib/safety/copy';
import { addConcernNoteAction, assignConcernAction, resolveConcernAction } from './actions';

const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export function AssignForm({ concernId, admins, assignedTo }: { concernId: number; admins: { id: string; name: string }[]; assignedTo: string | null }) {
  const [state, action] = useActionState(assignConcernAction, {} as ActionState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="concernId" value={concernId} />
      <Field id="assigneeId" label="Assigned to" errors={state.fieldErrors?.assigneeId}>
        {(aria) => (
          <Select {...aria} name="assigneeId" defaultValue={asText(state.values?.assigneeId) || assignedTo || ''}>
            <option value="" disabled>
              Choose a coordinator…
            </option>
            {admins.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton variant="secondary" pendingText="Saving…">
        Assign
      </SubmitButton>
    </form>
  );
}

export function NoteForm({ concernId }: { concernId: number }) {
  const [state, action] = useActionState(addConcernNoteAction, {} as ActionState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="concernId" value={concernId} />
      <div key={JSON.stringify(values)}>
        <Field id="note-body" label="Add a private note" hint="Only coordinators can read notes." errors={state.fieldErrors?.body}>
          {(aria) => <Textarea {...aria} name="body" rows={3} maxLength={4000} defaultValue={asText(values.body)} />}
        </Field>
      </div>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton variant="secondary" pendingText="Saving…">
        Add note
      </SubmitButton>
    </form>
  );
}

type ResolveProps = { concernId: number; outcomes: ResolutionOutcome[]; mentorName: string | null };

/** Resolution text and what happens to the pairing, confirmed in a second step. */
export function ResolveForm({ concernId, outcomes, mentorName }: ResolveProps) {
  const [state, action] = useActionState(resolveConcernAction, {} as ActionState);
  const [seen, setSeen] = useState(state);
  const [cancelled, setCancelled] = useState(false);
  if (seen !== state) {
    setSeen(state);
    setCancelled(false);
  }
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  const values = state.values ?? {};
  const confirming = values.step === 'confirm' && !!values.confirm && !cancelled;
  const outcome = (asText(values.outcome) || 'none') as ResolutionOutcome;
  return (
    <form action={action} onChange={() => setCancelled(true)} className="space-y-4" noValidate>
      <input type="hidden" name="concernId" value={concernId} />
      <div key={JSON.stringify(values)} className="space-y-4">
        <fieldset className="space-y-2" aria-describedby={state.fieldErrors?.outcome?.length ? 'outcome-error' : undefined}>
          <legend className="text-sm font-semibold text-stone-800">What happens to the pairing</legend>
          {outcomes.map((o) => (
            <label key={o} htmlFor={`outcome-${o}`} className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
              <input id={`outcome-${o}`} type="radio" name="outcome" value={o} defaultChecked={outcome === o} className="size-4 accent-brand-700" />
              {o === 'withdrew-mentor' && mentorName ? RESOLUTION_OUTCOMES[o].replace('the physician', mentorName) : RESOLUTION_OUTCOMES[o]}
            </label>
          ))}
          <FieldError id="outcome-error" errors={state.fieldErrors?.outcome} />
        </fieldset>
        <Field
          id="resolution"
          label="Resolution"
          hint="What was done and agreed. Kept with the concern; members do not see it."
          errors={state.fieldErrors?.resolution}
        >
          {(aria) => <Textarea {...aria} name="resolution" rows={3} maxLength={4000} defaultValue={asText(values.resolution)} />}
        </Field>
      </div>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      {confirming ? (
        <ConfirmStep
          question={
            outcome === 'ended-rematch'
              ? 'End the pairing and resolve the concern?'
              : outcome === 'withdrew-mentor'
                ? `Withdraw ${mentorName ?? 'the physician'} from the program and resolve the concern?`
                : 'Resolve the concern?'
          }
          confirmKey={asText(values.confirm)}
          confirmLabel={outcome === 'ended-rematch' ? 'Yes, end it and resolve' : outcome === 'withdrew-mentor' ? 'Yes, withdraw and resolve' : 'Yes, resolve'}
          pendingText="Saving…"
          danger={outcome === 'ended-rematch' || outcome === 'withdrew-mentor'}
          onCancel={() => setCancelled(true)}
        >
          {outcome === 'ended-rematch'
            ? 'This cannot be undone. Both people are emailed that the mentorship has ended (never why), and the student goes to the top of the waitlist.'
            : outcome === 'withdrew-mentor'
              ? 'This cannot be undone here. Every pairing of theirs ends; each student is told, in neutral words, that their mentor has stepped back, and goes to the top of the waitlist. The physician is told only that their participation has ended and that you will contact them.'
              : outcome === 'resumed'
              ? 'The pause is lifted: reminders and check-ins start again, and the pause message disappears from both portals.'
              : 'The concern moves to Resolved.'}
        </ConfirmStep>
      ) : (
        <SubmitButton pendingText="Checking…">Resolve…</SubmitButton>
      )}
    </form>
  );
}
