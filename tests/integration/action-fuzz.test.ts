/**
 * Property-based fuzzing of every server action's input (fast-check): start from the action's valid
 * form in the shared table and break one to three fields in ways no real form sends — invisible
 * characters, line breaks in single-line fields, impossible calendar dates, blank numbers, huge
 * values. Every such input must come back as a field error: never a throw (a 500), never the
 * generic "something went wrong", never a success, and no row written.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { callAction, toFormData, type FormInput, type Outcome } from '../support/action-harness';
import { ACTIONS, buildWorld, ROLES, type Target, type World } from '../support/action-table';
import { diffSnapshots, snapshotAllTables } from '../support/db-snapshot';
import { validMenteeForm, validMentorForm } from '../support/forms';
import { exportedFunctions, serverActionModules } from '../support/server-actions';

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<object>()), getCurrentUser: async () => signedIn.user }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000', 'x-forwarded-for': '203.0.113.10', origin: 'http://localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
  draftMode: async () => ({ isEnabled: false }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

/** Per action. 1,000 × 22 actions stays well under a minute: bad input never reaches the database. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const GENERIC = 'Something went wrong on our side and nothing was saved. Please try again.';

// Invisible characters that String.prototype.trim does not remove (so no form can shed them).
const INVISIBLE = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000e', '\u001b', '\u007f', '\u0080', '\u009b'];
const LINE_BREAKS = ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029'];

/** Puts `inside` between two halves of `value`, with a letter on each side so trimming cannot drop it. */
const splice = (value: string, at: number, inside: string) => {
  const i = Math.min(at, value.length);
  return `${value.slice(0, i) || 'x'}${inside}${value.slice(i) || 'x'}`;
};

/** A YYYY-MM-DD that is not a day on the calendar: month 0 or 13–99, or a day past the month's end. */
const impossibleDate = fc
  .oneof(
    fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(0, 13, 14, 45, 99), fc.integer({ min: 1, max: 28 })),
    fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constant(2), fc.integer({ min: 30, max: 31 })),
    fc.tuple(
      fc.integer({ min: 2001, max: 2099 }).filter((y) => y % 4 !== 0),
      fc.constant(2),
      fc.constant(29),
    ),
    fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(4, 6, 9, 11), fc.constant(31)),
    fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 45, 99)),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

type Kind = 'invisible' | 'line-break' | 'huge' | 'impossible-date' | 'blank-number' | 'not-a-number';
type Mutation = { field: string; kind: Kind; value: string };

/** Bad values for one field, chosen by what the valid value looks like. */
function badValues(field: string, valid: string, multiline: readonly string[]): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(fc.nat(valid.length), fc.constantFrom(...INVISIBLE)).map(([at, c]) => ({ field, kind: 'invisible' as const, value: splice(valid, at, c) })),
    // Past every field's limit (the longest, a statement or an email body, is 10,000 characters).
    fc.integer({ min: 41_000, max: 60_000 }).map((n) => ({ field, kind: 'huge' as const, value: valid + 'x'.repeat(n) })),
  ];
  if (!multiline.includes(field))
    options.push(
      fc.tuple(fc.nat(valid.length), fc.constantFrom(...LINE_BREAKS)).map(([at, c]) => ({ field, kind: 'line-break' as const, value: splice(valid, at, c) })),
    );
  if (/^\d{4}-\d{2}-\d{2}$/.test(valid)) options.push(impossibleDate.map((value) => ({ field, kind: 'impossible-date' as const, value })));
  if (/^\d+$/.test(valid)) {
    options.push(fc.constantFrom('', ' ', '   ', '\t', '\u00a0').map((value) => ({ field, kind: 'blank-number' as const, value })));
    options.push(fc.constantFrom('1e3', '0x10', 'Infinity', 'NaN', '1,5', '12abc', '--1').map((value) => ({ field, kind: 'not-a-number' as const, value })));
  }
  return fc.oneof(...options);
}

/** One to three fields of the valid form broken at once; checkbox groups get one bad entry. */
function badForms(valid: FormInput, multiline: readonly string[]): fc.Arbitrary<{ form: FormInput; mutations: Mutation[] }> | null {
  const targets = Object.entries(valid).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ''));
  if (!targets.length) return null;
  const perField = targets.map(([field, v]) => badValues(field, Array.isArray(v) ? v[0] : v, multiline));
  return fc.uniqueArray(fc.oneof(...perField), { minLength: 1, maxLength: 3, selector: (m) => m.field }).map((mutations) => {
    const form: FormInput = { ...valid };
    for (const m of mutations) {
      const v = valid[m.field];
      form[m.field] = Array.isArray(v) ? [m.value, ...v.slice(1)] : m.value;
    }
    return { form, mutations };
  });
}

const tally = { actions: 0, cases: 0, fieldErrors: 0, threw: 0, generic: 0, succeeded: 0, writes: 0, skipped: [] as string[] };

