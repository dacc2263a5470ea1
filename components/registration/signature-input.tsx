'use client';
import { useState, type ComponentProps } from 'react';
import { Input } from '@/components/ui/field';
import { signatureClearlyDiffers } from '@/lib/registration/signature';

/**
 * The typed signature, with a gentle warning when it is clearly not the name given: the full name
 * typed in the same form, or the registered name when signing a new version later.
 */
export function SignatureInput({ registeredName, ...props }: ComponentProps<typeof Input> & { registeredName?: string | null }) {
  const [warning, setWarning] = useState<string | null>(null);
  const check = (input: HTMLInputElement) => {
    const typedName = (input.form?.elements.namedItem('fullName') as HTMLInputElement | null)?.value;
    const name = typedName?.trim() || registeredName?.trim() || '';
    setWarning(signatureClearlyDiffers(input.value, name) ? name : null);
  };
  return (
    <>
      <Input {...props} onBlur={(e) => check(e.currentTarget)} onChange={(e) => warning !== null && check(e.currentTarget)} />
      {warning && (
        <p role="status" className="text-sm text-amber-900">
          This does not look like your name ({warning}). Please type your full name as your signature — or go on if this is how you sign.
        </p>
      )}
    </>
  );
}
