import 'server-only';
/**
 * The daily sweep: an ordered list of tasks (lib/jobs/sweep-tasks.ts) run once a day by a pg-boss
 * cron schedule in the program's time zone, or at once by POST /api/jobs/daily.
 *
 * ## Writing a task
 * `run({ now })` does its work and returns counts for the summary, e.g. `{ reminded: 3 }`. `now`
 * is the app clock (lib/time/clock.ts) at the start of the sweep; use it, never `new Date()`.
 *
 * A task must be idempotent: the sweep may run twice on one day (the endpoint, a retry after a
 * crash), and must send nothing twice. The tool for that is **once per period**:
 *
 *     await db.transaction(async (tx) => {
 *       if (!(await claimOnce(tx, { task: 'meeting-reminder', subject: `pairing:${id}`, period: '2027-03' }))) return;
 *       await queueEmail(tx, reminderFor(pairing));   // commits together with the claim
 *     });
 *
 * `claimOnce` inserts (task, subject, period) into `sweep_claims` with `on conflict do nothing` and
 * says whether this call made the row. Because it is in the same transaction as the email, either
 * both happen or neither: two sweeps at once (one waits on the other's row, then sees it) or one
 * after the other, the email is queued once per subject and period. Choose the period to match the
 * rule: a day (`todayIn(tz, now)`), the overdue spell (`overdue-since:2027-01-04`), a term
 * (`term:3`), or `'once'`.
 *
 * ## One sweep at a time
 * A sweep holds a row in `sweep_runs` while it runs; a partial unique index allows only one
 * `running` row in the whole database, so two concurrent calls on any number of instances run it
 * once: the second is refused (`already-running`). Scheduled runs are also unique per program day,
 * so a cron job fired again on the same day does nothing. A run abandoned by a crashed process
 * stops counting after `STALE_AFTER_MINUTES` of real time.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { sweepClaims, sweepRuns } from '@/db/schema';
import { getProgramTimeZone } from '@/lib/settings/time-zone';
import { now as clockNow } from '@/lib/time/clock';
import { todayIn } from '@/lib/time/dates';

export type SweepTask = { name: string; run: (ctx: { now: Date }) => Promise<Record<string, number>> };

export type SweepSummary = {
  ok: boolean;
  ranAt: string;
  /** The program-time-zone day the sweep ran for. */
  day: string;
  tasks: Record<string, Record<string, number>>;
  /** Tasks that threw, with the message; the sweep goes on to the next task. */
  errors?: Record<string, string>;
};

export type SweepResult = ({ status: 'ran' } & SweepSummary) | { status: 'already-running'; since: string } | { status: 'already-ran-today'; day: string };

const STALE_AFTER_MINUTES = 60;

/** True when this call claimed (task, subject, period); false when it was claimed before. */
export async function claimOnce(tx: Tx, claim: { task: string; subject: string; period: string }): Promise<boolean> {
  const made = await tx.insert(sweepClaims).values(claim).onConflictDoNothing().returning({ task: sweepClaims.task });
  return made.length === 1;
}

/** Postgres error code, whether the driver put it on the error or on its cause. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** Inserts this run's `running` row, or says why it may not run. */
async function claimRun(day: string, trigger: 'schedule' | 'manual', at: Date): Promise<number | Exclude<SweepResult, { status: 'ran' }>> {
  const db = await getDb();
  for (let tries = 0; ; tries++) {
    try {
      const [row] = await db.insert(sweepRuns).values({ day, trigger, ranAt: at }).returning({ id: sweepRuns.id });
      return row.id;
    } catch (err) {
      if (pgCode(err) !== '23505') throw err;
    }
    const [running] = await db.select({ ranAt: sweepRuns.ranAt }).from(sweepRuns).where(eq(sweepRuns.status, 'running')).limit(1);
    if (running) return { status: 'already-running', since: running.ranAt.toISOString() };
    if (trigger === 'schedule') return { status: 'already-ran-today', day };
    // The other run finished between our insert and our look: a manual run may go now.
    if (tries >= 2) return { status: 'already-running', since: at.toISOString() };
  }
}

export async function runSweep(opts: { trigger: 'schedule' | 'manual'; tasks?: SweepTask[] }): Promise<SweepResult> {
  const tasks = opts.tasks ?? (await import('./sweep-tasks')).SWEEP_TASKS;
  const at = clockNow();
  const day = todayIn(await getProgramTimeZone(), at);
  const db = await getDb();

  // A crashed process's run must not block every later sweep.
  await db
    .update(sweepRuns)
    .set({ status: 'abandoned', finishedAt: sql`now()`, error: 'The process running it stopped.' })
    .where(and(eq(sweepRuns.status, 'running'), lt(sweepRuns.startedAt, sql`now() - make_interval(mins => ${STALE_AFTER_MINUTES})`)));

  const runId = await claimRun(day, opts.trigger, at);
  if (typeof runId !== 'number') return runId;

  const summary: SweepSummary = { ok: true, ranAt: at.toISOString(), day, tasks: {} };
  for (const task of tasks) {
    try {
      summary.tasks[task.name] = await task.run({ now: at });
    } catch (err) {
      console.error(`sweep task ${task.name} failed`, err);
      summary.ok = false;
      summary.tasks[task.name] = {};
      (summary.errors ??= {})[task.name] = (err as Error)?.message ?? String(err);
    }
  }
  await db
    .update(sweepRuns)
    .set({ status: summary.ok ? 'done' : 'failed', finishedAt: sql`now()`, summary: summary.tasks, error: summary.errors ? JSON.stringify(summary.errors) : null })
    .where(eq(sweepRuns.id, runId));
  return { status: 'ran', ...summary };
}
