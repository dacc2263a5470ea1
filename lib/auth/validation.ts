import { z } from 'zod';

// Control characters (including DEL and Unicode line separators) never belong in an address and
// can smuggle headers into mail; refuse them with a clear message rather than strip them silently.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .max(254, 'That is too long to be an email address.')
  .refine((v) => !CONTROL.test(v), 'The address contains invisible control characters. Please retype it.')
  // NFC so that one address typed two ways (a precomposed or a combining accent) is one address.
  .transform((v) => v.normalize('NFC').trim().toLowerCase())
  .pipe(z.email('Enter an email address like name@example.edu.'));

export const signInSchema = z.object({
  email: emailSchema,
  callbackUrl: z.string().max(500).optional(),
});
