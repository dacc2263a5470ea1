import 'server-only';
/**
 * The pairing's terms: the one place that opens and closes `pairing_terms` rows (see
 * db/schema/terms.ts for what a term is). Approval opens term 1, the sweep renews or completes,
 * and any ending (coordinator, withdrawal) closes the open term as `ended`.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { pairingTerms, renewalChoices } from '@/db/schema';
import { now } from '@/lib/time/clock';
import type { Choice, Side } from './forms';

/** Term 1, opened in the approval's transaction with the pairing's own start and end dates. */
export async function openFirstTerm(tx: Tx, pairingId: number, startDate: string, endDate: string): Promise<void> {
  await tx.insert(pairingTerms).values({ pairingId, number: 1, startDate, endDate });
}

/** Closes the open term of a pairing that ended before its term did (no-op when there is none). */
export async function closeOpenTerm(tx: Tx, pairingId: number, outcome: 'ended' | 'completed' | 'renewed'): Promise<void> {
  await tx
    .update(pairingTerms)
    .set({ outcome, closedAt: now() })
    .where(and(eq(pairingTerms.pairingId, pairingId), isNull(pairingTerms.outcome)));
}

/** A term's columns, as every reader of terms selects them. */
export const termColumns = {
  id: pairingTerms.id,
  number: pairingTerms.number,
  startDate: pairingTerms.startDate,
  endDate: pairingTerms.endDate,
  extendedFrom: pairingTerms.extendedFrom,
  outcome: pairingTerms.outcome,
};

export type TermRow = {
  id: number;
  number: number;
  startDate: string;
  endDate: string;
  extendedFrom: string | null;
  outcome: 'renewed' | 'completed' | 'ended' | null;
};

/** The pairing's open term, or null once it has closed. */
export async function currentTerm(db: Db | Tx, pairingId: number): Promise<TermRow | null> {
  const [t] = await db
    .select(termColumns)
    .from(pairingTerms)
    .where(and(eq(pairingTerms.pairingId, pairingId), isNull(pairingTerms.outcome)));
  return t ?? null;
}

/** The last term a pairing had (open or closed). */
export async function lastTerm(db: Db | Tx, pairingId: number): Promise<TermRow | null> {
  const [t] = await db
    .select(termColumns)
    .from(pairingTerms)
    .where(eq(pairingTerms.pairingId, pairingId))
    .orderBy(desc(pairingTerms.number))
    .limit(1);
  return t ?? null;
}

/** Both members' answers for one term. */
export async function choicesOf(db: Db | Tx, termId: number): Promise<Record<Side, { choice: Choice; chosenAt: Date } | null>> {
  const rows = await db
    .select({ side: renewalChoices.side, choice: renewalChoices.choice, chosenAt: renewalChoices.chosenAt })
    .from(renewalChoices)
    .where(eq(renewalChoices.termId, termId));
  const out: Record<Side, { choice: Choice; chosenAt: Date } | null> = { mentee: null, mentor: null };
  for (const r of rows) out[r.side] = { choice: r.choice, chosenAt: r.chosenAt };
  return out;
}
