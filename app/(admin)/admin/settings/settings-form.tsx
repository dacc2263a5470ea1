'use client';
import { useActionState, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { saveSettingsAction } from './actions';

type NumberSetting = { name: string; label: string; hint: string; value: number; min: number; max: number };
type Weight = { name: string; label: string; defaultValue: number; value: number };

type Props = { settings: NumberSetting[]; weights: Weight[]; weightLimits: { min: number; max: number } };

const asText = (v: string | string[] | undefined, fallback: number) => (typeof v === 'string' ? v : String(fallback));

/** Program settings and matching weights, saved together (one audit row with before and after). */
export function SettingsForm({ settings, weights, weightLimits }: Props) {
  const [state, action] = useActionState(saveSettingsAction, {} as ActionState);
  const weightsRef = useRef<HTMLFieldSetElement>(null);
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};

  // Fills the boxes only; nothing changes until the form is saved.
  const fillDefaults = () => {
    for (const w of weights) {
      const input = weightsRef.current?.querySelector<HTMLInputElement>(`input[name="${w.name}"]`);
      if (input) input.value = String(w.defaultValue);
    }
  };

  return (
    <form action={action} className="space-y-6" noValidate>
      {/* Keyed so the boxes show what the server sent back, or the saved values after a save. */}
      <div key={JSON.stringify([values, settings, weights])} className="space-y-6">
        <fieldset className="space-y-4">
          <legend className="text-base font-semibold text-stone-900">Terms and meeting cadence</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {settings.map((s) => (
              <Field key={s.name} id={s.name} label={s.label} hint={s.hint} errors={errors[s.name]}>
                {(aria) => (
                  <Input
                    {...aria}
                    name={s.name}
                    type="number"
                    inputMode="numeric"
                    min={s.min}
                    max={s.max}
                    step={1}
                    required
                    defaultValue={asText(values[s.name], s.value)}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset ref={weightsRef} className="space-y-4">
          <legend className="text-base font-semibold text-stone-900">Matching weights</legend>
          <p className="max-w-prose text-sm text-stone-700">
            Each weight ({weightLimits.min}–{weightLimits.max}) is the most points a criterion can add to a suggestion’s score. Set one to 0 to ignore it. Hard rules
            (approval, attestation, capacity, exclusions, a required identity match) are not weights and always apply.
          </p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {weights.map((w) => (
              <Field key={w.name} id={w.name} label={w.label} hint={`Default ${w.defaultValue}`} errors={errors[w.name]}>
                {(aria) => (
                  <Input
                    {...aria}
                    name={w.name}
                    type="number"
                    inputMode="decimal"
                    min={weightLimits.min}
                    max={weightLimits.max}
                    step="any"
                    required
                    defaultValue={asText(values[w.name], w.value)}
                  />
                )}
              </Field>
            ))}
          </div>
          <Button variant="ghost" onClick={fillDefaults}>
            Fill in the default weights
          </Button>
        </fieldset>
      </div>
      {state.message && <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>}
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
