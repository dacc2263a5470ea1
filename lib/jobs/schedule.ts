import 'server-only';
import type PgBoss from 'pg-boss';
import { getProgramTimeZone } from '@/lib/settings/time-zone';
import { runningBoss } from './boss';
import { DAILY_SWEEP_CRON, QUEUES } from './queues';

/**
 * (Re)writes the daily sweep's cron schedule in the program's current time zone. The schedule
 * lives in the database, so one call serves every app instance. Called at queue start and when
 * the coordinator changes the time zone.
 */
export async function scheduleDailySweep(boss: PgBoss | null = runningBoss()): Promise<void> {
  if (!boss) return; // the next queue start schedules it
  await boss.schedule(QUEUES.dailySweep, DAILY_SWEEP_CRON, undefined, { tz: await getProgramTimeZone() });
}
