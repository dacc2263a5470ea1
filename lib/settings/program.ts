import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type Tx } from '@/db/client';
import { programSettings } from '@/db/schema';
import { numberField } from '@/lib/forms/fields';
import { writeAudit } from '@/lib/audit/write';
import { parseOrRefuse } from '@/lib/forms/parse';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { scheduleDailySweep } from '@/lib/jobs/schedule';
import { CRITERIA, resolveWeights, type Criterion, type Weights } from '@/lib/matching/scoring';
import { DEFAULT_TIME_ZONE, isTimeZone, todayIn } from '@/lib/time/dates';

export const CRITERION_KEYS = Object.keys(CRITERIA) as Criterion[];

/** The limits the form and the server share. */
export const SETTING_LIMITS = {
  termMonths: { min: 1, max: 36 },
  renewalWindowDays: { min: 1, max: 120 },
  cadenceDays: { min: 7, max: 365 },
  checkInFirstDays: { min: 7, max: 365 },
  checkInEveryDays: { min: 14, max: 365 },
  weight: { min: 0, max: 100 },
} as const;

/** The column defaults in db/schema.ts, used until the settings row exists. */
export const PROGRAM_DEFAULTS = {
  termMonths: 12,
  renewalWindowDays: 30,
  cadenceDueSoonDays: 45,
  cadenceOverdueDays: 60,
  checkInFirstDays: 30,
  checkInEveryDays: 60,
  timeZone: DEFAULT_TIME_ZONE,
} as const;

export type ProgramSettingsView = {
  termMonths: number;
  renewalWindowDays: number;
  cadenceDueSoonDays: number;
  cadenceOverdueDays: number;
  /** Private check-ins: the first this many days after a pairing starts, then every checkInEveryDays. */
  checkInFirstDays: number;
  checkInEveryDays: number;
  /** Every criterion, with defaults filled in where nothing (valid) is stored. */
  weights: Weights;
  /** The IANA zone the program's calendar runs in. */
  timeZone: string;
  updatedAt: Date | null;
};

const fields = {
  termMonths: numberField('the term length', SETTING_LIMITS.termMonths.min, SETTING_LIMITS.termMonths.max, { whole: true }),
  renewalWindowDays: numberField('the renewal window', SETTING_LIMITS.renewalWindowDays.min, SETTING_LIMITS.renewalWindowDays.max, { whole: true }),
  cadenceDueSoonDays: numberField('the “due soon” threshold', SETTING_LIMITS.cadenceDays.min, SETTING_LIMITS.cadenceDays.max, { whole: true }),
  cadenceOverdueDays: numberField('the “overdue” threshold', SETTING_LIMITS.cadenceDays.min, SETTING_LIMITS.cadenceDays.max, { whole: true }),
  checkInFirstDays: numberField('the first check-in', SETTING_LIMITS.checkInFirstDays.min, SETTING_LIMITS.checkInFirstDays.max, { whole: true }),
  checkInEveryDays: numberField('the days between check-ins', SETTING_LIMITS.checkInEveryDays.min, SETTING_LIMITS.checkInEveryDays.max, { whole: true }),
};

const weightField = (k: Criterion) => numberField(`the weight for “${CRITERIA[k].label}”`, SETTING_LIMITS.weight.min, SETTING_LIMITS.weight.max);

type Scalars = {
  termMonths: number;
  renewalWindowDays: number;
  cadenceDueSoonDays: number;
  cadenceOverdueDays: number;
  checkInFirstDays?: number;
  checkInEveryDays?: number;
};

/** Rules across fields; the issue lands on the field the coordinator should change. */
function crossChecks(v: Scalars, ctx: z.RefinementCtx) {
  if (v.cadenceDueSoonDays >= v.cadenceOverdueDays)
    ctx.addIssue({ code: 'custom', path: ['cadenceDueSoonDays'], message: '“Due soon” must come before “overdue”: use fewer days than the overdue threshold.' });
  // The shortest month has 28 days: a window that long or longer would open before the term starts.
  if (v.renewalWindowDays >= v.termMonths * 28)
    ctx.addIssue({ code: 'custom', path: ['renewalWindowDays'], message: 'The renewal window must be shorter than the term.' });
}

