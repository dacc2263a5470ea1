'use client';
import type { ReactNode } from 'react';
import { Button } from './button';
import { SubmitButton } from './submit-button';

type Props = {
  /** The question, naming what is about to happen ("Release 3 pairings?"). */
  question: ReactNode;
  /** What follows from it, in a sentence or two. */
  children?: ReactNode;
  /** The key the server sent back (lib/forms/confirm.ts); submitting it is the confirmation. */
  confirmKey: string;
  confirmLabel: ReactNode;
  pendingText: string;
  danger?: boolean;
  onCancel: () => void;
};

/**
 * The second step of a confirm-before-acting form. The server answered the first submission with
 * a key naming exactly what was asked; "Yes" submits it back, so the step holds without JavaScript
 * and a changed form is asked about again. Sits inside the form it confirms.
 */
export function ConfirmStep({ question, children, confirmKey, confirmLabel, pendingText, danger, onCancel }: Props) {
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" role="alert">
      <p className="font-semibold text-amber-950">{question}</p>
      {children && <div className="text-sm text-amber-950">{children}</div>}
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton name="confirm" value={confirmKey} variant={danger ? 'danger' : undefined} pendingText={pendingText}>
          {confirmLabel}
        </SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
