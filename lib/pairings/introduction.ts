/**
 * The introduction email both people receive when a pairing is released. Admins edit the template
 * before release; placeholders are filled per pairing. Pure, so tests can check every placeholder.
 */
import { EXPECTATIONS } from '@/lib/registration/expectations';

export const INTRO_PLACEHOLDERS = ['mentee_name', 'mentee_email', 'mentee_about', 'mentor_name', 'mentor_email', 'mentor_about', 'start_date'] as const;
export type IntroFacts = Record<(typeof INTRO_PLACEHOLDERS)[number], string>;

/** Longest subject line an introduction may have once filled in. */
export const INTRO_SUBJECT_MAX = 200;

export const DEFAULT_INTRO_SUBJECT = 'Meet your mentorship partner: {mentee_name} and {mentor_name}';

export const DEFAULT_INTRO_BODY = [
  'Welcome to your mentorship! We are delighted to introduce you to each other.',
  '{mentor_name} ({mentor_email}) — in their words:\n{mentor_about}',
  '{mentee_name} ({mentee_email}) — in their words:\n{mentee_about}',
  'Your mentorship starts on {start_date}. We suggest the student writes first, so you can plan a first meeting, by video or phone, for the first two weeks after it starts.',
  'What you have both agreed to:\n' + EXPECTATIONS.map((e) => `• ${e.title}: ${e.detail}`).join('\n'),
  'If anything ever feels wrong, talk to the program coordinator in confidence (the contact is at the end of this email).',
].join('\n\n');

export function fillIntro(template: string, facts: IntroFacts): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in facts ? facts[key as keyof IntroFacts] : whole));
}
