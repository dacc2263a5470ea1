import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, cohorts, matchRules, pairings } from '@/db/schema';
import { filterWaitlist, freeMentorPlaces, getMenteeStanding, parseWaitlistQuery } from '@/lib/matching/waitlist';
import { approvalKey, approveSelectedSchema } from '@/lib/pairings/forms';
import { namePairings, previewIntroduction } from '@/lib/pairings/queries';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { loadPool } from '@/lib/matching/pool';
import { clearMatchRule, listMatchRules, matchRuleSchema, setMatchRule } from '@/lib/matching/rules';
import { DEFAULT_WEIGHTS, type Weights } from '@/lib/matching/scoring';
import { optimise, suggestMentors, type WaitlistEntry } from '@/lib/matching/workbench';
import { proposePairings } from '@/lib/pairings/operations';
import { createCohort, createCohortSchema, listCohorts, setCohortOpen } from '@/lib/settings/cohorts';
import {
  getProgramSettings,
  programSettingsFormSchema,
  programSettingsSchema,
  updateProgramSettings,
  weightName,
  type ProgramSettings,
  type ProgramSettingsView,
} from '@/lib/settings/program';
import { validMenteeForm, validMentorForm } from '../support/forms';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

let admin: SessionUser;

beforeAll(async () => {
  admin = await createPerson('admin', 'approved', 'Matching Admin');
});

const unique = () => randomUUID().slice(0, 8);
const MENTEE_NAME = validMenteeForm().fullName;
const MENTOR_NAME = validMentorForm().fullName;

async function auditsFor(subjectType: string, subjectId: string, actions?: string[]) {
  const db = await getDb();
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId), actions ? inArray(auditLog.action, actions) : undefined))
    .orderBy(auditLog.id);
}

async function rulesBetween(menteeId: string, mentorId: string) {
  const db = await getDb();
  return db
    .select({ kind: matchRules.kind, reason: matchRules.reason })
    .from(matchRules)
    .where(and(eq(matchRules.menteeId, menteeId), eq(matchRules.mentorId, mentorId)));
}

async function suggested(menteeId: string, mentorId: string) {
  const result = await suggestMentors(admin, menteeId, 10_000);
  return result!.suggestions.find((s) => s.mentorId === mentorId);
}

/** The optimiser on this test's people only: other tests in this file add people too. */
async function planFor(menteeIds: string[], mentorIds: string[]) {
  const pool = await loadPool(await getDb());
  return optimise({
    ...pool,
    mentees: pool.mentees.filter((m) => menteeIds.includes(m.id)),
    mentors: pool.mentors.filter((m) => mentorIds.includes(m.id)),
  });
}

const settingsInput = (s: ProgramSettingsView): ProgramSettings => ({
  termMonths: s.termMonths,
  renewalWindowDays: s.renewalWindowDays,
  cadenceDueSoonDays: s.cadenceDueSoonDays,
  cadenceOverdueDays: s.cadenceOverdueDays,
  weights: { ...s.weights },
});

const validSettings = (over: Partial<ProgramSettings> = {}, weights: Partial<Weights> = {}): ProgramSettings => ({
  termMonths: 12,
  renewalWindowDays: 30,
  cadenceDueSoonDays: 45,
  cadenceOverdueDays: 60,
  checkInFirstDays: 30,
  checkInEveryDays: 60,
  ...over,
  weights: { ...DEFAULT_WEIGHTS, ...weights },
});

