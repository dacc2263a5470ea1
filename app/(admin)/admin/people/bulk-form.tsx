'use client';
import Link from 'next/link';
import { useActionState, useId, useRef, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, FieldError, Select, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Table, Td, Th } from '@/components/ui/table';
import { useSelection } from '@/components/ui/use-selection';
import type { ActionState } from '@/lib/actions';
import { plural } from '@/lib/text';
import { decideSelectedAction } from './actions';
import { decisionCopy, DECISION_OPTIONS } from './copy';

/** One row, already formatted on the server. */
export type BulkRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  status: { label: string; tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' };
  registered: string;
  waiting: string;
  attested: string;
  paused: string;
  /** Only people who can be decided on get a checkbox. */
  decidable: boolean;
};

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const asText = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/**
 * The people table with a checkbox per row and one decision for everyone selected. The server
 * asks for confirmation first ("Approve 4 people?"), so the step holds without JavaScript too.
 */
export function BulkDecisionForm({ rows, caption }: { rows: BulkRow[]; caption: string }) {
  const [state, action] = useActionState(decideSelectedAction, {} as ActionState);
  const formRef = useRef<HTMLFormElement>(null);
  const countId = useId();

  // After a success nothing stays checked; after an error, what the server echoed back.
  const kept = new Set(state.ok ? [] : asList(state.values?.ids));
  const { round, count, cancelled, setCancelled, recount, selectAll } = useSelection(state, kept, formRef);
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    if ((e.target as HTMLInputElement).name === 'ids[]') recount();
    // Any change (people, decision, reason) means the question on screen no longer applies. The
    // server would ask again anyway: the confirmation key would not match.
    setCancelled(true);
  };

  const values = state.ok ? {} : (state.values ?? {});
  const confirming = values.step === 'confirm' && !!values.confirm && !cancelled;
  const chosen = decisionCopy(asText(values.decision));
  const decidable = rows.filter((r) => r.decidable).length;

  return (
    <form ref={formRef} action={action} onChange={onChange} className="space-y-4" noValidate>
      <Table caption={caption}>
        <thead key={`h${round}`}>
          <tr>
            <Th className="w-10">
              {decidable > 0 && (
                <>
                  <label htmlFor={`${countId}-all`} className="sr-only">
                    Select everyone on this page who can be decided on
                  </label>
                  <input id={`${countId}-all`} type="checkbox" className="size-5 accent-brand-700" onChange={(e) => selectAll(e.target.checked)} />
                </>
              )}
            </Th>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Registered</Th>
            <Th>Waiting</Th>
            <Th>Attested</Th>
            <Th>Paused</Th>
          </tr>
        </thead>
        <tbody key={`b${round}`} className="divide-y divide-stone-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <Td>
                {r.decidable ? (
                  <>
                    <label htmlFor={`pick-${r.id}`} className="sr-only">
                      Select {r.name}
                    </label>
                    <input
                      id={`pick-${r.id}`}
                      type="checkbox"
                      name="ids[]"
                      value={r.id}
                      defaultChecked={kept.has(r.id)}
                      className="size-5 accent-brand-700"
                    />
                  </>
                ) : (
                  <span className="sr-only">Cannot be decided on</span>
                )}
              </Td>
              <Td className="min-w-48">
                <Link href={`/admin/people/${r.id}`} className="font-semibold">
                  {r.name}
                </Link>
                <span className="block break-all text-xs text-stone-600">{r.email}</span>
              </Td>
              <Td>{r.role}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={r.status.tone}>{r.status.label}</Badge>
              </Td>
              <Td className="whitespace-nowrap">{r.registered}</Td>
              <Td className="whitespace-nowrap">{r.waiting}</Td>
              <Td>{r.attested}</Td>
              <Td className="whitespace-nowrap">{r.paused}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold text-stone-900">Decide for the selected people</legend>
        <p id={countId} className="text-sm text-stone-700" aria-live="polite">
          {plural(count, 'person', 'people')} selected.
        </p>
        <FieldError id={state.fieldErrors?.ids ? 'ids-error' : undefined} errors={state.fieldErrors?.ids} />
        <div key={`d${round}`} className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
          <Field id="bulk-decision" label="Decision" errors={state.fieldErrors?.decision}>
            {(aria) => (
              <Select {...aria} name="decision" defaultValue={asText(values.decision)} required>
                <option value="">Choose…</option>
                {DECISION_OPTIONS.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="bulk-reason" label="Reason" optional hint="Required to decline. It is included in the email each person receives." errors={state.fieldErrors?.reason}>
            {(aria) => <Textarea {...aria} name="reason" rows={2} maxLength={500} defaultValue={asText(values.reason)} />}
          </Field>
        </div>

        {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}

        {confirming && chosen ? (
          <ConfirmStep
            question={`${chosen.verb} ${plural(asList(values.ids).length, 'person', 'people')}?`}
            confirmKey={asText(values.confirm)}
            confirmLabel={`Yes, ${chosen.verb.toLowerCase()} ${plural(asList(values.ids).length, 'person', 'people')}`}
            pendingText="Saving…"
            onCancel={() => setCancelled(true)}
          >
            Each of them gets an email with the decision{asText(values.reason) ? ' and your reason' : ''}. This cannot be taken back
            silently: a later change sends another email.
          </ConfirmStep>
        ) : (
          <SubmitButton variant="secondary" pendingText="Checking…" aria-describedby={state.fieldErrors?.ids ? `${countId} ids-error` : countId}>
            Review decision
          </SubmitButton>
        )}
      </fieldset>
    </form>
  );
}
