import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { StackLabels } from './table-labels';

/**
 * A data table. On a phone (< 640 px) each row becomes a card, every cell under its column's name
 * (globals.css, `.stack-table`), so the score or status is readable without sideways scrolling; on
 * wider screens it is an ordinary table that scrolls sideways inside its frame if it must.
 * `stack={false}` keeps the table form at every width (a small grid that fits a phone as it is).
 */
export function Table({ caption, children, className, stack = true }: { caption?: ReactNode; children: ReactNode; className?: string; stack?: boolean }) {
  return (
    <div className={cn('relative overflow-x-auto rounded-lg border border-stone-200 bg-white', stack && 'stack-table')}>
      <table className={cn('min-w-full divide-y divide-stone-200 text-left text-sm', className)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
      {stack && <StackLabels />}
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return <th scope="col" className={cn('bg-stone-50 px-3 py-2.5 font-semibold text-stone-700', className)} {...props} />;
}

/** A cell; `label` names it on a phone's card when the column header is not plain text. */
export function Td({ className, label, ...props }: ComponentProps<'td'> & { label?: string }) {
  return <td data-label={label} className={cn('px-3 py-2.5 align-top text-stone-800', className)} {...props} />;
}