describe('[MATCHING]: locks and exclusions', () => {
  it('an excluded pair disappears from the suggestions, and comes back when the rule is cleared; both are audited', async () => {
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    expect(await suggested(mentee.id, mentor.id)).toBeDefined();

    const rule = await setMatchRule(admin, { menteeId: mentee.id, mentorId: mentor.id, kind: 'exclude', reason: '  They work together  ' });
    // Names as registered (the profile form's full name).
    expect(rule).toMatchObject({ kind: 'exclude', reason: 'They work together', menteeName: MENTEE_NAME, mentorName: MENTOR_NAME, createdByName: admin.name });
    expect(await suggested(mentee.id, mentor.id)).toBeUndefined();
    expect((await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }])).failed[0].reason).toMatch(/excluded/);
    expect(await listMatchRules(admin, { menteeId: mentee.id })).toEqual([expect.objectContaining({ mentorId: mentor.id, kind: 'exclude' })]);
    expect((await listMatchRules(admin)).some((r) => r.id === rule.id)).toBe(true);

    await clearMatchRule(admin, { menteeId: mentee.id, mentorId: mentor.id });
    expect(await rulesBetween(mentee.id, mentor.id)).toEqual([]);
    expect(await suggested(mentee.id, mentor.id)).toBeDefined();

    const audits = await auditsFor('match-rule', `${mentee.id}|${mentor.id}`);
    expect(audits.map((a) => a.action)).toEqual(['match-rule.set', 'match-rule.cleared']);
    expect(audits.every((a) => a.actorId === admin.id)).toBe(true);
    expect(audits[0].details).toMatchObject({ kind: 'exclude', reason: 'They work together', replaced: null });
    expect(audits[1].details).toMatchObject({ kind: 'exclude', reason: 'They work together' });

    await expect(clearMatchRule(admin, { menteeId: mentee.id, mentorId: mentor.id })).rejects.toThrow(/no rule/);
  });

  it('setting a rule again replaces it (one per pair), and a student can be locked to one physician at a time', async () => {
    const mentee = await approvedMentee();
    const [a, b] = [await approvedMentor(), await approvedMentor()];
    await setMatchRule(admin, { menteeId: mentee.id, mentorId: a.id, kind: 'lock', reason: 'Asked for each other' });
    await setMatchRule(admin, { menteeId: mentee.id, mentorId: a.id, kind: 'exclude', reason: 'Changed their mind' });
    expect(await rulesBetween(mentee.id, a.id)).toEqual([{ kind: 'exclude', reason: 'Changed their mind' }]);
    const audits = await auditsFor('match-rule', `${mentee.id}|${a.id}`);
    expect(audits.at(-1)!.details).toMatchObject({ kind: 'exclude', replaced: { kind: 'lock', reason: 'Asked for each other' } });

    await setMatchRule(admin, { menteeId: mentee.id, mentorId: b.id, kind: 'lock', reason: 'Same hometown' });
    const c = await approvedMentor();
    await expect(setMatchRule(admin, { menteeId: mentee.id, mentorId: c.id, kind: 'lock', reason: 'Another' })).rejects.toThrow(/already locked/);
    expect(await rulesBetween(mentee.id, c.id)).toEqual([]);
  });

  it('a locked pair is honoured by the optimiser even when another student scores higher', async () => {
    const mentor = await approvedMentor({ capacity: '1', specialty: 'psychiatry' });
    const fits = await approvedMentee({ specialties: ['psychiatry'] });
    const locked = await approvedMentee({ specialties: ['pediatrics'] });

    const free = await planFor([fits.id, locked.id], [mentor.id]);
    expect(free.pairs).toEqual([expect.objectContaining({ menteeId: fits.id, mentorId: mentor.id, locked: false })]);

    await setMatchRule(admin, { menteeId: locked.id, mentorId: mentor.id, kind: 'lock', reason: 'Met at the open day' });
    const plan = await planFor([fits.id, locked.id], [mentor.id]);
    expect(plan.pairs).toEqual([expect.objectContaining({ menteeId: locked.id, mentorId: mentor.id, locked: true })]);
    expect(plan.unpaired.map((u) => u.menteeId)).toEqual([fits.id]);
  });

  it('rules need a reason, a student and a physician', async () => {
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    expect(matchRuleSchema.safeParse({ menteeId: mentee.id, mentorId: mentor.id, kind: 'lock', reason: '   ' }).success).toBe(false);
    expect(matchRuleSchema.safeParse({ menteeId: mentee.id, mentorId: mentor.id, kind: 'pin', reason: 'x' }).success).toBe(false);
    await expect(setMatchRule(admin, { menteeId: mentee.id, mentorId: mentor.id, kind: 'lock', reason: '' })).rejects.toThrow(/reason/);
    const other = await approvedMentee();
    await expect(setMatchRule(admin, { menteeId: mentee.id, mentorId: other.id, kind: 'exclude', reason: 'x' })).rejects.toThrow(/physician could not be found/);
    await expect(setMatchRule(admin, { menteeId: mentor.id, mentorId: mentor.id, kind: 'exclude', reason: 'x' })).rejects.toThrow(/student could not be found/);
    expect(await rulesBetween(mentee.id, other.id)).toEqual([]);
  });
});