/** What updateProgramSettings accepts: every setting and every weight, all required. */
export const programSettingsSchema = z
  .object({
    ...fields,
    // Optional here (absent keeps what is saved), so callers written before check-ins still work; the form sends both.
    checkInFirstDays: fields.checkInFirstDays.optional(),
    checkInEveryDays: fields.checkInEveryDays.optional(),
    weights: z.object(Object.fromEntries(CRITERION_KEYS.map((k) => [k, weightField(k)])) as Record<Criterion, ReturnType<typeof weightField>>),
  })
  .superRefine(crossChecks);
export type ProgramSettingsInput = z.input<typeof programSettingsSchema>;
export type ProgramSettings = z.output<typeof programSettingsSchema>;

/** The form's name for a weight's input (flat, so each error lands beside its own box). */
export const weightName = (k: Criterion) => `weight_${k}`;

/** The settings form as the browser posts it: flat fields, turned into the nested input. */
export const programSettingsFormSchema = z
  .object({ ...fields, ...(Object.fromEntries(CRITERION_KEYS.map((k) => [weightName(k), weightField(k)])) as Record<string, ReturnType<typeof weightField>>) })
  .superRefine((v, ctx) => crossChecks(v as unknown as Scalars, ctx))
  .transform((v): ProgramSettings => {
    const flat = v as unknown as Scalars & Record<string, number>;
    return {
      termMonths: flat.termMonths,
      renewalWindowDays: flat.renewalWindowDays,
      cadenceDueSoonDays: flat.cadenceDueSoonDays,
      cadenceOverdueDays: flat.cadenceOverdueDays,
      checkInFirstDays: flat.checkInFirstDays,
      checkInEveryDays: flat.checkInEveryDays,
      weights: Object.fromEntries(CRITERION_KEYS.map((k) => [k, flat[weightName(k)]])) as Weights,
    };
  });

const columns = {
  termMonths: programSettings.termMonths,
  renewalWindowDays: programSettings.renewalWindowDays,
  cadenceDueSoonDays: programSettings.cadenceDueSoonDays,
  cadenceOverdueDays: programSettings.cadenceOverdueDays,
  checkInFirstDays: programSettings.checkInFirstDays,
  checkInEveryDays: programSettings.checkInEveryDays,
  matchWeights: programSettings.matchWeights,
  timeZone: programSettings.timeZone,
  updatedAt: programSettings.updatedAt,
};

function toView(row: { matchWeights: Record<string, number>; timeZone: string } & Required<Scalars> & { updatedAt: Date | null }): ProgramSettingsView {
  const { matchWeights, ...rest } = row;
  return { ...rest, weights: resolveWeights(matchWeights) };
}

/**
 * The one read of the program's settings, for the code that applies them (matching, release,
 * dates); the defaults when the row has not been written yet. Not a permission check: callers
 * have done theirs.
 */
export async function loadProgramSettings(db: Db | Tx): Promise<ProgramSettingsView> {
  const [row] = await db.select(columns).from(programSettings).where(eq(programSettings.id, 1));
  return row ? toView(row) : toView({ ...PROGRAM_DEFAULTS, matchWeights: {}, updatedAt: null });
}

/** Today's date (YYYY-MM-DD) in the program's time zone, by the one clock. */
export async function programToday(db?: Db | Tx): Promise<string> {
  return todayIn((await loadProgramSettings(db ?? (await getDb()))).timeZone);
}

/** The program's settings, for the coordinator's settings page. */
export async function getProgramSettings(actor: SessionUser): Promise<ProgramSettingsView> {
  assertPermission(actor, 'settings:edit');
  return loadProgramSettings(await getDb());
}

/**
 * Replaces the program settings (row id = 1) and writes one audit row with the values before and
 * after. Weights are stored in full, so a later change to a default in code does not silently move
 * a weight the coordinator has saved.
 */
export async function updateProgramSettings(actor: SessionUser, input: ProgramSettingsInput): Promise<ProgramSettingsView> {
  assertPermission(actor, 'settings:edit');
  const { weights, ...scalars } = parseOrRefuse(programSettingsSchema, input, 'Check the settings.');
  const db = await getDb();
  const { before, after } = await db.transaction(async (tx) => {
    // Make sure the row exists, then lock it: two coordinators saving at once each get a true "before".
    await tx.insert(programSettings).values({ id: 1 }).onConflictDoNothing();
    const [current] = await tx.select(columns).from(programSettings).where(eq(programSettings.id, 1)).for('update');
    const before = toView(current);
    const [row] = await tx
      .update(programSettings)
      .set({ ...scalars, matchWeights: weights })
      .where(eq(programSettings.id, 1))
      .returning(columns);
    const after = toView(row);
    const snapshot = ({ updatedAt: _u, ...v }: ProgramSettingsView) => v;
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.updated',
      subjectId: 1,
      details: { before: snapshot(before), after: snapshot(after) },
    });
    return { before, after };
  });
  // The daily sweep runs at 07:00 in the program's time zone: move its schedule with it.
  if (before.timeZone !== after.timeZone) await scheduleDailySweep();
  return after;
}

