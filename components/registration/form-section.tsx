import type { ReactNode } from 'react';

/**
 * One section of a long form. While registering, sections are numbered so a person sees where
 * they are; editing a profile later is not a sequence (total 0 hides the numbers).
 */
export function FormSection({ step, total, title, intro, children }: { step: number; total: number; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`step-${step}`} className="space-y-5 border-t border-stone-200 pt-6 first:border-t-0 first:pt-0">
      <div>
        {total > 0 && (
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-800">
            Step {step} of {total}
          </p>
        )}
        <h2 id={`step-${step}`} className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        {intro && <div className="mt-1 text-sm text-stone-600">{intro}</div>}
      </div>
      {children}
    </section>
  );
}