describe('[FUZZ]: bad input gets a field error, never a 500, never a write', () => {
  let actions: Map<string, (...args: never[]) => unknown>;
  let world: World;

  beforeAll(async () => {
    actions = await exportedFunctions(serverActionModules());
    world = await buildWorld();
  });

  afterAll(() => {
    console.info(
      `[FUZZ] ${tally.actions} actions, ${tally.cases} generated bad inputs: ${tally.fieldErrors} field errors, ${tally.threw} threw, ${tally.generic} generic errors, ${tally.succeeded} succeeded, ${tally.writes} actions wrote; no input to fuzz: ${tally.skipped.join(', ') || 'none'}`,
    );
  });

  // The probe's own examples, each through the real action: a field error on the right field, no write.
  it.each([
    ['app/(admin)/admin/settings/actions.ts#createCohortAction', 'admin', { name: 'Spring cohort', programYear: '2027', launchDate: '2027-13-45' }, 'launchDate'],
    ['lib/registration/actions.ts#pauseAction', 'mentor', { pausedUntil: '2027-02-30' }, 'pausedUntil'],
    ['lib/registration/actions.ts#saveMentorProfileAction', 'mentor', { ...validMentorForm(), yearsInPractice: '  ' }, 'yearsInPractice'],
    ['lib/registration/actions.ts#saveMenteeProfileAction', 'mentee', { ...validMenteeForm(), school: 'Example\u2028University' }, 'school'],
    ['app/(admin)/admin/values/actions.ts#publishStatementAction', 'admin', { title: 'New\ntitle', body: 'x'.repeat(80), confirm: 'on' }, 'title'],
    ['lib/roadmap/actions.ts#addRoadmapItemAction', 'mentee', { pairingId: '1', title: 'Mock interview', targetDate: '2027-02-30' }, 'targetDate'],
    ['lib/roadmap/actions.ts#editRoadmapItemAction', 'mentor', { itemId: '1', title: 'Mock\u2028interview', targetDate: '2027-06-30' }, 'title'],
    [
      'app/(admin)/admin/roadmap/actions.ts#addTemplateItemAction',
      'admin',
      { position: '10', title: 'Letters', description: '', yearOffset: '0', month: '4', day: '31' },
      'day',
    ],
    ['lib/meetings/actions.ts#logMeetingAction', 'mentee', { pairingId: '1', date: '2027-02-30', format: 'video', durationMinutes: '45', topics: ['mcat'] }, 'date'],
    [
      'lib/meetings/actions.ts#logMeetingAction',
      'mentor',
      { pairingId: '1', date: '2027-02-01', format: 'video', durationMinutes: '45', topics: ['mcat\u0000'] },
      'topics',
    ],
  ] as const)('%s as %s: the field error lands on the field and nothing is written', async (key, role, form, field) => {
    signedIn.user = world[role];
    const before = await snapshotAllTables();
    const outcome = await callAction(actions.get(key), toFormData(form as FormInput));
    expect(outcome.kind, JSON.stringify(outcome)).toBe('field-error');
    if (outcome.kind === 'field-error') expect(outcome.state.fieldErrors?.[field]?.length, JSON.stringify(outcome.state.fieldErrors)).toBeGreaterThan(0);
    expect(diffSnapshots(before, await snapshotAllTables())).toEqual({});
  });

  it.each(Object.keys(ACTIONS))(`%s: ${RUNS} bad inputs, each a field error`, async (key) => {
    const [access, build, multiline = []] = ACTIONS[key];
    const action = actions.get(key);
    expect(action, `${key} is in the table but not exported`).toBeDefined();
    // Fuzz as someone the action admits, so the input (not the guard) is what gets refused.
    const role = ROLES.find((r) => access[r] !== 'no')!;
    signedIn.user = role === 'anonymous' ? null : world[role];
    const t: Target = { person: signedIn.user ?? world.mentee, mentee: world.mentee, mentor: world.mentor, pairingId: world.ownPairingId, world, tag: 'fuzz' };
    const arbitrary = badForms(build(t), multiline);
    if (!arbitrary) {
      tally.skipped.push(key.split('#')[1]);
      return;
    }
    tally.actions++;
    const before = await snapshotAllTables();
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ form }) => {
        const outcome: Outcome = await callAction(action, toFormData(form));
        tally.cases++;
        if (outcome.kind === 'field-error') tally.fieldErrors++;
        else if (outcome.kind === 'threw') tally.threw++;
        else if (outcome.kind === 'answered' && outcome.state.message === GENERIC) tally.generic++;
        else tally.succeeded++;
        const shown = outcome.kind === 'threw' ? String(outcome.error) : JSON.stringify(outcome).slice(0, 400);
        expect(outcome.kind, shown).toBe('field-error');
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201), endOnFailure: true },
    );
    const changed = diffSnapshots(before, await snapshotAllTables());
    if (Object.keys(changed).length) tally.writes++;
    expect(changed, `${key}: a refused input wrote rows`).toEqual({});
  });
});
