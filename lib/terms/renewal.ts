import 'server-only';
/**
 * Renewal: in the last `renewalWindowDays` of a term both members are asked (an email once per
 * term, a banner in the portal) whether to **continue** for another term or **conclude**. Each
 * may change their answer until the term's end date; on that date the daily sweep renews the
 * pairing when both chose to continue and completes it otherwise (no answer counts as conclude).
 * Completion sends each member the close survey.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { pairings, pairingTerms, renewalChoices, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { notice } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { claimOnce, type SweepTask } from '@/lib/jobs/sweep';
import { livePairing, pairingMember, pairingMembers, type Member } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { now as clockNow } from '@/lib/time/clock';
import { addMonths, daysBetween, todayIn } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';
import { choicesOf, currentTerm } from './terms';
import type { Choice, Side } from './forms';

/** Where each member makes their choice (the email's link, the banner's link). */
export const renewalPath = (side: Side, pairingId: number) => (side === 'mentee' ? '/mentee/renewal' : `/mentor/renewal/${pairingId}`);
export const surveyPath = (side: Side, pairingId: number) => `/${side}/survey/${pairingId}`;

/** The window is open from `renewalWindowDays` before the end date up to the day before it. */
export function inRenewalWindow(today: string, endDate: string, windowDays: number): boolean {
  const left = daysBetween(today, endDate);
  return left > 0 && left <= windowDays;
}

export type MyTerm = {
  pairingId: number;
  otherName: string;
  term: number;
  startDate: string;
  endDate: string;
  daysLeft: number;
  windowOpen: boolean;
  myChoice: Choice | null;
  chosenAt: Date | null;
  /** How long a renewed term would run. */
  termMonths: number;
};

/** The actor's active pairings with their current term and their own answer (never the other member's). */
export async function getMyTerms(actor: SessionUser): Promise<MyTerm[]> {
  assertPermission(actor, 'terms:choose');
  const side: Side = actor.role === 'mentor' ? 'mentor' : 'mentee';
  const db = await getDb();
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, clockNow());
  const other = alias(users, 'other');
  const rows = await db
    .select({
      pairingId: pairings.id,
      otherName: sql<string>`coalesce(${other.name}, ${other.email})`,
      termId: pairingTerms.id,
      term: pairingTerms.number,
      startDate: pairingTerms.startDate,
      endDate: pairingTerms.endDate,
      myChoice: renewalChoices.choice,
      chosenAt: renewalChoices.chosenAt,
    })
    .from(pairings)
    .innerJoin(pairingTerms, and(eq(pairingTerms.pairingId, pairings.id), isNull(pairingTerms.outcome)))
    .innerJoin(other, eq(other.id, side === 'mentee' ? pairings.mentorId : pairings.menteeId))
    .leftJoin(renewalChoices, and(eq(renewalChoices.termId, pairingTerms.id), eq(renewalChoices.side, side)))
    .where(and(pairingMember(actor), livePairing()))
    .orderBy(pairingTerms.endDate);
  return rows.map((r) => ({
    pairingId: r.pairingId,
    otherName: r.otherName,
    term: r.term,
    startDate: r.startDate,
    endDate: r.endDate,
    daysLeft: daysBetween(today, r.endDate),
    windowOpen: inRenewalWindow(today, r.endDate, settings.renewalWindowDays),
    myChoice: r.myChoice,
    chosenAt: r.chosenAt,
    termMonths: settings.termMonths,
  }));
}

/**
 * The member's continue/conclude for their pairing's current term. Ownership is in the query; a
 * paused or ended pairing, or a term whose end date has come, refuses the answer.
 */
export async function chooseRenewal(actor: SessionUser, pairingId: number, choice: Choice): Promise<void> {
  assertPermission(actor, 'terms:choose');
  const side: Side = actor.role === 'mentor' ? 'mentor' : 'mentee';
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: pairings.id, state: pairings.state, pausedAt: pairings.pausedAt })
      .from(pairings)
      .where(and(eq(pairings.id, pairingId), pairingMember(actor)))
      .for('update');
    if (!p) throw new UserFacingError('This pairing cannot be found.');
    if (p.state !== 'active') throw new UserFacingError('This pairing has ended, so its term can no longer be renewed.');
    if (p.pausedAt) throw new UserFacingError('This pairing is paused by the coordinator; renewal waits until it resumes.');
    const term = await currentTerm(tx, p.id);
    if (!term) throw new UserFacingError('This pairing has no current term.');
    const settings = await loadProgramSettings(tx);
    const today = todayIn(settings.timeZone, clockNow());
    if (today >= term.endDate) throw new UserFacingError(`The term ended on ${formatDate(term.endDate)}: answers can no longer be changed.`);
    const before = (await choicesOf(tx, term.id))[side];
    if (before?.choice === choice) return;
    await tx
      .insert(renewalChoices)
      .values({ termId: term.id, side, userId: actor.id, choice, chosenAt: clockNow() })
      .onConflictDoUpdate({ target: [renewalChoices.termId, renewalChoices.side], set: { choice, userId: actor.id, chosenAt: clockNow() } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'term.choice-made',
      subjectId: p.id,
      details: { term: term.number, side, choice, previous: before?.choice ?? null },
    });
  });
}

const nameOf = (m: Member) => m.name ?? m.email;

/**
 * Sweep task: the renewal prompt, once per pairing per term (claimOnce in the email's
 * transaction), to both members of every live pairing whose term is in its renewal window.
 */