export type ProgramContact = { name: string; email: string };

/**
 * Whom people write to: the coordinator contact from the settings, or null when none is set yet
 * (then the copy says "the coordinator" without an address rather than inventing one). No
 * permission check: the contact is public, it is printed on the landing page.
 */
export async function programContact(db?: Db | Tx): Promise<ProgramContact | null> {
  const [row] = await (db ?? (await getDb()))
    .select({ name: programSettings.contactName, email: programSettings.contactEmail })
    .from(programSettings)
    .where(eq(programSettings.id, 1));
  if (!row?.email) return null;
  return { name: row.name?.trim() || 'The program coordinator', email: row.email };
}

export const programContactSchema = z.object({
  contactName: z
    .string()
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'Keep the name on one line, without hidden characters.')
    .trim()
    .min(1, 'Enter the name people will see.')
    .max(120, 'Use at most 120 characters.'),
  contactEmail: z
    .string()
    .regex(/^[^\p{Cc}\u2028\u2029\s]*$/u, 'Enter an email address such as coordinator@example.org.')
    .pipe(z.email('Enter an email address such as coordinator@example.org.').max(254)),
});

/** Sets the program contact; audited with the values before and after. */
export async function updateProgramContact(actor: SessionUser, input: z.input<typeof programContactSchema>): Promise<ProgramContact> {
  assertPermission(actor, 'settings:edit');
  const { contactName, contactEmail } = parseOrRefuse(programContactSchema, input, 'Check the contact details.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(programSettings).values({ id: 1 }).onConflictDoNothing();
    const [before] = await tx
      .select({ name: programSettings.contactName, email: programSettings.contactEmail })
      .from(programSettings)
      .where(eq(programSettings.id, 1))
      .for('update');
    await tx.update(programSettings).set({ contactName, contactEmail }).where(eq(programSettings.id, 1));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.contact-updated',
      subjectId: 1,
      details: { before: { name: before?.name ?? null, email: before?.email ?? null }, after: { name: contactName, email: contactEmail } },
    });
    return { name: contactName, email: contactEmail };
  });
}

/** The program's name as people see it (landing page, portals, every email); the default until the coordinator sets one. */
export async function programName(db?: Db | Tx): Promise<string> {
  const [row] = await (db ?? (await getDb())).select({ name: programSettings.programName }).from(programSettings).where(eq(programSettings.id, 1));
  return row?.name ?? DEFAULT_PROGRAM_NAME;
}

export const DEFAULT_PROGRAM_NAME = 'Physician Mentorship Program';

export const programIdentitySchema = z.object({
  programName: z
    .string({ error: 'Enter the program’s name.' })
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'Keep the name on one line, without hidden characters.')
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Enter the program’s name.').max(120, 'Use at most 120 characters.')),
  timeZone: z
    .string({ error: 'Choose the program’s time zone.' })
    .trim()
    .refine((v) => v.length > 0 && v.length <= 64 && isTimeZone(v), 'Choose a time zone from the list.'),
});

/**
 * The program's name and time zone; audited with before and after. A new time zone moves the
 * daily sweep's schedule and every "today" the program reads.
 */
export async function updateProgramIdentity(actor: SessionUser, input: z.input<typeof programIdentitySchema>): Promise<{ programName: string; timeZone: string }> {
  assertPermission(actor, 'settings:edit');
  const after = parseOrRefuse(programIdentitySchema, input, 'Check the program’s name and time zone.');
  const db = await getDb();
  const before = await db.transaction(async (tx) => {
    await tx.insert(programSettings).values({ id: 1 }).onConflictDoNothing();
    const [row] = await tx
      .select({ programName: programSettings.programName, timeZone: programSettings.timeZone })
      .from(programSettings)
      .where(eq(programSettings.id, 1))
      .for('update');
    await tx.update(programSettings).set(after).where(eq(programSettings.id, 1));
    await writeAudit(tx, { actorId: actor.id, action: 'settings.program-updated', subjectId: 1, details: { before: row, after } });
    return row;
  });
  if (before.timeZone !== after.timeZone) await scheduleDailySweep();
  return after;
}
