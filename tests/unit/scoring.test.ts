import { describe, expect, it } from 'vitest';
import { describeLine, resolveWeights, scorePair, type MenteeFacts, type MentorFacts } from '@/lib/matching/scoring';
import { addMonths } from '@/lib/time/dates';
import { fillIntro, DEFAULT_INTRO_BODY, INTRO_PLACEHOLDERS } from '@/lib/pairings/introduction';

const mentee = (over: Partial<MenteeFacts> = {}): MenteeFacts => ({
  id: 's1',
  name: 'Student',
  specialties: ['family-medicine'],
  helpWith: ['mcat', 'interviews'],
  meetingFormats: ['video'],
  availability: ['weekday-evening', 'weekend-morning'],
  city: 'Minneapolis',
  languages: ['english', 'somali'],
  identityPreference: 'none',
  identityPreferenceRaces: [],
  races: null,
  daysWaiting: 0,
  priorityRematch: false,
  ...over,
});
const mentor = (over: Partial<MentorFacts> = {}): MentorFacts => ({
  id: 'm1',
  name: 'Mentor',
  specialty: 'family-medicine',
  advice: ['mcat'],
  meetingFormats: ['video', 'phone'],
  availability: ['weekday-evening'],
  city: 'Saint Paul',
  languages: ['english', 'somali'],
  races: null,
  unavailableReasons: [],
  ...over,
});
const ctx = { previouslyPaired: false, excluded: false };

function allowed(s: ReturnType<typeof scorePair>) {
  if (!s.allowed) throw new Error(`expected allowed, got ${s.blockers.join('; ')}`);
  return s;
}
const points = (s: ReturnType<typeof scorePair>, c: string) => allowed(s).breakdown.find((l) => l.criterion === c)?.points ?? 0;

describe('[MATCHING]: hard constraints', () => {
  it.each([
    ['an unavailable mentor', mentee(), mentor({ unavailableReasons: ['has not signed the current values statement'] }), ctx, /values statement/],
    ['a pair that ended before', mentee(), mentor(), { ...ctx, previouslyPaired: true }, /paired before/],
    ['an admin exclusion', mentee(), mentor(), { ...ctx, excluded: true }, /excluded/],
    ['a required identity not met', mentee({ identityPreference: 'required' }), mentor({ races: ['white'] }), ctx, /requires a mentor/],
    ['a required identity when the mentor shared none', mentee({ identityPreference: 'required' }), mentor({ races: null }), ctx, /requires a mentor/],
    ['in person only, different cities', mentee({ meetingFormats: ['in-person'] }), mentor({ meetingFormats: ['in-person'] }), ctx, /different cities/],
  ])('blocks %s', (_, a, b, c, why) => {
    const s = scorePair(a, b, c);
    expect(s.allowed).toBe(false);
    if (!s.allowed) expect(s.blockers.join(' ')).toMatch(why);
  });

  it('in person only in the same city is allowed and scores the city', () => {
    const s = scorePair(mentee({ meetingFormats: ['in-person'], city: 'Saint Paul' }), mentor({ meetingFormats: ['in-person'], city: ' saint paul ' }), ctx);
    expect(points(s, 'sameCity')).toBe(8);
  });
});

