import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkboxField, idField, normaliseText, numberField, optionalText, requiredText } from '@/lib/forms/fields';
import { mentorProfileSchema, pauseSchema } from '@/lib/registration/schemas';
import { validMentorForm } from '../support/forms';

const errorOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0].message;
};

describe('[FORMS]: one text rule for every field', () => {
  it('normalises to NFC, one kind of line break, and trims', () => {
    // "José" typed with a combining accent and with the precomposed letter are one string.
    expect(requiredText('a name', 50).parse('  Jose\u0301 ')).toBe('Jos\u00e9');
    expect(normaliseText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(optionalText('a city', 50).parse('   ')).toBeNull();
  });

  it.each(['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085'])('a single-line field refuses the line break %j inside it', (br) => {
    expect(errorOf(requiredText('a name', 50), `Ana${br}Bcc: x`)).toBe('Keep a name on one line.');
    expect(errorOf(optionalText('a city', 50), `St${br}Paul`)).toBe('Keep a city on one line.');
  });

  it('a multi-line field keeps its line breaks, stored as \\n', () => {
    expect(requiredText('a reason', 50, { multiline: true }).parse('one\u2028two\r\nthree')).toBe('one\ntwo\nthree');
  });

  it('invisible characters are refused, C1 included', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u009b'])
      expect(errorOf(requiredText('a name', 50), `An${c}a`)).toBe('Remove the invisible characters from a name.');
  });

  it('ids, checkboxes and numbers accept only what a form sends', () => {
    expect(errorOf(idField, 'abc\u0000def')).toBe('Unknown id.');
    expect(errorOf(idField, 'abc def')).toBe('Unknown id.');
    expect(errorOf(checkboxField, 'onx')).toBe('Tick the box or leave it empty.');
    expect(checkboxField.parse(undefined)).toBe(false);
    const n = numberField('the term', 1, 36, { whole: true });
    for (const bad of ['', '   ', '0x10', '1e1', 'Infinity']) expect(errorOf(n, bad)).toBe('Enter the term as a number.');
    expect(n.parse(' 12 ')).toBe(12);
  });
});

describe('[REGISTRATION]: the bad inputs the probe found', () => {
  it.each(['', ' ', '   '])('years in practice %j is an error, not 0 years', (blank) => {
    const r = mentorProfileSchema.safeParse({ ...validMentorForm(), yearsInPractice: blank });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === 'yearsInPractice')?.message).toBe('Enter a number of years.');
  });

  it.each(['2027-02-30', '2027-13-45', '2027-00-10', '2027-1-5'])('paused until %s is a field error', (date) => {
    expect(errorOf(pauseSchema, { pausedUntil: date })).toBe('Enter a real date.');
  });
});
