/**
 * The one server-side rule for confirm-before-acting forms. The first submission gets back a key
 * naming exactly what is about to happen (which records, which words); only a second submission
 * carrying that same key acts. If anything changed in between, the key no longer matches and the
 * person is asked again — so the step holds without JavaScript, and a stale tab cannot confirm
 * something it never showed.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The key the form echoes back on "Yes, …" (absent on the first submission). */
export const confirmField = z
  .string()
  .regex(/^[0-9a-f]{0,64}$/, 'This confirmation is out of date. Please review and confirm again.')
  .optional();

/** A short digest of what is being confirmed; `kind` keeps keys of different flows apart. */
export function confirmKey(kind: string, parts: readonly (string | number | boolean | null | undefined)[]): string {
  const text = [kind, ...parts.map((p) => (p === null || p === undefined ? '' : typeof p === 'boolean' ? (p ? '1' : '0') : String(p)))].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** True when the submission carries the key of exactly this operation. */
export function isConfirmed(submitted: string | undefined, key: string): boolean {
  return submitted === key;
}
