'use client';
import { useFormStatus } from 'react-dom';
import type { ComponentProps } from 'react';
import { Button } from './button';

/** A submit button that shows the form is working and cannot be pressed twice. */
export function SubmitButton({ children, pendingText, ...props }: ComponentProps<typeof Button> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-disabled={pending} {...props}>
      {pending ? (pendingText ?? 'Working…') : children}
    </Button>
  );
}
