/** The daily sweep's bookkeeping (lib/jobs/sweep.ts). */
import { sql } from 'drizzle-orm';
import { bigserial, date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

export const sweepTrigger = pgEnum('sweep_trigger', ['schedule', 'manual']);
export const sweepStatus = pgEnum('sweep_status', ['running', 'done', 'failed', 'abandoned']);

/**
 * One row per sweep. The partial unique indexes are the concurrency guarantee across app
 * instances: at most one sweep runs at a time, and at most one scheduled sweep counts per day.
 */
export const sweepRuns = pgTable(
  'sweep_runs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The program-time-zone day the sweep ran for (from the app clock). */
    day: date({ mode: 'string' }).notNull(),
    trigger: sweepTrigger().notNull(),
    status: sweepStatus().notNull().default('running'),
    /** The app clock's time the tasks saw. */
    ranAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    /** Real time, for the stale-lease check (the app clock may be moved by tests). */
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    summary: jsonb().$type<Record<string, Record<string, number>>>(),
    error: text(),
  },
  (t) => [
    uniqueIndex('sweep_runs_one_running')
      .on(sql`(true)`)
      .where(sql`${t.status} = 'running'`),
    uniqueIndex('sweep_runs_one_scheduled_per_day')
      .on(t.day)
      .where(sql`${t.trigger} = 'schedule' and ${t.status} in ('running', 'done')`),
    index('sweep_runs_day_idx').on(t.day),
  ],
);

/**
 * "Once per period": a task inserts (task, subject, period) with `on conflict do nothing` in the
 * same transaction as the email or change it makes, and only goes on when the row was new.
 */
export const sweepClaims = pgTable(
  'sweep_claims',
  {
    task: text().notNull(),
    subject: text().notNull(),
    period: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.task, t.subject, t.period] })],
);