export async function sendRenewalPrompts({ now }: { now: Date }): Promise<Record<string, number>> {
  const db = await getDb();
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, now);
  const lastDay = addDaysIso(today, settings.renewalWindowDays);
  const due = await db
    .select({ pairingId: pairings.id, term: pairingTerms.number, endDate: pairingTerms.endDate })
    .from(pairings)
    .innerJoin(pairingTerms, and(eq(pairingTerms.pairingId, pairings.id), isNull(pairingTerms.outcome)))
    .where(and(livePairing(), lte(pairingTerms.endDate, lastDay), sql`${pairingTerms.endDate} > ${today}`));
  let prompted = 0;
  for (const d of due) {
    const sent = await db.transaction(async (tx) => {
      if (!(await claimOnce(tx, { task: 'renewal-prompt', subject: `pairing:${d.pairingId}`, period: `term:${d.term}` }))) return false;
      const { mentee, mentor } = (await pairingMembers(tx, d.pairingId))!;
      const ends = formatDate(d.endDate);
      for (const [side, person, other] of [
        ['mentee', mentee, mentor],
        ['mentor', mentor, mentee],
      ] as const) {
        await notice(
          tx,
          person,
          'renewal',
          'Continue your mentorship for another term?',
          [
            `Your mentorship with ${nameOf(other)} reaches the end of its term on ${ends}. We ask you both whether you would like to go on.`,
            `Choose “continue” to keep meeting for another ${settings.termMonths === 12 ? 'year' : `${settings.termMonths} months`} — it happens only if you both choose it. Choose “conclude” to finish on ${ends}; the program will ask you a few short questions about how it went.`,
            `You can change your answer until ${ends}. If neither of you answers, the mentorship concludes then.`,
          ],
          { label: 'Choose continue or conclude', path: renewalPath(side, d.pairingId) },
        );
      }
      return true;
    });
    if (sent) prompted++;
  }
  return { prompted };
}

function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Sweep task: every live pairing whose term has reached its end date is renewed (both chose
 * continue: a new term from the old end date, `renewals` + 1, the pairing's end date moves) or
 * completed (anything else; the close survey goes to both). Each pairing is its own transaction,
 * locked and re-checked, so a second sweep finds nothing left to do. Paused pairings wait for the
 * coordinator (extend or end by hand).
 */
export async function closeEndedTerms({ now }: { now: Date }): Promise<Record<string, number>> {
  const db = await getDb();
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, now);
  const due = await db
    .select({ pairingId: pairings.id })
    .from(pairings)
    .innerJoin(pairingTerms, and(eq(pairingTerms.pairingId, pairings.id), isNull(pairingTerms.outcome)))
    .where(and(livePairing(), lte(pairingTerms.endDate, today)));
  const counts = { renewed: 0, completed: 0 };
  for (const { pairingId } of due) {
    const outcome = await db.transaction(async (tx) => {
      const [p] = await tx
        .select({ id: pairings.id })
        .from(pairings)
        .where(and(eq(pairings.id, pairingId), livePairing()))
        .for('update');
      if (!p) return null;
      const term = await currentTerm(tx, pairingId);
      if (!term || term.endDate > today) return null;
      const choices = await choicesOf(tx, term.id);
      if (choices.mentee?.choice === 'continue' && choices.mentor?.choice === 'continue') {
        const endDate = addMonths(term.endDate, settings.termMonths);
        await tx.update(pairingTerms).set({ outcome: 'renewed', closedAt: now }).where(eq(pairingTerms.id, term.id));
        await tx.insert(pairingTerms).values({ pairingId, number: term.number + 1, startDate: term.endDate, endDate });
        await tx
          .update(pairings)
          .set({ endDate, renewals: sql`${pairings.renewals} + 1` })
          .where(eq(pairings.id, pairingId));
        await writeAudit(tx, { actorId: null, action: 'term.renewed', subjectId: pairingId, details: { term: term.number + 1, startDate: term.endDate, endDate } });
        return 'renewed' as const;
      }
      await tx.update(pairingTerms).set({ outcome: 'completed', closedAt: now }).where(eq(pairingTerms.id, term.id));
      await tx.update(pairings).set({ state: 'completed', endedAt: now }).where(eq(pairings.id, pairingId));
      await writeAudit(tx, {
        actorId: null,
        action: 'term.completed',
        subjectId: pairingId,
        details: { term: term.number, endDate: term.endDate, mentee: choices.mentee?.choice ?? null, mentor: choices.mentor?.choice ?? null },
      });
      const { mentee, mentor } = (await pairingMembers(tx, pairingId))!;
      for (const [side, person, other] of [
        ['mentee', mentee, mentor],
        ['mentor', mentor, mentee],
      ] as const)
        await notice(
          tx,
          person,
          'close-survey',
          'How did your mentorship go?',
          [
            `Your mentorship with ${nameOf(other)} concluded on ${formatDate(term.endDate)}. Thank you for the time and care you gave it.`,
            'Would you tell the program how it went? Five short questions, two minutes. Only the program coordinator reads your answers.',
          ],
          { label: 'Answer the close survey', path: surveyPath(side, pairingId) },
        );
      return 'completed' as const;
    });
    if (outcome) counts[outcome]++;
  }
  return counts;
}

export const renewalPromptTask: SweepTask = { name: 'renewal-prompts', run: sendRenewalPrompts };
export const termEndTask: SweepTask = { name: 'term-ends', run: closeEndedTerms };
