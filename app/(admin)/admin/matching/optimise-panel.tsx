'use client';
import Link from 'next/link';
import { useActionState, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { FieldError } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Table, Td, Th } from '@/components/ui/table';
import { PRIORITY_RULE } from '@/lib/matching/priority';
import { plural } from '@/lib/text';
import { optimiseAction, stagePairsAction, type OptimiseState, type PlanView, type StageState } from './actions';

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const points = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The "Optimise the whole pool" button and, once it has run, the plan to review and stage. */
export function OptimisePanel() {
  const [state, optimise] = useActionState(optimiseAction, {} as OptimiseState);
  return (
    <div className="space-y-4">
      <form action={optimise}>
        <SubmitButton pendingText="Optimising…">{state.plan ? 'Optimise again' : 'Optimise the whole pool'}</SubmitButton>
      </form>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {/* Keyed by run: a new plan starts with every pair checked and no earlier staging result. */}
      {state.plan && <PlanResult key={state.plan.runId} plan={state.plan} />}
    </div>
  );
}

function PlanResult({ plan }: { plan: PlanView }) {
  const [stage, stageAction] = useActionState(stagePairsAction, {} as StageState);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();
  const [count, setCount] = useState(plan.pairs.length);
  const staged = stage.outcome !== undefined && stage.runId === plan.runId;

  // React resets a form after its action; after an error the boxes are re-rendered from what the
  // server echoed back, so the selection is not silently changed (all checked before any submit).
  const submitted = stage.values ? asList(stage.values.pairs) : null;
  const [seen, setSeen] = useState(stage);
  const [round, setRound] = useState(0);
  if (seen !== stage) {
    setSeen(stage);
    setRound((r) => r + 1);
    setCount(submitted ? submitted.length : plan.pairs.length);
  }
  const isChecked = (key: string) => (submitted ? submitted.includes(key) : true);
  const names = new Map(plan.pairs.map((p) => [p.key, p]));

  const boxes = () => Array.from(formRef.current?.querySelectorAll<HTMLInputElement>('input[name="pairs[]"]') ?? []);
  const recount = () => setCount(boxes().filter((b) => b.checked).length);
  const selectAll = (checked: boolean) => {
    for (const b of boxes()) b.checked = checked;
    recount();
  };

  if (plan.waiting === 0) return <EmptyState title="No one is waiting for a mentor">Every approved student has a proposed or active pairing.</EmptyState>;

  return (
    <div className="space-y-5">
      <p role="status" className="sr-only">
        Plan ready: {plural(plan.pairs.length, 'pair', 'pairs')} for {plural(plan.waiting, 'waiting student', 'waiting students')}.
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Proposed pairs" value={`${plan.pairs.length} of ${plan.waiting}`} />
        <Stat label="Total score" value={points(plan.total)} />
        <Stat label="Identity preferences met" value={`${plan.identity.met} of ${plan.identity.asked}`} />
        <Stat label="Solve time" value={`${points(plan.ms)} ms`} />
      </dl>

      {plan.priority.length > 0 && (
        <section aria-labelledby={`${ids}-priority`} className="space-y-1 text-sm text-stone-700">
          <h3 id={`${ids}-priority`} className="text-base font-semibold text-stone-900">
            Who comes first
          </h3>
          <p>{PRIORITY_RULE}</p>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {plan.priority.map((t) => (
              <li key={t.tier}>
                {t.label}:{' '}
                <span className="font-medium text-stone-900">
                  {t.paired} of {t.waiting} paired
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.brokenLocks.length > 0 && (
        <Alert tone="warning" title={`${plural(plan.brokenLocks.length, 'lock', 'locks')} could not be honoured`}>
          <ul className="list-disc space-y-1 pl-5">
            {plan.brokenLocks.map((b, i) => (
              <li key={i}>
                {b.menteeName} with {b.mentorName}: {b.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {staged ? (
        <StageOutcome stage={stage} names={names} />
      ) : plan.pairs.length === 0 ? (
        <EmptyState title={plan.free.places === 0 ? 'No mentor has a free place' : 'No pair is possible right now'}>
          {plan.free.places === 0
            ? 'Every matchable physician is at capacity, paused or not yet approved and attested. Pairs become possible as places open.'
            : 'None of the free places fits anyone waiting. The reasons for each student are listed below.'}
        </EmptyState>
      ) : (
        <form ref={formRef} action={stageAction} className="space-y-4" noValidate>
          <input type="hidden" name="runId" value={plan.runId} />
          <Table caption="The optimiser’s plan: each waiting student with the physician it assigns">
            <thead key={`h${round}`}>
              <tr>
                <Th className="w-10">
                  <label htmlFor={`${ids}-all`} className="sr-only">
                    Select every pair
                  </label>
                  <input
                    id={`${ids}-all`}
                    type="checkbox"
                    defaultChecked={!submitted || submitted.length === plan.pairs.length}
                    className="size-5 accent-brand-700"
                    onChange={(e) => selectAll(e.target.checked)}
                  />
                </Th>
                <Th>Student</Th>
                <Th>Physician</Th>
                <Th>Score</Th>
              </tr>
            </thead>
            <tbody key={`b${round}`} className="divide-y divide-stone-100">
              {plan.pairs.map((p) => (
                <tr key={p.key}>
                  <Td>
                    <label htmlFor={`${ids}-${p.key}`} className="sr-only">
                      Stage {p.menteeName} with {p.mentorName}
                    </label>
                    <input
                      id={`${ids}-${p.key}`}
                      type="checkbox"
                      name="pairs[]"
                      value={p.key}
                      defaultChecked={isChecked(p.key)}
                      onChange={recount}
                      className="size-5 accent-brand-700"
                    />
                  </Td>
                  <Td className="min-w-40">
                    <Link href={`/admin/matching/${p.menteeId}`} className="font-semibold">
                      {p.menteeName}
                    </Link>
                  </Td>
                  <Td className="min-w-40">
                    {p.mentorName}
                    {p.locked && (
                      <span className="ml-2">
                        <Badge tone="good">Locked</Badge>
                      </span>
                    )}
                  </Td>
                  <Td className="min-w-56">
                    <details>
                      <summary className="cursor-pointer font-semibold">
                        {points(p.score)}
                        <span className="sr-only">: show how the score is made up</span>
                      </summary>
                      <ul className="mt-2 space-y-0.5 text-stone-700">
                        {p.lines.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p id={`${ids}-count`} className="text-sm text-stone-700" aria-live="polite">
            {plural(count, 'pair', 'pairs')} selected. Staging makes them proposals: nobody is told until you approve them under Pairings.
          </p>
          <FieldError id={stage.fieldErrors?.pairs ? `${ids}-error` : undefined} errors={stage.fieldErrors?.pairs} />
          {stage.message && !stage.fieldErrors && <Alert tone="error">{stage.message}</Alert>}
          <SubmitButton pendingText="Staging…" aria-describedby={stage.fieldErrors?.pairs ? `${ids}-count ${ids}-error` : `${ids}-count`}>
            Stage selected as proposals
          </SubmitButton>
        </form>
      )}

      {plan.unpaired.length > 0 && (
        <section aria-labelledby={`${ids}-unpaired`} className="space-y-2">
          <h3 id={`${ids}-unpaired`} className="text-base font-semibold text-stone-900">
            {plural(plan.unpaired.length, 'student stays', 'students stay')} unpaired in this plan
          </h3>
          <Table caption="Students the plan leaves unpaired, with the reason">
            <thead>
              <tr>
                <Th>Student</Th>
                <Th>Why</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {plan.unpaired.map((u) => (
                <tr key={u.menteeId}>
                  <Td className="min-w-40">
                    <Link href={`/admin/matching/${u.menteeId}`}>{u.name}</Link>
                  </Td>
                  <Td className="min-w-56">{u.reason}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      )}
    </div>
  );
}

function StageOutcome({ stage, names }: { stage: StageState; names: Map<string, { menteeName: string; mentorName: string }> }) {
  const outcome = stage.outcome!;
  return (
    <div className="space-y-3">
      <Alert tone={outcome.staged ? 'success' : 'error'} title={stage.message}>
        {outcome.staged > 0 && (
          <p>
            <Link href={stage.approveHref ?? '/admin/pairings?state=proposed'}>Review and approve the staged proposals</Link> (they are selected for you), or
            optimise again for the students still waiting.
          </p>
        )}
      </Alert>
      {outcome.failed.length > 0 && (
        <Alert tone="warning" title={`${plural(outcome.failed.length, 'pair was', 'pairs were')} not staged`}>
          <ul className="list-disc space-y-1 pl-5">
            {outcome.failed.map((f) => {
              const pair = names.get(`${f.menteeId}|${f.mentorId}`);
              return (
                <li key={`${f.menteeId}|${f.mentorId}`}>
                  {pair ? `${pair.menteeName} with ${pair.mentorName}` : 'A pair'}: {f.reason}
                </li>
              );
            })}
          </ul>
        </Alert>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="mt-1 text-xl font-bold text-stone-900">{value}</dd>
    </div>
  );
}