describe('[MATCHING]: the waitlist view and the pages’ reads', () => {
  const entry = (over: Partial<WaitlistEntry>): WaitlistEntry => ({
    menteeId: unique(),
    name: 'Someone',
    daysWaiting: 0,
    priorityRematch: false,
    identityPreference: 'none',
    allowedMentors: 3,
    blockedReason: null,
    ...over,
  });

  it('filters by blocked, required identity and name, and sorts by name on request (days waited by default)', () => {
    const list = [
      entry({ name: 'Zoe Rematch', priorityRematch: true, daysWaiting: 1 }),
      entry({ name: 'Ana Blocked', daysWaiting: 40, allowedMentors: 0, blockedReason: 'No mentor has a free slot', identityPreference: 'required' }),
      entry({ name: 'Ben Waiting', daysWaiting: 20, identityPreference: 'preferred' }),
    ];
    const names = (q: Record<string, string>) => filterWaitlist(list, parseWaitlistQuery(q)).map((e) => e.name);
    expect(names({})).toEqual(['Zoe Rematch', 'Ana Blocked', 'Ben Waiting']);
    expect(names({ sort: 'name' })).toEqual(['Ana Blocked', 'Ben Waiting', 'Zoe Rematch']);
    expect(names({ blocked: 'yes' })).toEqual(['Ana Blocked']);
    expect(names({ required: 'yes' })).toEqual(['Ana Blocked']);
    expect(names({ q: 'ben' })).toEqual(['Ben Waiting']);
    // Nonsense in the address is ignored, not an error.
    expect(names({ sort: 'shoe-size', blocked: 'maybe' })).toEqual(['Zoe Rematch', 'Ana Blocked', 'Ben Waiting']);
  });

  it('a paired student has a standing (for the friendly page); a proposal can be previewed and named', async () => {
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    expect(await getMenteeStanding(admin, mentee.id)).toMatchObject({ id: mentee.id, open: null });
    expect(await getMenteeStanding(admin, mentor.id)).toBeNull();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    expect(await suggestMentors(admin, mentee.id)).toBeNull();
    const standing = await getMenteeStanding(admin, mentee.id);
    expect(standing!.open).toMatchObject({ state: 'proposed', mentorName: MENTOR_NAME });

    const preview = await previewIntroduction(admin, standing!.open!.pairingId, {
      subject: 'Hi {mentee_name}',
      body: '{mentor_name} <{mentor_email}> starts {start_date}',
    });
    expect(preview).toMatchObject({ subject: `Hi ${MENTEE_NAME}`, to: [mentee.email, mentor.email] });
    expect(preview!.body).toContain(`${MENTOR_NAME} <${mentor.email}> starts `);
    expect(preview!.body).not.toContain('{');
    expect(await namePairings(admin, [standing!.open!.pairingId])).toEqual({ [String(standing!.open!.pairingId)]: `${MENTEE_NAME} and ${MENTOR_NAME}` });
    expect((await freeMentorPlaces(admin)).places).toBeGreaterThanOrEqual(1);
  });

  it('the release confirmation is tied to the selection and the words; unknown placeholders are refused', () => {
    const key = approvalKey({ ids: [3, 1], subject: 'S', body: 'B' });
    expect(approvalKey({ ids: [1, 3], subject: 'S', body: 'B' })).toBe(key);
    expect(approvalKey({ ids: [1, 3, 4], subject: 'S', body: 'B' })).not.toBe(key);
    expect(approvalKey({ ids: [1, 3], subject: 'S', body: 'B!' })).not.toBe(key);
    const body = 'Hello {mentee_name}, meet {mentor_name}. Write soon, please.';
    expect(approveSelectedSchema.safeParse({ ids: ['1'], subject: 'Meet {mentor_name}', body }).success).toBe(true);
    const typo = approveSelectedSchema.safeParse({ ids: ['1'], subject: 'Meet {mentor_nmae}', body });
    expect(typo.success).toBe(false);
    expect(typo.error!.issues[0]).toMatchObject({ path: ['subject'], message: expect.stringContaining('{mentor_nmae}') });
    expect(approveSelectedSchema.safeParse({ subject: 'Meet', body }).success).toBe(false);
  });
});

