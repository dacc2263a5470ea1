'use client';
import { useEffect, useRef, type MouseEvent } from 'react';

/**
 * The GOV.UK error summary: after a failed submit of a long form, focus moves to a box at the top
 * that names every problem and links to its field, instead of leaving the errors thousands of
 * pixels above the view. Each link focuses the field (or the first box of a checkbox group).
 */
export function ErrorSummary({ message, fieldErrors }: { message?: string; fieldErrors?: Record<string, string[] | undefined> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length && e[0] !== '_form');
  const shown = !!message || entries.length > 0;

  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [shown]);

  if (!shown) return null;
  const target = (name: string) =>
    document.getElementById(name) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"], [name="${CSS.escape(name)}[]"]`);
  const jump = (name: string) => (e: MouseEvent) => {
    const el = target(name);
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  };

  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-4 text-red-950 focus:outline-3 focus:outline-offset-2 focus:outline-red-700">
      <h2 id="error-summary-title" className="text-base font-bold">
        There {entries.length === 1 ? 'is a problem' : 'are problems'} — nothing was saved yet
      </h2>
      {message && <p className="mt-1 text-sm">{message}</p>}
      {entries.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {entries.map(([name, errors]) => (
            <li key={name}>
              <a href={`#${name}`} onClick={jump(name)} className="font-semibold text-red-800 underline">
                {errors.join(' ')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
