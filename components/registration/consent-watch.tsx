'use client';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/** The identity answers that are dropped without consent (the mentee's matching preference is not one). */
const ANSWER_NAMES = ['races[]', 'selfDescription', 'preferNotToAnswer', 'gender'];

export const UNCONSENTED_MESSAGE =
  'You answered the identity questions but did not tick consent, so they will not be kept. Tick consent, or clear the answers.';

/**
 * Watches the identity section: answers typed while the consent box is unticked would be dropped,
 * so say so before submitting, with a button that clears them. The server refuses the same case
 * with the same words (identitySchema), so nothing is lost in silence either way.
 */
export function ConsentWatch({ children, serverError }: { children: ReactNode; serverError?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [unconsented, setUnconsented] = useState(false);

  const check = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const consent = root.querySelector<HTMLInputElement>('input[name="identityConsent"]')?.checked ?? false;
    const answered = ANSWER_NAMES.some((n) =>
      Array.from(root.querySelectorAll<HTMLInputElement>(`input[name="${n}"]`)).some((i) => (i.type === 'checkbox' ? i.checked : i.value.trim() !== '')),
    );
    setUnconsented(answered && !consent);
  }, []);

  useEffect(check, [check]);

  const clear = () => {
    const root = ref.current;
    if (!root) return;
    for (const n of ANSWER_NAMES)
      for (const i of root.querySelectorAll<HTMLInputElement>(`input[name="${n}"]`)) {
        if (i.type === 'checkbox') i.checked = false;
        else i.value = '';
      }
    check();
  };

  return (
    <div ref={ref} onChange={check} onInput={check} className="space-y-6">
      {children}
      {(unconsented || serverError) && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p>{UNCONSENTED_MESSAGE}</p>
          <button type="button" onClick={clear} className="mt-2 min-h-11 rounded-md border border-amber-400 bg-white px-3 font-semibold hover:bg-amber-100">
            Clear my identity answers
          </button>
        </div>
      )}
    </div>
  );
}