describe('[SETTINGS]: program settings and weights', () => {
  let original: ProgramSettings;
  beforeAll(async () => {
    original = settingsInput(await getProgramSettings(admin));
  });
  // Later tests in this file score with the settings: leave them as they were found.
  afterAll(async () => {
    await updateProgramSettings(admin, original);
  });

  it('validation: “due soon” must come before “overdue”, every value within its range, weights 0–100', () => {
    expect(programSettingsSchema.safeParse(validSettings()).success).toBe(true);
    const issue = (input: unknown) => programSettingsSchema.safeParse(input).error?.issues[0];
    expect(issue(validSettings({ cadenceDueSoonDays: 60, cadenceOverdueDays: 60 }))).toMatchObject({ path: ['cadenceDueSoonDays'] });
    expect(issue(validSettings({ cadenceDueSoonDays: 90, cadenceOverdueDays: 60 }))).toMatchObject({ path: ['cadenceDueSoonDays'] });
    expect(issue(validSettings({ termMonths: 0 }))).toMatchObject({ path: ['termMonths'] });
    expect(issue(validSettings({ termMonths: 37 }))).toMatchObject({ path: ['termMonths'] });
    expect(issue(validSettings({ termMonths: 1.5 }))).toMatchObject({ path: ['termMonths'] });
    expect(issue(validSettings({ renewalWindowDays: 121 }))).toMatchObject({ path: ['renewalWindowDays'] });
    expect(issue(validSettings({ termMonths: 1, renewalWindowDays: 30 }))).toMatchObject({ path: ['renewalWindowDays'] });
    expect(issue(validSettings({ cadenceDueSoonDays: 6 }))).toMatchObject({ path: ['cadenceDueSoonDays'] });
    expect(issue(validSettings({ cadenceOverdueDays: 366 }))).toMatchObject({ path: ['cadenceOverdueDays'] });
    expect(issue(validSettings({}, { base: 101 }))).toMatchObject({ path: ['weights', 'base'] });
    expect(issue(validSettings({}, { needs: -1 }))).toMatchObject({ path: ['weights', 'needs'] });
    expect(issue(validSettings({}, { needs: 1.234 }))).toMatchObject({ path: ['weights', 'needs'] });
    const { waiting: _dropped, ...partial } = DEFAULT_WEIGHTS;
    expect(issue({ ...validSettings(), weights: partial })).toMatchObject({ path: ['weights', 'waiting'] });
  });

  it('the form: each weight has its own box and error, and an empty box is an error, not 0', () => {
    const form: Record<string, string> = {
      termMonths: '12',
      renewalWindowDays: '30',
      cadenceDueSoonDays: '45',
      cadenceOverdueDays: '60',
      checkInFirstDays: '30',
      checkInEveryDays: '60',
    };
    for (const [k, v] of Object.entries(DEFAULT_WEIGHTS)) form[weightName(k as keyof Weights)] = String(v);
    const ok = programSettingsFormSchema.safeParse({ ...form, [weightName('specialty')]: '12.5' });
    expect(ok.success && ok.data).toEqual(validSettings({}, { specialty: 12.5 }));
    const empty = programSettingsFormSchema.safeParse({ ...form, [weightName('language')]: ' ' });
    expect(empty.error?.issues.map((i) => i.path[0])).toEqual([weightName('language')]);
    const order = programSettingsFormSchema.safeParse({ ...form, cadenceDueSoonDays: '70' });
    expect(order.error?.issues.map((i) => i.path[0])).toEqual(['cadenceDueSoonDays']);
  });

  it('an update writes one audit row with before and after; an invalid one changes nothing', async () => {
    const before = await getProgramSettings(admin);
    const next = validSettings({ renewalWindowDays: 21, cadenceDueSoonDays: 40, cadenceOverdueDays: 75 }, { ...before.weights, language: 7.5 });
    const saved = await updateProgramSettings(admin, next);
    expect(saved).toMatchObject({ renewalWindowDays: 21, cadenceDueSoonDays: 40, cadenceOverdueDays: 75 });
    expect(saved.weights.language).toBe(7.5);
    expect(await getProgramSettings(admin)).toMatchObject({ renewalWindowDays: 21, weights: expect.objectContaining({ language: 7.5 }) });

    const [last] = (await auditsFor('program-settings', '1', ['settings.updated'])).filter((a) => a.actorId === admin.id).slice(-1);
    expect(last.details).toMatchObject({
      before: { renewalWindowDays: before.renewalWindowDays, weights: expect.objectContaining({ language: before.weights.language }) },
      after: { renewalWindowDays: 21, cadenceOverdueDays: 75, weights: expect.objectContaining({ language: 7.5 }) },
    });

    const audits = (await auditsFor('program-settings', '1')).length;
    await expect(updateProgramSettings(admin, { ...next, cadenceDueSoonDays: 80 })).rejects.toThrow(/before “overdue”/);
    await expect(updateProgramSettings(admin, { ...next, weights: { ...next.weights, base: 500 } })).rejects.toThrow(/at most 100/);
    expect(await getProgramSettings(admin)).toMatchObject({ renewalWindowDays: 21, cadenceDueSoonDays: 40 });
    expect((await auditsFor('program-settings', '1')).length).toBe(audits);
  });

  it('changed weights change the suggestion scores', async () => {
    const current = await getProgramSettings(admin);
    const mentee = await approvedMentee({ specialties: ['family-medicine'] });
    const mentor = await approvedMentor({ specialty: 'family-medicine' });
    const line = async () => (await suggested(mentee.id, mentor.id))!;

    // Two chosen weights (not the defaults the code ships), so the points can only come from the settings.
    await updateProgramSettings(admin, { ...settingsInput(current), weights: { ...current.weights, specialty: 17 } });
    const atDefault = await line();
    expect(atDefault.breakdown.find((l) => l.criterion === 'specialty')!.points).toBe(17);

    await updateProgramSettings(admin, { ...settingsInput(current), weights: { ...current.weights, specialty: 50 } });
    const raised = await line();
    expect(raised.breakdown.find((l) => l.criterion === 'specialty')!.points).toBe(50);
    expect(raised.score).toBeCloseTo(atDefault.score + 33, 2);
    await updateProgramSettings(admin, settingsInput(current));
  });
});

