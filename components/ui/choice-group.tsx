import type { ReactNode } from 'react';
import { FieldError } from './field';
import { cn } from './cn';

type Props = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  /** Checked values (checkbox) or the one checked value (radio). */
  selected?: string[] | string;
  errors?: string[];
  type?: 'checkbox' | 'radio';
  optional?: boolean;
  columns?: 1 | 2 | 3;
};

/** A fieldset of checkboxes ("select all that apply") or radios, with its legend and error. */
export function ChoiceGroup({ name, legend, hint, options, selected, errors, type = 'checkbox', optional, columns = 2 }: Props) {
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  const errorId = errors?.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="text-sm font-semibold text-stone-800">
        {legend}
        {optional && <span className="font-normal text-stone-500"> (optional)</span>}
      </legend>
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      <div className={cn('grid gap-2', columns === 1 ? 'grid-cols-1' : columns === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2')}>
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <label
              key={o.value}
              htmlFor={id}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm hover:border-brand-600 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                id={id}
                type={type}
                name={type === 'checkbox' ? `${name}[]` : name}
                value={o.value}
                defaultChecked={chosen.has(o.value)}
                className="size-4 accent-brand-700"
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
