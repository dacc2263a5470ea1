import { FieldError } from '@/components/ui/field';
import { DAYS, TIMES } from '@/lib/registration/options';

/** Weekday/weekend × morning/afternoon/evening, as a grid of labelled checkboxes. */
export function AvailabilityGrid({ selected, errors }: { selected: string[]; errors?: string[] }) {
  const chosen = new Set(selected);
  const errorId = errors?.length ? 'availability-error' : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-2">
      <legend className="text-sm font-semibold text-stone-800">When are you usually free?</legend>
      <p className="text-sm text-stone-600">Tick every time that usually works. It helps pair you with someone whose week fits yours.</p>
      <div className="relative overflow-x-auto">
        <table className="text-sm">
          <thead>
            <tr>
              <td />
              {TIMES.map((t) => (
                <th key={t.value} scope="col" className="px-2 pb-1 text-center font-medium text-stone-700">
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d) => (
              <tr key={d.value}>
                <th scope="row" className="pr-3 text-left font-medium text-stone-700">
                  {d.label}
                </th>
                {TIMES.map((t) => {
                  const value = `${d.value}-${t.value}`;
                  return (
                    <td key={value} className="px-2 py-1 text-center">
                      <label className="inline-flex size-11 cursor-pointer items-center justify-center rounded-md border border-stone-200 bg-white has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                        <input
                          type="checkbox"
                          name="availability[]"
                          value={value}
                          defaultChecked={chosen.has(value)}
                          aria-label={`${d.label}, ${t.label.toLowerCase()}`}
                          className="size-4 accent-brand-700"
                        />
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
