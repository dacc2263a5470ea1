import { describe, expect, it } from 'vitest';
import {
  attestationSchema,
  identitySchema,
  menteeProfileSchema,
  menteeRegistrationSchema,
  mentorProfileSchema,
  pauseSchema,
} from '@/lib/registration/schemas';
import { identityForm, validMenteeForm, validMentorForm } from '../support/forms';

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('[REGISTRATION]: mentee form validation', () => {
  it('accepts a complete form and normalises it', () => {
    const r = menteeProfileSchema.safeParse({ ...validMenteeForm(), fullName: '  Ana Test  ' });
    expect(r.success).toBe(true);
    expect(r.data?.fullName).toBe('Ana Test');
    expect(r.data?.firstGen).toBe(true);
    expect(r.data?.targetCycle).toBe(new Date().getUTCFullYear() + 2);
  });

  it.each([
    ['fullName', '', /full name/],
    ['fullName', 'x'.repeat(121), /under 120/],
    ['preferredName', '   ', /name you go by/],
    ['schoolYear', 'tenth-year', /year/],
    ['targetCycle', '1999', /between/],
    ['targetCycle', 'soon', /year/],
    ['major', 'bio\u0000logy', /invisible/],
    ['about', 'x'.repeat(1201), /under 1,200/],
    ['firstGen', 'maybe', /yes, no/],
  ])('rejects %s = %j', (field, value, message) => {
    const r = menteeProfileSchema.safeParse({ ...validMenteeForm(), [field]: value });
    expect(r.success).toBe(false);
    expect(errorsOf(r)[field]).toMatch(message);
  });

  it.each([
    ['helpWith', [], /at least one/],
    ['helpWith', ['hacking'], /from the list/],
    ['meetingFormats', [], /at least one/],
    ['availability', ['midnight'], /from the list/],
    ['specialties', ['astrology'], /from the list/],
  ])('rejects %s = %j', (field, value, message) => {
    const r = menteeProfileSchema.safeParse({ ...validMenteeForm(), [field]: value });
    expect(r.success).toBe(false);
    expect(errorsOf(r)[field]).toMatch(message);
  });

  it('requires the expectations acknowledgment', () => {
    const { expectations: _, ...rest } = validMenteeForm();
    expect(errorsOf(menteeProfileSchema.safeParse(rest)).expectations).toMatch(/expectations/);
  });

  it('requires a city for in-person meetings and a note for "something else"', () => {
    const r = menteeProfileSchema.safeParse({ ...validMenteeForm(), meetingFormats: ['in-person'], helpWith: ['other'] });
    expect(errorsOf(r)).toMatchObject({ city: expect.stringMatching(/city/), helpOther: expect.stringMatching(/what else/) });
  });

  it('keeps HTML as plain text (escaping happens when rendered)', () => {
    const r = menteeProfileSchema.safeParse({ ...validMenteeForm(), about: '<script>alert(1)</script>' });
    expect(r.data?.about).toBe('<script>alert(1)</script>');
  });

  it('reports profile and identity errors together', () => {
    const r = menteeRegistrationSchema.safeParse({ ...validMenteeForm(), major: '', gender: 'x'.repeat(81) });
    // The gender answer is too long, and it was given without consent: both are said at once.
    expect(Object.keys(errorsOf(r)).sort()).toEqual(['gender', 'identityConsent', 'major']);
  });
});

describe('[REGISTRATION]: mentor form validation', () => {
  it('accepts a complete form', () => {
    expect(mentorProfileSchema.safeParse(validMentorForm()).success).toBe(true);
  });

  it.each(['0', '4', '2.5', 'two', ''])('capacity must be 1–3, not %j', (capacity) => {
    expect(errorsOf(mentorProfileSchema.safeParse({ ...validMentorForm(), capacity })).capacity).toBeTruthy();
  });

  it.each(['-1', '71', '3.5'])('years in practice must be a whole number 0–70, not %j', (years) => {
    expect(errorsOf(mentorProfileSchema.safeParse({ ...validMentorForm(), yearsInPractice: years })).yearsInPractice).toBeTruthy();
  });

  it('"other" credentials must be named', () => {
    expect(errorsOf(mentorProfileSchema.safeParse({ ...validMentorForm(), credential: 'other' })).credentialOther).toMatch(/credentials/);
    expect(errorsOf(mentorProfileSchema.safeParse({ ...validMentorForm(), credential: 'PhD' })).credential).toMatch(/credentials/);
  });

  it('the attestation needs the box ticked and a typed name', () => {
    expect(errorsOf(attestationSchema.safeParse({ signatureName: 'Sam', statementVersion: '1' })).attest).toMatch(/commit/);
    expect(errorsOf(attestationSchema.safeParse({ attest: 'on', signatureName: ' ', statementVersion: '1' })).signatureName).toBeTruthy();
    expect(attestationSchema.safeParse({ attest: 'on', signatureName: 'Sam Lee', statementVersion: '1' }).success).toBe(true);
  });

  it('a pause date must be in the future', () => {
    expect(pauseSchema.safeParse({ pausedUntil: '2000-01-01' }).success).toBe(false);
    expect(pauseSchema.safeParse({ pausedUntil: 'tomorrow' }).success).toBe(false);
    const next = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(pauseSchema.safeParse({ pausedUntil: next }).data).toEqual({ pausedUntil: next });
    expect(pauseSchema.safeParse({ pausedUntil: '' }).data).toEqual({ pausedUntil: null });
  });
});

describe('[IDENTITY]: consent', () => {
  it('without consent nothing is kept, and answers given without it are refused rather than dropped', () => {
    expect(identitySchema.parse({})).toEqual({ consent: false });
    expect(identitySchema.safeParse(identityForm(false)).success).toBe(false);
  });
  it('with consent the answers are kept', () => {
    expect(identitySchema.parse(identityForm(true))).toMatchObject({ consent: true, races: ['black-african-american', 'hispanic-latino'], gender: 'woman' });
  });
  it('"prefer not to answer" drops race answers', () => {
    expect(identitySchema.parse({ ...identityForm(true), preferNotToAnswer: 'on' })).toMatchObject({ races: [], selfDescription: null, preferNotToAnswer: true });
  });
  it('refuses categories outside the federal list', () => {
    expect(identitySchema.safeParse({ ...identityForm(true), races: ['martian'] }).success).toBe(false);
  });
});
