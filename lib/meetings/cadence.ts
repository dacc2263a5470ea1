/**
 * Cadence: how long a pairing has gone without meeting, in the program's calendar days, from the
 * last (non-deleted) meeting or, when there is none, from the pairing's start date.
 *
 *   days < dueSoonDays                → on track
 *   dueSoonDays ≤ days < overdueDays  → due soon
 *   days ≥ overdueDays                → overdue
 *
 * `cadenceOf` is the rule in TypeScript (pages with one pairing, the unit tests); `cadenceSql` is
 * the same rule as SQL, so lists compute it inside their one query (no query per row). Pure: no
 * server-only import, the clock and the thresholds come in as arguments.
 */
import { sql, type SQL } from 'drizzle-orm';
import { meetings, pairings } from '@/db/schema';
import { daysBetween } from '@/lib/time/dates';

export const CADENCE_STATUSES = ['on-track', 'due-soon', 'overdue'] as const;
export type CadenceStatus = (typeof CADENCE_STATUSES)[number];
export type CadenceThresholds = { cadenceDueSoonDays: number; cadenceOverdueDays: number };

export const CADENCE_LABEL: Record<CadenceStatus, string> = { 'on-track': 'On track', 'due-soon': 'Due soon', overdue: 'Overdue' };
export const CADENCE_TONE = { 'on-track': 'good', 'due-soon': 'warn', overdue: 'bad' } as const satisfies Record<CadenceStatus, string>;

/** The calendar date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The rule on a number of days. */
export function cadenceOf(days: number, t: CadenceThresholds): CadenceStatus {
  if (days >= t.cadenceOverdueDays) return 'overdue';
  if (days >= t.cadenceDueSoonDays) return 'due-soon';
  return 'on-track';
}

export type Cadence = {
  status: CadenceStatus;
  /** Days since the last meeting (or the start); 0 when the start is still ahead. */
  days: number;
  lastMet: string | null;
  /** The date counted from: the last meeting, else the start date. */
  since: string;
  /** The day the current overdue spell began (since + overdue threshold), when overdue. */
  overdueSince: string | null;
};

/** A pairing's cadence on `today`. */
export function cadenceFor(p: { lastMet: string | null; startDate: string }, today: string, t: CadenceThresholds): Cadence {
  const since = p.lastMet ?? p.startDate;
  const days = Math.max(0, daysBetween(since, today));
  const status = cadenceOf(days, t);
  return { status, days, lastMet: p.lastMet, since, overdueSince: status === 'overdue' ? addDays(since, t.cadenceOverdueDays) : null };
}

/** The last live meeting of the outer query's pairing, as a correlated subquery (YYYY-MM-DD or null). */
export const lastMetSql = (): SQL<string | null> =>
  sql<string | null>`(select max(m.date)::text from ${meetings} m where m.pairing_id = ${pairings.id} and m.deleted_at is null)`;

/** Days from the last meeting (or the start) to `today`, never below 0, as SQL. */
export const cadenceDaysSql = (today: string): SQL<number> =>
  sql<number>`greatest(0, ${today}::date - coalesce((select max(m.date) from ${meetings} m where m.pairing_id = ${pairings.id} and m.deleted_at is null), ${pairings.startDate}, ${today}::date))::int`;

/** The same rule as cadenceOf, as SQL over cadenceDaysSql. */
export const cadenceStatusSql = (today: string, t: CadenceThresholds): SQL<CadenceStatus> =>
  sql<CadenceStatus>`case when ${cadenceDaysSql(today)} >= ${t.cadenceOverdueDays} then 'overdue' when ${cadenceDaysSql(today)} >= ${t.cadenceDueSoonDays} then 'due-soon' else 'on-track' end`;
