/**
 * "Paused", defined once. A mentor who is "not taking new mentees until DATE" is paused through
 * that date: while today, in the program's time zone, is on or before `pausedUntil`
 * (`pausedUntil >= today`). The day after it they are matchable again. The SQL condition and the
 * TypeScript predicate below are the same comparison, so the coordinator's list, the matcher and
 * the mentor's own page always agree.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** ISO dates compare correctly as strings. */
export function isPaused(pausedUntil: string | null | undefined, today: string): boolean {
  return !!pausedUntil && pausedUntil >= today;
}

/** The same rule in SQL, for a `date` column; a mentor without a pause date is not paused. */
export function pausedCondition(pausedUntil: AnyColumn | SQL, today: string): SQL<boolean> {
  return sql<boolean>`coalesce(${pausedUntil} >= ${today}::date, false)`;
}