describe('[MATCHING]: soft criteria, explained', () => {
  it('adds each criterion with a readable line', () => {
    const s = allowed(scorePair(mentee({ daysWaiting: 45 }), mentor(), ctx));
    const lines = s.breakdown.map(describeLine);
    expect(lines).toContain('+12 both interested in family medicine');
    expect(lines).toContain('+10 mentor advises on 1 of 2 needs');
    expect(lines).toContain('+6 both speak Somali');
    expect(lines).toContain('+7.5 waiting 45 days');
    expect(s.total).toBeCloseTo(
      s.breakdown.reduce((t, l) => t + l.points, 0),
      5,
    );
  });

  it('a "preferred" identity adds the bonus only when met; "—" lines explain what is missing', () => {
    const wants = mentee({ identityPreference: 'preferred' });
    expect(points(scorePair(wants, mentor({ races: ['black-african-american'] }), ctx), 'identityPreference')).toBe(30);
    const unmet = allowed(scorePair(wants, mentor({ races: ['white'] }), ctx));
    expect(unmet.breakdown.find((l) => l.criterion === 'identityPreference')!.points).toBe(0);
    expect(describeLine(unmet.breakdown.find((l) => l.criterion === 'identityPreference')!)).toBe('no points: prefers a mentor who shares their identity — not met');
    const noTime = allowed(scorePair(mentee({ availability: ['weekend-evening'] }), mentor(), ctx));
    expect(noTime.breakdown.map(describeLine)).toContain('no points: no shared availability');
  });

  it('a specific identity request is matched against those categories only', () => {
    const wants = mentee({ identityPreference: 'preferred', identityPreferenceRaces: ['hispanic-latino'] });
    expect(points(scorePair(wants, mentor({ races: ['asian'] }), ctx), 'identityPreference')).toBe(0);
    expect(points(scorePair(wants, mentor({ races: ['asian', 'hispanic-latino'] }), ctx), 'identityPreference')).toBe(30);
  });

  it('shared identity counts only when both consented (answers present)', () => {
    expect(points(scorePair(mentee({ races: ['asian'] }), mentor({ races: ['asian'] }), ctx), 'sharedIdentity')).toBe(10);
    expect(points(scorePair(mentee({ races: null }), mentor({ races: ['asian'] }), ctx), 'sharedIdentity')).toBe(0);
  });

  it('waiting time ranks longer waits higher, and a no-fault rematch highest', () => {
    const s = (m: MenteeFacts) => allowed(scorePair(m, mentor(), ctx)).total;
    expect(s(mentee({ daysWaiting: 60 }))).toBeGreaterThan(s(mentee({ daysWaiting: 10 })));
    expect(s(mentee({ daysWaiting: 1, priorityRematch: true }))).toBeGreaterThanOrEqual(s(mentee({ daysWaiting: 500 })));
  });

  it('admin weights change the score; bad stored weights fall back to defaults', () => {
    const w = resolveWeights({ specialty: 50, needs: -3, language: 'x', unknown: 5 });
    expect(w.specialty).toBe(50);
    expect(w.needs).toBe(20); // the default weights, written out
    expect(w.language).toBe(6);
    expect(points(scorePair(mentee(), mentor(), ctx, w), 'specialty')).toBe(50);
  });

  it('scores are never negative and have at most 2 decimals (the solver contract)', () => {
    const s = allowed(scorePair(mentee({ daysWaiting: 7, helpWith: ['mcat', 'interviews', 'shadowing'] }), mentor(), ctx));
    expect(s.total).toBeGreaterThanOrEqual(0);
    expect(Math.round(s.total * 100)).toBeCloseTo(s.total * 100, 6);
  });
});

describe('[PAIRINGS]: terms and introductions', () => {
  it('a term ends 12 months later, clamped to the month’s last day', () => {
    expect(addMonths('2027-01-15', 12)).toBe('2028-01-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('every placeholder of the introduction is filled; unknown ones are left visible', () => {
    const facts = Object.fromEntries(INTRO_PLACEHOLDERS.map((k) => [k, `<${k}>`])) as Record<(typeof INTRO_PLACEHOLDERS)[number], string>;
    const body = fillIntro(DEFAULT_INTRO_BODY + ' {nope}', facts);
    for (const k of ['mentee_name', 'mentor_name', 'mentor_email', 'mentee_about', 'start_date']) expect(body).toContain(`<${k}>`);
    expect(body).not.toMatch(/\{(mentee|mentor|start)_\w+\}/);
    expect(body).toContain('{nope}');
  });
});
