import 'server-only';
/**
 * The coordinator's side of terms: a pairing's term history with both members' answers, its close
 * surveys, and extending the current term. Ending a term now is ending the pairing
 * (endPairing in lib/pairings/operations.ts), which closes the open term as `ended`.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pairings, pairingTerms, renewalChoices } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { loadProgramSettings } from '@/lib/settings/program';
import { now as clockNow } from '@/lib/time/clock';
import { todayIn } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';
import { listSurveyAnswers, type SurveyAnswer } from './closing';
import type { Choice, Side } from './forms';
import { inRenewalWindow } from './renewal';
import { termColumns, type TermRow } from './terms';

export type TermHistory = TermRow & { choices: Record<Side, { choice: Choice; chosenAt: Date } | null> };

export type TermSection = {
  state: 'proposed' | 'active' | 'completed' | 'ended';
  paused: boolean;
  today: string;
  windowOpen: boolean;
  terms: TermHistory[];
  surveys: SurveyAnswer[];
};

export async function getTermSection(actor: SessionUser, pairingId: number): Promise<TermSection | null> {
  assertPermission(actor, 'terms:manage');
  const db = await getDb();
  const [p] = await db.select({ state: pairings.state, pausedAt: pairings.pausedAt }).from(pairings).where(eq(pairings.id, pairingId));
  if (!p) return null;
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, clockNow());
  const terms = await db
    .select(termColumns)
    .from(pairingTerms)
    .where(eq(pairingTerms.pairingId, pairingId))
    .orderBy(asc(pairingTerms.number));
  const choiceRows = terms.length
    ? await db
        .select({ termId: renewalChoices.termId, side: renewalChoices.side, choice: renewalChoices.choice, chosenAt: renewalChoices.chosenAt })
        .from(renewalChoices)
        .where(
          inArray(
            renewalChoices.termId,
            terms.map((t) => t.id),
          ),
        )
    : [];
  const open = terms.find((t) => t.outcome === null);
  return {
    state: p.state,
    paused: !!p.pausedAt,
    today,
    windowOpen: !!open && inRenewalWindow(today, open.endDate, settings.renewalWindowDays),
    terms: terms.map((t) => {
      const choices: TermHistory['choices'] = { mentee: null, mentor: null };
      for (const c of choiceRows.filter((c) => c.termId === t.id)) choices[c.side] = { choice: c.choice, chosenAt: c.chosenAt };
      return { ...t, choices };
    }),
    surveys: await listSurveyAnswers(actor, pairingId),
  };
}

/** Moves the current term's end date later (the pairing's with it), with a reason; audited. */
export async function extendTerm(actor: SessionUser, pairingId: number, endDate: string, reason: string): Promise<void> {
  assertPermission(actor, 'terms:manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [p] = await tx.select({ id: pairings.id, state: pairings.state }).from(pairings).where(eq(pairings.id, pairingId)).for('update');
    if (!p) throw new UserFacingError('This pairing cannot be found.');
    if (p.state !== 'active') throw new UserFacingError('Only an active pairing’s term can be extended.');
    const [term] = await tx
      .select({ id: pairingTerms.id, number: pairingTerms.number, endDate: pairingTerms.endDate })
      .from(pairingTerms)
      .where(and(eq(pairingTerms.pairingId, pairingId), isNull(pairingTerms.outcome)));
    if (!term) throw new UserFacingError('This pairing has no current term.');
    if (endDate <= term.endDate) throw new UserFacingError(`Choose a date after the current end date, ${formatDate(term.endDate)}.`);
    await tx.update(pairingTerms).set({ endDate, extendedFrom: term.endDate }).where(eq(pairingTerms.id, term.id));
    await tx.update(pairings).set({ endDate }).where(eq(pairings.id, pairingId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'term.extended',
      subjectId: pairingId,
      details: { term: term.number, from: term.endDate, to: endDate, reason },
    });
  });
}
