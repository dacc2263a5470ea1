import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { matchRuleKind, matchRules, users } from '@/db/schema';
import { idField, requiredText } from '@/lib/forms/fields';
import { parseOrRefuse } from '@/lib/forms/parse';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { now } from '@/lib/time/clock';

/**
 * Admin rules the matcher honours: `exclude` (never suggest or propose this pair) and `lock` (the
 * optimiser must assign this pair when it is allowed). One rule per pair; setting again replaces it.
 */
export type MatchRuleKind = (typeof matchRuleKind.enumValues)[number];

export const RULE_REASON_MAX = 500;

export const matchRuleSchema = z.object({
  menteeId: idField,
  mentorId: idField,
  kind: z.enum(matchRuleKind.enumValues, { error: 'Choose lock or exclude.' }),
  // Required: a rule silently changes what the matcher offers, so the next coordinator needs the why.
  reason: requiredText('a reason', RULE_REASON_MAX, { multiline: true }),
});
export type MatchRuleInput = z.input<typeof matchRuleSchema>;

export const clearMatchRuleSchema = z.object({ menteeId: idField, mentorId: idField });

export type MatchRuleView = {
  id: number;
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  kind: MatchRuleKind;
  reason: string | null;
  createdByName: string | null;
  createdAt: Date;
};

/** The audit subject of a rule is the pair, not the row id: a cleared and re-set rule keeps one history. */
const subjectOf = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

/**
 * Locks or excludes a mentee–mentor pair (an upsert on the pair), with an audit row holding what
 * it replaced. A mentee can be locked to one mentor at a time: two locks could never both be
 * honoured, so the second is refused rather than reported later as a broken lock.
 */
export async function setMatchRule(actor: SessionUser, input: MatchRuleInput): Promise<MatchRuleView> {
  assertPermission(actor, 'matching:run');
  const data = parseOrRefuse(matchRuleSchema, input, 'Check the rule.');
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    // Locking both people serialises concurrent rule changes for this mentee (the one-lock check
    // below would otherwise race), and checks the ids name a student and a physician.
    const people = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(inArray(users.id, [data.menteeId, data.mentorId]))
      .orderBy(asc(users.id))
      .for('update');
    if (people.find((p) => p.id === data.menteeId)?.role !== 'mentee') throw new UserFacingError('That student could not be found.');
    if (people.find((p) => p.id === data.mentorId)?.role !== 'mentor') throw new UserFacingError('That physician could not be found.');

    if (data.kind === 'lock') {
      const [other] = await tx
        .select({ mentorName: users.name })
        .from(matchRules)
        .innerJoin(users, eq(users.id, matchRules.mentorId))
        .where(and(eq(matchRules.menteeId, data.menteeId), eq(matchRules.kind, 'lock'), ne(matchRules.mentorId, data.mentorId)));
      if (other)
        throw new UserFacingError(`This student is already locked to ${other.mentorName ?? 'another physician'}. Remove that lock first.`);
    }

    const [before] = await tx
      .select({ kind: matchRules.kind, reason: matchRules.reason })
      .from(matchRules)
      .where(and(eq(matchRules.menteeId, data.menteeId), eq(matchRules.mentorId, data.mentorId)));
    const values = { kind: data.kind, reason: data.reason, createdBy: actor.id, createdAt: now() };
    const [row] = await tx
      .insert(matchRules)
      .values({ menteeId: data.menteeId, mentorId: data.mentorId, ...values })
      .onConflictDoUpdate({ target: [matchRules.menteeId, matchRules.mentorId], set: values })
      .returning({ id: matchRules.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'match-rule.set',
      subjectId: subjectOf(data.menteeId, data.mentorId),
      details: { menteeId: data.menteeId, mentorId: data.mentorId, kind: data.kind, reason: data.reason, replaced: before ?? null },
    });
    return row.id;
  });
  const [view] = await selectRules({ id });
  return view;
}

/**
 * Removes the rule for a pair. A hard delete is fine here: a rule is an admin preference, not a
 * program record, and the audit row keeps what was removed, by whom and when.
 */
export async function clearMatchRule(actor: SessionUser, input: z.input<typeof clearMatchRuleSchema>): Promise<void> {
  assertPermission(actor, 'matching:run');
  const data = parseOrRefuse(clearMatchRuleSchema, input, 'Check the rule.');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(matchRules)
      .where(and(eq(matchRules.menteeId, data.menteeId), eq(matchRules.mentorId, data.mentorId)))
      .returning({ kind: matchRules.kind, reason: matchRules.reason });
    if (!removed.length) throw new UserFacingError('There is no rule for these two any more; someone may have removed it already.');
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'match-rule.cleared',
      subjectId: subjectOf(data.menteeId, data.mentorId),
      details: { menteeId: data.menteeId, mentorId: data.mentorId, kind: removed[0].kind, reason: removed[0].reason },
    });
  });
}

/** Every rule with both names, newest first; `menteeId` narrows to one student's rules. */
export async function listMatchRules(actor: SessionUser, filter: { menteeId?: string } = {}): Promise<MatchRuleView[]> {
  assertPermission(actor, 'matching:run');
  return selectRules(filter);
}

async function selectRules(filter: { id?: number; menteeId?: string }): Promise<MatchRuleView[]> {
  const db = await getDb();
  const mentee = alias(users, 'mentee');
  const mentor = alias(users, 'mentor');
  const creator = alias(users, 'creator');
  const rows = await db
    .select({
      id: matchRules.id,
      menteeId: matchRules.menteeId,
      menteeName: mentee.name,
      mentorId: matchRules.mentorId,
      mentorName: mentor.name,
      kind: matchRules.kind,
      reason: matchRules.reason,
      createdByName: creator.name,
      createdByEmail: creator.email,
      createdAt: matchRules.createdAt,
    })
    .from(matchRules)
    .innerJoin(mentee, eq(mentee.id, matchRules.menteeId))
    .innerJoin(mentor, eq(mentor.id, matchRules.mentorId))
    .leftJoin(creator, eq(creator.id, matchRules.createdBy))
    .where(and(filter.id !== undefined ? eq(matchRules.id, filter.id) : undefined, filter.menteeId ? eq(matchRules.menteeId, filter.menteeId) : undefined))
    .orderBy(desc(matchRules.createdAt), desc(matchRules.id))
    .limit(1000);
  return rows.map(({ createdByEmail, ...r }) => ({
    ...r,
    menteeName: r.menteeName ?? 'Unnamed student',
    mentorName: r.mentorName ?? 'Unnamed mentor',
    createdByName: r.createdByName ?? createdByEmail,
  }));
}
