'use client';
import Link from 'next/link';
import { useActionState, useId, useRef, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, FieldError, Input, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Table, Td, Th } from '@/components/ui/table';
import { useSelection } from '@/components/ui/use-selection';
import { plural } from '@/lib/text';
import { approveSelectedAction, type ApproveState } from './actions';
import { EndPairingForm } from './end-form';

/** One proposal, already formatted on the server. */
export type ProposedRow = {
  id: number;
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  score: string;
  lines: string[];
  proposed: string;
};

type Props = {
  rows: ProposedRow[];
  /** Proposals that start selected: the ones just staged from the matching page. */
  preselected?: number[];
  template: { subject: string; body: string };
  placeholders: { name: string; meaning: string }[];
  limits: { subjectMax: number; bodyMax: number };
};

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const asText = (v: string | string[] | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);

/**
 * Staged proposals with a checkbox each, and "Approve and release selected": an editor for the
 * introduction email, a preview filled in for the first selected pairing, then the confirmation.
 * The checkboxes sit in the table and join the form through its id, so each row can also hold its
 * own "Withdraw proposal" form (forms cannot nest).
 */
export function ProposedPanel({ rows, preselected = [], template, placeholders, limits }: Props) {
  const [state, action] = useActionState(approveSelectedAction, {} as ApproveState);
  const formId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // The proposals just staged start selected (they were staged to be approved); the selection then
  // survives the preview step, and is cleared after a release.
  const initial = state.values === undefined;
  const kept = new Set(initial ? preselected.map(String) : asList(state.values?.ids));
  const {
    round,
    count,
    cancelled,
    setCancelled,
    recount,
    selectAll: checkAll,
  } = useSelection(state, kept, wrapRef, rows.filter((r) => kept.has(String(r.id))).length);
  const selectAll = (checked: boolean) => {
    checkAll(checked);
    setCancelled(true);
  };
  // Any change to the selection or the email means the question on screen no longer applies (the
  // server would ask again anyway: the key would not match). Withdraw forms in the rows are ignored.
  const onChange = (e: FormEvent<HTMLDivElement>) => {
    const target = e.target as HTMLInputElement;
    if (target.form?.id !== formId) return;
    if (target.name === 'ids[]') recount();
    setCancelled(true);
  };
  const restoreDefaults = () => {
    if (subjectRef.current) subjectRef.current.value = template.subject;
    if (bodyRef.current) bodyRef.current.value = template.body;
    setCancelled(true);
  };

  const values = state.values ?? {};
  const confirming = values.step === 'confirm' && !!values.confirm && !cancelled && !!state.preview;
  const selected = asList(values.ids).length;
  const at = state.previewAt ?? 0;
  const editorOpen = confirming || !!state.fieldErrors?.subject || !!state.fieldErrors?.body || undefined;

  return (
    <div ref={wrapRef} onChange={onChange} className="space-y-5">
      <Table caption="Proposals waiting for approval, newest first">
        <thead key={`h${round}`}>
          <tr>
            <Th className="w-10">
              <label htmlFor={`${formId}-all`} className="sr-only">
                Select every proposal
              </label>
              <input
                id={`${formId}-all`}
                type="checkbox"
                className="size-5 accent-brand-700"
                defaultChecked={initial && rows.length > 0 && rows.every((r) => kept.has(String(r.id)))}
                onChange={(e) => selectAll(e.target.checked)}
              />
            </Th>
            <Th>Student</Th>
            <Th>Physician</Th>
            <Th>Score</Th>
            <Th>Proposed</Th>
            <Th>
              <span className="sr-only">Withdraw</span>
            </Th>
          </tr>
        </thead>
        <tbody key={`b${round}`} className="divide-y divide-stone-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <Td>
                <label htmlFor={`${formId}-${r.id}`} className="sr-only">
                  Select {r.menteeName} with {r.mentorName}
                </label>
                <input
                  id={`${formId}-${r.id}`}
                  type="checkbox"
                  name="ids[]"
                  value={r.id}
                  form={formId}
                  defaultChecked={kept.has(String(r.id))}
                  className="size-5 accent-brand-700"
                />
              </Td>
              <Td className="min-w-40">
                <Link href={`/admin/people/${r.menteeId}`} className="font-semibold">
                  {r.menteeName}
                </Link>
              </Td>
              <Td className="min-w-40">
                <Link href={`/admin/people/${r.mentorId}`}>{r.mentorName}</Link>
              </Td>
              <Td className="min-w-52">
                {r.lines.length ? (
                  <details>
                    <summary className="cursor-pointer font-semibold">
                      {r.score}
                      <span className="sr-only">: show how the score is made up</span>
                    </summary>
                    <ul className="mt-2 space-y-0.5 text-stone-700">
                      {r.lines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  r.score
                )}
              </Td>
              <Td className="whitespace-nowrap">{r.proposed}</Td>
              <Td className="min-w-52">
                <details>
                  <summary className="cursor-pointer text-sm font-semibold text-brand-800">
                    Withdraw
                    <span className="sr-only">
                      {' '}
                      the proposal of {r.menteeName} and {r.mentorName}
                    </span>
                  </summary>
                  <div className="mt-2">
                    <EndPairingForm pairingId={r.id} menteeName={r.menteeName} mentorName={r.mentorName} mode="withdraw" />
                  </div>
                </details>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {state.outcome && (
        <div className="space-y-3">
          <Alert tone={state.outcome.released ? 'success' : 'error'}>{state.message}</Alert>
          {state.outcome.failed.length > 0 && (
            <Alert tone="warning" title={`${plural(state.outcome.failed.length, 'pairing was', 'pairings were')} not released`}>
              <ul className="list-disc space-y-1 pl-5">
                {state.outcome.failed.map((f, i) => (
                  <li key={i}>
                    {f.name}: {f.reason}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </div>
      )}

      <form id={formId} action={action} className="space-y-4" noValidate>
        <details open={editorOpen} className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
          <summary className="cursor-pointer text-base font-semibold text-stone-900">Approve and release selected</summary>
          <div key={`e${round}`} className="mt-4 space-y-4">
            <p className="text-sm text-stone-700" aria-live="polite">
              {plural(count, 'proposal', 'proposals')} selected. Releasing makes each pairing active and emails both people this introduction, filled in for their
              pair.
            </p>
            <FieldError id={state.fieldErrors?.ids ? `${formId}-ids-error` : undefined} errors={state.fieldErrors?.ids} />
            <Field id={`${formId}-subject`} label="Subject" errors={state.fieldErrors?.subject}>
              {(aria) => (
                <Input
                  {...aria}
                  ref={subjectRef}
                  name="subject"
                  maxLength={limits.subjectMax}
                  defaultValue={asText(values.subject, template.subject)}
                  // Enter in a text box submits with the form's first button, which during the
                  // confirmation is "Yes, release": releasing must take a deliberate click.
                  onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
                />
              )}
            </Field>
            <Field id={`${formId}-body`} label="Email text" hint="Leave a blank line between paragraphs." errors={state.fieldErrors?.body}>
              {(aria) => <Textarea {...aria} ref={bodyRef} name="body" rows={14} maxLength={limits.bodyMax} defaultValue={asText(values.body, template.body)} />}
            </Field>
            <div className="rounded-md bg-stone-50 p-3 text-sm">
              <p className="font-semibold text-stone-800">Placeholders, filled in for each pair</p>
              <ul className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
                {placeholders.map((p) => (
                  <li key={p.name}>
                    <code className="font-mono text-brand-900">{`{${p.name}}`}</code> — {p.meaning}
                  </li>
                ))}
              </ul>
            </div>
            <Button variant="ghost" onClick={restoreDefaults}>
              Restore the default email
            </Button>

            {state.message && !state.ok && !state.outcome && <Alert tone="error">{state.message}</Alert>}

            {confirming && state.preview ? (
              <>
                <section aria-labelledby={`${formId}-preview`} className="space-y-2 rounded-md border border-stone-300 p-4">
                  <h3 id={`${formId}-preview`} className="font-semibold text-stone-900">
                    {selected > 1 && `Email ${at + 1} of ${selected}: `}Preview for {state.preview.menteeName} and {state.preview.mentorName}
                  </h3>
                  <p className="text-sm text-stone-600">To {state.preview.to.join(' and ')}</p>
                  <p className="font-semibold break-words">{state.preview.subject}</p>
                  <div className="max-w-prose text-sm break-words whitespace-pre-line text-stone-800">{state.preview.body}</div>
                  {selected > 1 && (
                    <div role="group" aria-label="Page through each pair's email" className="flex flex-wrap gap-2 pt-2">
                      <SubmitButton name="previewAt" value={String(at - 1)} variant="secondary" disabled={at === 0} pendingText="Loading…">
                        ← Previous pair
                      </SubmitButton>
                      <SubmitButton name="previewAt" value={String(at + 1)} variant="secondary" disabled={at >= selected - 1} pendingText="Loading…">
                        Next pair →
                      </SubmitButton>
                    </div>
                  )}
                </section>
                <ConfirmStep
                  question={`Release ${plural(selected, 'pairing', 'pairings')}? Both people in each pair will be emailed.`}
                  confirmKey={asText(values.confirm, '')}
                  confirmLabel={`Yes, release ${plural(selected, 'pairing', 'pairings')}`}
                  pendingText="Releasing…"
                  onCancel={() => setCancelled(true)}
                />
              </>
            ) : (
              <SubmitButton variant="secondary" pendingText="Preparing the preview…">
                Preview the email
              </SubmitButton>
            )}
          </div>
        </details>
      </form>
    </div>
  );
}
