'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { cn } from '@/components/ui/cn';
import type { ActionState } from '@/lib/actions';
import { editRoadmapItemAction, removeRoadmapItemAction, tickRoadmapItemAction } from '@/lib/roadmap/actions';
import type { ItemView } from './view';

const STATUS_BADGE = {
  overdue: <Badge tone="bad">Overdue</Badge>,
  earlier: <Badge tone="neutral">From before the pairing</Badge>,
  soon: <Badge tone="warn">Due soon</Badge>,
  done: <Badge tone="good">Done</Badge>,
  open: null,
} as const;

/** One checklist item: its tick, and for members a small edit / remove panel. */
export function ItemRow({ item, editable }: { item: ItemView; editable: boolean }) {
  const done = item.status === 'done';
  return (
    <li className="flex gap-3 py-4" data-testid="roadmap-item">
      {editable ? (
        <TickButton item={item} />
      ) : (
        <span
          aria-hidden
          className={cn(
            'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded border text-sm',
            done ? 'border-emerald-700 bg-emerald-700 text-white' : 'border-stone-400',
          )}
        >
          {done ? '✓' : ''}
        </span>
      )}
      <div className="min-w-0 flex-1 space-y-1">
        <p className={cn('font-semibold break-words', done ? 'text-stone-600' : 'text-stone-900')}>{item.title}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <span>
            Target: <time dateTime={item.targetDate}>{item.targetText}</time>
          </span>
          {STATUS_BADGE[item.status]}
        </p>
        {item.doneText && <p className="text-sm text-emerald-800">{item.doneText}</p>}
        {item.description && <p className="text-sm whitespace-pre-line text-stone-600">{item.description}</p>}
        {item.addedText && <p className="text-xs text-stone-500">{item.addedText}</p>}
        {editable && <EditPanel item={item} />}
      </div>
    </li>
  );
}

function TickButton({ item }: { item: ItemView }) {
  const [state, action] = useActionState(tickRoadmapItemAction, {} as ActionState);
  const done = item.status === 'done';
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="done" value={done ? 'no' : 'yes'} />
      <button
        type="submit"
        aria-pressed={done}
        aria-label={done ? `Mark “${item.title}” as not done` : `Mark “${item.title}” as done`}
        className={cn(
          'flex size-11 items-center justify-center rounded-md border-2 text-xl font-bold focus:outline-2 focus:outline-offset-2 focus:outline-brand-700',
          done
            ? 'border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800'
            : 'border-stone-400 bg-white text-transparent hover:border-brand-700 hover:text-stone-300',
        )}
      >
        ✓
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="mt-1 w-24 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

function EditPanel({ item }: { item: ItemView }) {
  const [state, edit] = useActionState(editRoadmapItemAction, {} as ActionState);
  const [removal, remove] = useActionState(removeRoadmapItemAction, {} as ActionState & { confirmKey?: string; confirmTitle?: string });
  // The answer the person cancelled; a new answer (a new object) asks again.
  const [cancelled, setCancelled] = useState<object | null>(null);
  const errors = state.fieldErrors ?? {};
  const typed = (key: string, fallback: string) => (!state.ok && typeof state.values?.[key] === 'string' ? (state.values[key] as string) : fallback);
  const id = (name: string) => `${name}-${item.id}`;
  return (
    <details className="pt-1 text-sm" open={!!state.fieldErrors || undefined}>
      <summary className="cursor-pointer font-semibold text-brand-800">Edit or remove</summary>
      <div className="mt-3 space-y-4 rounded-md border border-stone-200 bg-stone-50 p-3">
        <form action={edit} className="space-y-3" noValidate>
          {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
          <input type="hidden" name="itemId" value={item.id} />
          <Field id={id('title')} label="Title" errors={errors.title}>
            {(aria) => <Input {...aria} name="title" maxLength={120} required defaultValue={typed('title', item.title)} />}
          </Field>
          <Field id={id('targetDate')} label="Target date" errors={errors.targetDate}>
            {(aria) => <Input {...aria} name="targetDate" type="date" required defaultValue={typed('targetDate', item.targetDate)} />}
          </Field>
          <SubmitButton variant="secondary" pendingText="Saving…">
            Save changes
          </SubmitButton>
        </form>
        <form action={remove} className="border-t border-stone-200 pt-3">
          <input type="hidden" name="itemId" value={item.id} />
          {removal.message && <Alert tone={removal.ok ? 'success' : 'error'}>{removal.message}</Alert>}
          {removal.confirmKey && cancelled !== removal ? (
            <ConfirmStep
              question={`Remove “${removal.confirmTitle}” from your roadmap?`}
              confirmKey={removal.confirmKey}
              confirmLabel="Yes, remove it"
              pendingText="Removing…"
              danger
              onCancel={() => setCancelled(removal)}
            >
              You both stop seeing it. The coordinator keeps a record of who removed it.
            </ConfirmStep>
          ) : (
            <SubmitButton variant="ghost" pendingText="Checking…">
              Remove this item
            </SubmitButton>
          )}
        </form>
      </div>
    </details>
  );
}
