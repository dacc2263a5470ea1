import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** A table that scrolls sideways on a phone instead of breaking the page. */
export function Table({ caption, children, className }: { caption?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={cn('min-w-full divide-y divide-stone-200 text-left text-sm', className)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return <th scope="col" className={cn('bg-stone-50 px-3 py-2.5 font-semibold text-stone-700', className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-top text-stone-800', className)} {...props} />;
}