describe('[SETTINGS]: cohorts', () => {
  it('a coordinator creates a cohort, closes and reopens it; each change is audited once', async () => {
    const name = `Test cohort ${unique()}`;
    // A launch date in the past: while open, registrations from other tests may join it, and a past
    // launch leaves their start dates alone.
    const id = await createCohort(admin, { name, programYear: 2001, launchDate: '2001-01-15' });
    try {
      expect((await listCohorts(admin)).find((c) => c.id === id)).toMatchObject({ name, programYear: 2001, launchDate: '2001-01-15', isOpen: true });
      await expect(createCohort(admin, { name: name.toUpperCase(), programYear: 2001, launchDate: '2001-01-15' })).rejects.toThrow(/already a cohort/);

      expect(await setCohortOpen(admin, { cohortId: id, open: false })).toBe(true);
      expect(await setCohortOpen(admin, { cohortId: id, open: false })).toBe(false);
      expect((await listCohorts(admin)).find((c) => c.id === id)!.isOpen).toBe(false);
      expect(await setCohortOpen(admin, { cohortId: id, open: true })).toBe(true);
      expect((await auditsFor('cohort', String(id))).map((a) => a.action)).toEqual(['cohort.created', 'cohort.closed', 'cohort.opened']);
      await expect(setCohortOpen(admin, { cohortId: 2_000_000_000, open: true })).rejects.toThrow(/could not be found/);
    } finally {
      await setCohortOpen(admin, { cohortId: id, open: false });
    }
  });

  it('cohort input is validated: real dates, sensible years, a name', () => {
    const ok = { name: 'Spring', programYear: '2027', launchDate: '2027-01-15' };
    expect(createCohortSchema.safeParse(ok).success).toBe(true);
    expect(createCohortSchema.safeParse({ ...ok, launchDate: '2027-02-30' }).success).toBe(false);
    expect(createCohortSchema.safeParse({ ...ok, launchDate: '15/01/2027' }).success).toBe(false);
    expect(createCohortSchema.safeParse({ ...ok, programYear: '' }).success).toBe(false);
    expect(createCohortSchema.safeParse({ ...ok, programYear: '1999' }).success).toBe(false);
    expect(createCohortSchema.safeParse({ ...ok, name: ' ' }).success).toBe(false);
  });
});

