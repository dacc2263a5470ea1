/**
 * Zod fields shared by the app's forms (people, matching, pairings, settings, values). Pure, so the
 * server actions, the data-access functions and the tests validate with the same rules.
 */
import { z } from 'zod';

/** Control characters other than tab and line breaks: invisible in the UI, so refused. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** An id from a form: never trusted beyond its shape; the query decides what it refers to. */
export const idField = z.string({ error: 'Missing id.' }).trim().min(1, 'Missing id.').max(64, 'Unknown id.');

/** A numeric database id (pairings, cohorts) sent as a string by the browser. */
export const serialField = z.coerce.number({ error: 'Unknown id.' }).int('Unknown id.').positive('Unknown id.').max(2_147_483_647, 'Unknown id.');

/** Optional free text: blank is null; otherwise the same rules as requiredText. */
export function optionalText(what: string, max: number) {
  return z
    .string()
    .optional()
    .transform((v) => v?.replace(/\r\n?/g, '\n').trim() || null)
    .refine((v) => v === null || v.length <= max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`)
    .refine((v) => v === null || !CONTROL.test(v), `Remove the invisible characters from ${what}.`);
}

/** Required free text, trimmed, with one kind of line break. */
export function requiredText(what: string, max: number, min = 1) {
  return z
    .string({ error: `Enter ${what}.` })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .refine((v) => v.length >= min, min > 1 ? `Enter ${what} (at least ${min} characters).` : `Enter ${what}.`)
    .refine((v) => v.length <= max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`)
    .refine((v) => !CONTROL.test(v), `Remove the invisible characters from ${what}.`);
}

/**
 * A number typed into a form. An empty box is "missing", not 0 (z.coerce would turn '' into 0 and
 * silently zero a weight).
 */
export function numberField(what: string, min: number, max: number, opts: { whole?: boolean } = {}) {
  const base = z
    .number({ error: `Enter ${what} as a number.` })
    .min(min, `${capitalise(what)} must be at least ${min}.`)
    .max(max, `${capitalise(what)} must be at most ${max}.`);
  const checked = opts.whole
    ? base.int(`Use a whole number for ${what}.`)
    : base.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, `Use at most two decimals for ${what}.`);
  return z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v), checked);
}

/** An unticked checkbox is an absent key; a ticked one is "on". */
export const checkboxField = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'yes' || v === 'true');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
