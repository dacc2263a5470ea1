'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { saveProgramIdentityAction } from './actions';

/** The program's name (landing page, portals, every email) and the time zone its calendar runs in. */
export function IdentityForm({ programName, timeZone, zones }: { programName: string; timeZone: string; zones: string[] }) {
  const [state, action] = useActionState(saveProgramIdentityAction, {} as ActionState);
  const errors = state.fieldErrors ?? {};
  const typed = (key: string, fallback: string) => (!state.ok && typeof state.values?.[key] === 'string' ? (state.values[key] as string) : fallback);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="programName" label="Program name" hint="Shown on the home page, in the portals and at the top of every email." errors={errors.programName}>
          {(aria) => <Input {...aria} name="programName" maxLength={120} required defaultValue={typed('programName', programName)} />}
        </Field>
        <Field id="timeZone" label="Time zone" hint="The program’s calendar: “today”, due dates, and the daily reminders at 7:00." errors={errors.timeZone}>
          {(aria) => (
            <Select {...aria} name="timeZone" defaultValue={typed('timeZone', timeZone)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <SubmitButton pendingText="Saving…">Save name and time zone</SubmitButton>
    </form>
  );
}
