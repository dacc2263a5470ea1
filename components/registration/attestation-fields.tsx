import { Field } from '@/components/ui/field';
import { SignatureInput } from './signature-input';
import type { ValueReader } from './form-values';

/** The full statement, an explicit checkbox and the typed full name as signature. */
export function AttestationFields({
  v,
  statement,
  registeredName,
}: {
  v: ValueReader;
  statement: { version: number; title: string; body: string };
  /** For a later re-attestation, where the form has no name field to compare with. */
  registeredName?: string | null;
}) {
  const errors = v.errors('attest');
  return (
    <div className="space-y-4">
      <article className="rounded-md border border-stone-200 bg-stone-50 p-4" aria-labelledby="statement-title">
        <h3 id="statement-title" className="font-semibold">
          {statement.title} <span className="font-normal text-stone-500">(version {statement.version})</span>
        </h3>
        <div className="mt-2 space-y-3 whitespace-pre-line text-sm text-stone-800">{statement.body}</div>
      </article>
      <input type="hidden" name="statementVersion" value={statement.version} />
      <label htmlFor="attest" className="flex items-start gap-3 text-sm font-medium">
        <input
          id="attest"
          type="checkbox"
          name="attest"
          defaultChecked={v.checked('attest')}
          aria-describedby={errors ? 'attest-error' : undefined}
          aria-invalid={errors ? true : undefined}
          className="mt-0.5 size-4 accent-brand-700"
        />
        <span>I commit to anti-racism and cultural humility as set out above.</span>
      </label>
      {errors && (
        <p id="attest-error" className="text-sm font-medium text-red-700" aria-live="polite">
          {errors.join(' ')}
        </p>
      )}
      <Field id="signatureName" label="Type your full name as your signature" errors={v.errors('signatureName')}>
        {(a) => <SignatureInput {...a} registeredName={registeredName} name="signatureName" autoComplete="name" defaultValue={v.text('signatureName')} maxLength={120} />}
      </Field>
    </div>
  );
}
