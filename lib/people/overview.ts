import 'server-only';
import { count } from 'drizzle-orm';
import { isWaitingMentee } from '@/lib/matching/pool';
import { getDb } from '@/db/client';
import { pairings, users } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';

export type Overview = {
  pendingReview: number;
  menteesApproved: number;
  mentorsApproved: number;
  waitingMentees: number;
  activePairings: number;
  proposedPairings: number;
};

export async function getOverview(actor: SessionUser): Promise<Overview> {
  assertPermission(actor, 'registrants:review');
  const db = await getDb();
  const byRoleStatus = await db
    .select({ role: users.role, status: users.status, n: count() })
    .from(users)
    .groupBy(users.role, users.status);
  const num = (role: string, status: string) => byRoleStatus.find((r) => r.role === role && r.status === status)?.n ?? 0;
  const byState = await db.select({ state: pairings.state, n: count() }).from(pairings).groupBy(pairings.state);
  const state = (s: string) => byState.find((r) => r.state === s)?.n ?? 0;
  const [{ n: waiting }] = await db
    .select({ n: count() })
    .from(users)
    .where(isWaitingMentee());
  return {
    pendingReview: num('mentee', 'pending') + num('mentor', 'pending'),
    menteesApproved: num('mentee', 'approved'),
    mentorsApproved: num('mentor', 'approved'),
    waitingMentees: waiting,
    activePairings: state('active'),
    proposedPairings: state('proposed'),
  };
}
