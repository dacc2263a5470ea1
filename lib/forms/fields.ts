/**
 * Zod fields shared by the app's forms (people, matching, pairings, settings, values). Pure, so the
 * server actions, the data-access functions and the tests validate with the same rules.
 */
import { z } from 'zod';

/**
 * Control characters other than tab and line breaks (C0, DEL and C1, which includes U+0085 NEXT
 * LINE): invisible in the UI, so refused.
 */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Every way text can start a new line, Unicode's line and paragraph separators included. */
export const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/**
 * How every piece of typed text is stored: NFC (so "é" typed two ways is one string, and a name
 * searches and compares the same however it was typed), one kind of line break, no surrounding
 * whitespace.
 */
export function normaliseText(v: string): string {
  return v
    .normalize('NFC')
    .replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n')
    .trim();
}

type TextOptions = { min?: number; multiline?: boolean };

/**
 * The one rule for free text from a form. Single-line fields (names, titles, subjects: anything
 * that lands in an email header, a CSV cell or a log line) refuse line breaks; multi-line fields
 * (textareas) keep them. Both are normalised (normaliseText) and refuse invisible characters.
 */
function checkedText(what: string, max: number, { min = 1, multiline = false }: TextOptions) {
  return z
    .string()
    .refine((v) => v.length >= min, min > 1 ? `Enter ${what} (at least ${min} characters).` : `Enter ${what}.`)
    .refine((v) => v.length <= max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`)
    .refine((v) => !CONTROL.test(v), `Remove the invisible characters from ${what}.`)
    .refine((v) => multiline || !LINE_BREAK.test(v), `Keep ${what} on one line.`);
}

/**
 * Required free text. The raw string is checked against a generous bound before normalising, so a
 * megabyte of input is refused without being copied around first.
 */
export function requiredText(what: string, max: number, minOrOptions: number | TextOptions = 1) {
  const opts = typeof minOrOptions === 'number' ? { min: minOrOptions } : minOrOptions;
  const raw = z.string({ error: `Enter ${what}.` }).max(max * 4 + 100, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`);
  return raw.transform(normaliseText).pipe(checkedText(what, max, opts));
}

/** Optional free text: blank is null; otherwise the same rules as requiredText. */
export function optionalText(what: string, max: number, opts: Omit<TextOptions, 'min'> = {}) {
  return z
    .string({ error: `Enter ${what} as text.` })
    .max(max * 4 + 100, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`)
    .optional()
    .transform((v) => (v === undefined ? '' : normaliseText(v)))
    .pipe(z.union([z.literal('').transform(() => null), checkedText(what, max, opts)]));
}

/** An id from a form: never trusted beyond its shape; the query decides what it refers to. */
export const idField = z
  .string({ error: 'Missing id.' })
  .trim()
  .min(1, 'Missing id.')
  .max(64, 'Unknown id.')
  // Ids are tokens: anything with spaces or invisible characters cannot be one, and a NUL would
  // make PostgreSQL refuse the whole query.
  .regex(/^[^\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/, 'Unknown id.');

/** A numeric database id (pairings, cohorts) sent as a string by the browser. */
export const serialField = z.preprocess(
  (v) => (typeof v === 'string' ? (/^\s*\d{1,10}\s*$/.test(v) ? Number(v) : NaN) : v),
  z.number({ error: 'Unknown id.' }).int('Unknown id.').positive('Unknown id.').max(2_147_483_647, 'Unknown id.'),
);

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
  return typedNumber(checked);
}

/**
 * A number box's text → a number for `schema`. Blank (or only spaces) is missing, never 0; only
 * plain decimals count ("0x10", "1e3" and "Infinity" are not what anyone types into a form).
 */
export function typedNumber<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim();
    if (t === '') return undefined;
    return /^[+-]?\d{1,15}(\.\d{1,15})?$/.test(t) ? Number(t) : NaN;
  }, schema);
}

/**
 * An unticked checkbox is an absent key; a ticked one is "on". Anything else did not come from the
 * form, and is refused rather than read as "unticked".
 */
export const checkboxField = z
  .union([z.enum(['on', 'yes', 'true', 'false', '']), z.boolean()], { error: 'Tick the box or leave it empty.' })
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'yes' || v === 'true');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
