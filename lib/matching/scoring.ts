/**
 * The scoring model: hard constraints decide whether a mentee–mentor pair is allowed at all; soft
 * criteria add points, each with a sentence an admin can read. Pure: no I/O, unit-tested.
 */
import { BIPOC_CATEGORIES, labelOf, LANGUAGES, RACE_CATEGORIES, SPECIALTIES } from '@/lib/registration/options';

export const CRITERIA = {
  base: { label: 'Both ready for a pairing', default: 10 },
  identityPreference: { label: 'Identity preference met', default: 30 },
  sharedIdentity: { label: 'Shared identity (both consented)', default: 10 },
  specialty: { label: 'Specialty interest', default: 12 },
  needs: { label: 'Needs the mentor can advise on', default: 20 },
  meetingFormat: { label: 'Meeting format', default: 8 },
  availability: { label: 'Availability overlap', default: 10 },
  language: { label: 'Shared language beyond English', default: 6 },
  sameCity: { label: 'Same city for in-person meetings', default: 8 },
  waiting: { label: 'Time on the waitlist', default: 15 },
} as const;

export type Criterion = keyof typeof CRITERIA;
export type Weights = Record<Criterion, number>;

export const DEFAULT_WEIGHTS: Weights = Object.fromEntries(Object.entries(CRITERIA).map(([k, v]) => [k, v.default])) as Weights;

/** Stored weights may be partial or stale; anything missing or invalid falls back to the default. */
export function resolveWeights(stored: Record<string, unknown> | null | undefined): Weights {
  const out = { ...DEFAULT_WEIGHTS };
  for (const key of Object.keys(out) as Criterion[]) {
    const v = stored?.[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100) out[key] = v;
  }
  return out;
}

export type MenteeFacts = {
  id: string;
  name: string;
  specialties: string[];
  helpWith: string[];
  meetingFormats: string[];
  availability: string[];
  city: string | null;
  languages: string[];
  identityPreference: 'none' | 'preferred' | 'required';
  identityPreferenceRaces: string[];
  /** Consented race answers, or null without consent. */
  races: string[] | null;
  daysWaiting: number;
  priorityRematch: boolean;
};

export type MentorFacts = {
  id: string;
  name: string;
  specialty: string;
  advice: string[];
  meetingFormats: string[];
  availability: string[];
  city: string | null;
  languages: string[];
  races: string[] | null;
  /** Eligibility problems (not approved, unattested, paused, full). Empty when matchable. */
  unavailableReasons: string[];
};

export type PairContext = {
  /** The two ended a pairing before. */
  previouslyPaired: boolean;
  excluded: boolean;
};

export type BreakdownLine = { criterion: Criterion; points: number; text: string };
export type PairScore = { allowed: true; total: number; breakdown: BreakdownLine[] } | { allowed: false; blockers: string[] };

const sameCity = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Does the mentor's identity satisfy what the mentee asked for? Null when the mentor did not share one. */
export function identityMatches(mentee: Pick<MenteeFacts, 'identityPreferenceRaces'>, mentorRaces: string[] | null): boolean {
  if (!mentorRaces || mentorRaces.length === 0) return false;
  const wanted = mentee.identityPreferenceRaces.length ? mentee.identityPreferenceRaces : BIPOC_CATEGORIES;
  return mentorRaces.some((r) => wanted.includes(r));
}

export function scorePair(mentee: MenteeFacts, mentor: MentorFacts, ctx: PairContext, weights: Weights = DEFAULT_WEIGHTS): PairScore {
  const blockers: string[] = [];
  if (mentor.unavailableReasons.length) blockers.push(`Mentor ${mentor.unavailableReasons.join(', ')}`);
  if (ctx.previouslyPaired) blockers.push('They were paired before and that pairing ended');
  if (ctx.excluded) blockers.push('An admin excluded this pair');
  if (mentee.identityPreference === 'required' && !identityMatches(mentee, mentor.races))
    blockers.push('Mentee requires a mentor who shares their identity; this mentor does not (or has not shared)');
  const inPersonOnly = (f: string[]) => f.length === 1 && f[0] === 'in-person';
  if (inPersonOnly(mentee.meetingFormats) && inPersonOnly(mentor.meetingFormats) && !sameCity(mentee.city, mentor.city))
    blockers.push('Both meet only in person, in different cities');
  if (blockers.length) return { allowed: false, blockers };

  const lines: BreakdownLine[] = [];
  const add = (criterion: Criterion, fraction: number, text: string) =>
    lines.push({ criterion, points: round2(weights[criterion] * Math.max(0, Math.min(1, fraction))), text });

  add('base', 1, 'both available for a new pairing');

  if (mentee.identityPreference === 'preferred') {
    const met = identityMatches(mentee, mentor.races);
    add('identityPreference', met ? 1 : 0, met ? 'prefers a mentor who shares their identity — met' : 'prefers a mentor who shares their identity — not met');
  } else if (mentee.identityPreference === 'required') {
    add('identityPreference', 1, 'requires a mentor who shares their identity — met');
  }

  if (mentee.races && mentor.races) {
    const shared = mentee.races.filter((r) => mentor.races!.includes(r));
    if (shared.length) add('sharedIdentity', 1, `both identify as ${shared.map((r) => labelOf(RACE_CATEGORIES, r)).join(', ')}`);
  }

  if (mentee.specialties.includes(mentor.specialty)) add('specialty', 1, `both interested in ${labelOf(SPECIALTIES, mentor.specialty).toLowerCase()}`);
  else add('specialty', 0, 'no shared specialty interest');

  const needs = mentee.helpWith.filter((h) => h !== 'other');
  const covered = needs.filter((n) => mentor.advice.includes(n));
  if (needs.length) add('needs', covered.length / needs.length, `mentor advises on ${covered.length} of ${needs.length} needs`);

  const formats = mentee.meetingFormats.filter((f) => mentor.meetingFormats.includes(f));
  add(
    'meetingFormat',
    formats.length ? 1 : 0,
    formats.length ? `both can meet by ${formats.join(' or ').replace('in-person', 'meeting in person')}` : 'no meeting format in common',
  );

  const overlap = mentee.availability.filter((s) => mentor.availability.includes(s)).length;
  add('availability', overlap / 3, overlap ? `${overlap} shared time slot${overlap === 1 ? '' : 's'}` : 'no shared availability');

  const languages = mentee.languages.filter((l) => l !== 'english' && mentor.languages.includes(l));
  if (languages.length) add('language', 1, `both speak ${languages.map((l) => labelOf(LANGUAGES, l)).join(', ')}`);

  if (mentee.meetingFormats.includes('in-person') && mentor.meetingFormats.includes('in-person') && sameCity(mentee.city, mentor.city))
    add('sameCity', 1, `both in ${mentor.city} for in-person meetings`);

  if (mentee.priorityRematch) add('waiting', 1, 'back on the waitlist after a no-fault ending — top priority');
  else if (mentee.daysWaiting > 0) add('waiting', mentee.daysWaiting / 90, `waiting ${mentee.daysWaiting} day${mentee.daysWaiting === 1 ? '' : 's'}`);

  const total = round2(lines.reduce((s, l) => s + l.points, 0));
  return { allowed: true, total, breakdown: lines };
}

/** "+30 prefers a mentor who shares their identity — met", "no points: no shared availability" (never a minus: nothing is taken away). */
export function describeLine(line: BreakdownLine): string {
  return line.points > 0 ? `+${line.points} ${line.text}` : `no points: ${line.text}`;
}