describe('[PERMISSIONS]: students and physicians cannot run matching or change settings', () => {
  it.each(['mentee', 'mentor'] as const)('a %s is refused by every function, and nothing changes', async (role) => {
    const intruder = role === 'mentee' ? await approvedMentee() : await approvedMentor();
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await setMatchRule(admin, { menteeId: mentee.id, mentorId: mentor.id, kind: 'exclude', reason: 'Kept' });
    await proposePairings(admin, [{ menteeId: (await approvedMentee()).id, mentorId: mentor.id }]);
    const cohortId = await createCohort(admin, { name: `Guarded ${unique()}`, programYear: 2001, launchDate: '2001-02-01' });
    await setCohortOpen(admin, { cohortId, open: false });
    const settingsBefore = await getProgramSettings(admin);
    const db = await getDb();
    const [proposal] = await db
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.mentorId, mentor.id), eq(pairings.state, 'proposed')));
    const auditsByIntruder = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorId, intruder.id)))[0].n;
    const auditsBefore = await auditsByIntruder(); // their own registration

    // Thunks, started one at a time: each call runs only when its refusal is awaited.
    const refused = [
      () => setMatchRule(intruder, { menteeId: mentee.id, mentorId: mentor.id, kind: 'lock', reason: 'Sneaky' }),
      () => clearMatchRule(intruder, { menteeId: mentee.id, mentorId: mentor.id }),
      () => listMatchRules(intruder),
      () => getProgramSettings(intruder),
      () => updateProgramSettings(intruder, validSettings({}, { base: 99 })),
      () => listCohorts(intruder),
      () => createCohort(intruder, { name: `Intruder ${unique()}`, programYear: 2030, launchDate: '2030-01-01' }),
      () => setCohortOpen(intruder, { cohortId, open: true }),
      () => freeMentorPlaces(intruder),
      () => getMenteeStanding(intruder, mentee.id),
      () => previewIntroduction(intruder, proposal.id, { subject: 'x', body: 'y' }),
      () => namePairings(intruder, [proposal.id]),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);

    expect(await rulesBetween(mentee.id, mentor.id)).toEqual([{ kind: 'exclude', reason: 'Kept' }]);
    expect(await getProgramSettings(admin)).toEqual(settingsBefore);
    const [cohort] = await db.select({ isOpen: cohorts.isOpen }).from(cohorts).where(eq(cohorts.id, cohortId));
    expect(cohort.isOpen).toBe(false);
    expect(await auditsByIntruder()).toBe(auditsBefore);
  });
});
