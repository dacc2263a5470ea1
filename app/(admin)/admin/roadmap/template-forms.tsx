'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { cycleYearLabel, MONTHS, YEAR_OFFSETS } from '@/lib/roadmap/rules';
import type { TemplateItemView } from '@/lib/roadmap/template';
import { addTemplateItemAction, archiveTemplateItemAction, updateTemplateItemAction } from './actions';

type Values = Omit<TemplateItemView, 'id'>;

/** The fields of one template item; `prefix` keeps ids unique when many forms share the page. */
function RuleFields({ prefix, values, state }: { prefix: string; values: Values; state: ActionState }) {
  const errors = state.fieldErrors ?? {};
  const typed = (key: string, fallback: string | number | null) =>
    !state.ok && typeof state.values?.[key] === 'string' ? (state.values[key] as string) : fallback === null ? '' : String(fallback);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="space-y-4">
      <Field id={id('title')} label="Title" errors={errors.title}>
        {(aria) => <Input {...aria} name="title" maxLength={120} required defaultValue={typed('title', values.title)} />}
      </Field>
      <Field id={id('description')} label="Description" optional errors={errors.description}>
        {(aria) => <Textarea {...aria} name="description" maxLength={1000} rows={2} defaultValue={typed('description', values.description)} />}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-stone-800">Target date, relative to the student’s cycle year C</legend>
        <div className="grid grid-cols-[1fr_1fr] gap-3 sm:grid-cols-3">
          <Field id={id('month')} label="Month" errors={errors.month}>
            {(aria) => (
              <Select {...aria} name="month" defaultValue={typed('month', values.month)}>
                {MONTHS.map((m, i) => (
                  <option key={m} value={i + 1}>
                    {m}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id={id('day')} label="Day" errors={errors.day}>
            {(aria) => <Input {...aria} name="day" inputMode="numeric" required defaultValue={typed('day', values.day)} />}
          </Field>
          <Field id={id('yearOffset')} label="Year" errors={errors.yearOffset}>
            {(aria) => (
              <Select {...aria} name="yearOffset" defaultValue={typed('yearOffset', values.yearOffset)}>
                {YEAR_OFFSETS.map((o) => (
                  <option key={o} value={o}>
                    {`of ${cycleYearLabel(o)}`}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </fieldset>
      <Field id={id('position')} label="Order" hint="Lower numbers come first where two dates are equal, and in this list." errors={errors.position}>
        {(aria) => <Input {...aria} name="position" inputMode="numeric" required className="max-w-32" defaultValue={typed('position', values.position)} />}
      </Field>
    </div>
  );
}

export function EditTemplateItem({ item }: { item: TemplateItemView }) {
  const [state, action] = useActionState(updateTemplateItemAction, {} as ActionState);
  const [removal, remove] = useActionState(archiveTemplateItemAction, {} as ActionState & { confirmKey?: string; confirmTitle?: string });
  const [cancelled, setCancelled] = useState<object | null>(null);
  return (
    <details className="mt-2 text-sm" open={!!state.fieldErrors || undefined}>
      <summary className="cursor-pointer font-semibold text-brand-800">Edit or remove</summary>
      <div className="mt-3 space-y-4 rounded-md border border-stone-200 bg-stone-50 p-3">
        <form action={action} className="space-y-4" noValidate>
          {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
          <input type="hidden" name="itemId" value={item.id} />
          <RuleFields prefix={`t${item.id}`} values={item} state={state} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            Save item
          </SubmitButton>
        </form>
        <form action={remove} className="border-t border-stone-200 pt-3">
          <input type="hidden" name="itemId" value={item.id} />
          {removal.message && <Alert tone={removal.ok ? 'success' : 'error'}>{removal.message}</Alert>}
          {removal.confirmKey && cancelled !== removal ? (
            <ConfirmStep
              question={`Remove “${removal.confirmTitle}” from the template?`}
              confirmKey={removal.confirmKey}
              confirmLabel="Yes, remove it"
              pendingText="Removing…"
              danger
              onCancel={() => setCancelled(removal)}
            >
              New roadmaps will not include it. Roadmaps already made keep it, with their ticks.
            </ConfirmStep>
          ) : (
            <SubmitButton variant="ghost" pendingText="Checking…">
              Remove from the template
            </SubmitButton>
          )}
        </form>
      </div>
    </details>
  );
}

export function AddTemplateItem({ position }: { position: number }) {
  const [state, action] = useActionState(addTemplateItemAction, {} as ActionState);
  return (
    <form key={state.ok ? String(state.message) : 'form'} action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <RuleFields prefix="new" values={{ position, title: '', description: null, yearOffset: 0, month: 1, day: 1 }} state={state} />
      <SubmitButton pendingText="Adding…">Add to the template</SubmitButton>
    </form>
  );
}
