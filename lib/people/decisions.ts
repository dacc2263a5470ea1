import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users, type PersonStatus, type Role } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueDecision } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { idField, optionalText } from '@/lib/forms/fields';
import { now } from '@/lib/time/clock';

export const DECISIONS = ['approved', 'waitlisted', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Only people who finished registering and are still in the program can be decided on. */
export const DECIDABLE_ROLES = ['mentee', 'mentor'] as const satisfies readonly Role[];
export const DECIDABLE_STATUSES = ['pending', 'waitlisted', 'approved', 'declined'] as const satisfies readonly PersonStatus[];

export function isDecidable(person: { role: Role | null; status: PersonStatus }): boolean {
  return !!person.role && (DECIDABLE_ROLES as readonly Role[]).includes(person.role) && (DECIDABLE_STATUSES as readonly PersonStatus[]).includes(person.status);
}

// Schemas (pure; the server actions and the tests use them)

const reasonField = optionalText('the reason', 500);

const decisionField = z.enum(DECISIONS, { error: 'Choose approve, waitlist or decline.' });

const idsField = z
  .array(idField, { error: 'Choose at least one person.' })
  .default([])
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length > 0, 'Choose at least one person.')
  .refine((ids) => ids.length <= 100, 'Choose at most 100 people at a time.');

/** A decline goes out by email with the reason in it: the person deserves to know why. */
function requireReasonToDecline(v: { decision: Decision; reason: string | null }, ctx: z.RefinementCtx) {
  if (v.decision === 'declined' && !v.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason when declining. It is included in the email.' });
}

export const decisionSchema = z.object({ ids: idsField, decision: decisionField, reason: reasonField }).superRefine(requireReasonToDecline);
export type DecisionInput = z.output<typeof decisionSchema>;

/** The bulk form: the same decision, plus the key of the confirmation the coordinator answered. */
export const bulkDecisionSchema = z
  .object({ ids: idsField, decision: decisionField, reason: reasonField, confirm: confirmField })
  .superRefine(requireReasonToDecline);

/** The decision form on one person's page. */
export const personDecisionSchema = z.object({ userId: idField, decision: decisionField, reason: reasonField }).superRefine(requireReasonToDecline);

/** Names exactly what the coordinator confirmed: the decision, the reason and the people. */
export function confirmationKey(input: DecisionInput): string {
  return confirmKey('decide', [input.decision, input.reason, [...input.ids].sort().join(',')]);
}

export type DecisionResult = { changed: number; skipped: number };

type Decided = { id: string; email: string; name: string | null; role: 'mentee' | 'mentor' };

/** The waitlist clock: it starts when a mentee is approved and stops when they are declined. */
function waitingSinceAfter(decision: Decision, role: 'mentee' | 'mentor', current: Date | null, at: Date): Date | null {
  if (decision === 'declined') return null;
  if (decision === 'approved' && role === 'mentee') return current ?? at;
  return current;
}

/**
 * Approves, waitlists or declines registrants, all in one transaction with an audit row and a
 * queued email for each person whose status changed. People who are not mentees or mentors, who have not
 * finished registering, who withdrew, or who already have that status are skipped.
 */
export async function decideRegistrants(actor: SessionUser, input: { ids: string[]; decision: Decision; reason: string | null }): Promise<DecisionResult> {
  assertPermission(actor, 'registrants:review');
  if (!(DECISIONS as readonly string[]).includes(input.decision)) throw new UserFacingError('Choose approve, waitlist or decline.');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'declined' && !reason) throw new UserFacingError('Give a reason when declining.');
  const ids = [...new Set(input.ids)];
  if (!ids.length) return { changed: 0, skipped: 0 };

  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    // Locked in id order, so two coordinators deciding overlapping groups cannot deadlock, and
    // each person's "from" status is the one this decision replaces.
    const rows = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, waitingSince: users.waitingSince })
      .from(users)
      .where(inArray(users.id, ids))
      .orderBy(users.id)
      .for('update');
    const at = now();
    const changed: Decided[] = [];
    for (const row of rows) {
      if (!isDecidable(row) || row.status === input.decision) continue;
      const role = row.role as Decided['role'];
      await tx
        .update(users)
        .set({
          status: input.decision,
          statusReason: reason,
          statusChangedAt: at,
          waitingSince: waitingSinceAfter(input.decision, role, row.waitingSince, at),
        })
        .where(eq(users.id, row.id));
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'registrant.decided',
        subjectId: row.id,
        details: { from: row.status, to: input.decision, reason },
      });
      // Queued with the decision: the person hears of it if and only if it commits.
      await queueDecision(tx, { email: row.email, name: row.name }, role, input.decision, reason);
      changed.push({ id: row.id, email: row.email, name: row.name, role });
    }
    return changed;
  });
  return { changed: decided.length, skipped: ids.length - decided.length };
}
