import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cn('rounded-lg border border-stone-200 bg-white p-5 shadow-sm sm:p-6', className)} {...props} />;
}

export function CardTitle({ children, as: Tag = 'h2' }: { children: ReactNode; as?: 'h2' | 'h3' }) {
  return <Tag className="mb-3 text-lg font-semibold text-stone-900">{children}</Tag>;
}
