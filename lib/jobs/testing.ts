import 'server-only';
/**
 * Deterministic job runs for tests: start the queue without workers (`startJobs({ workers:
 * false })`), do the thing, then drain the queue here — the same handlers the server's workers
 * run (lib/jobs/workers.ts), fetched and completed the same way, with no polling or timers.
 */
import type PgBoss from 'pg-boss';
import { runningBoss } from './boss';
import type { QueueName } from './queues';
import { processJobs } from './workers';

/**
 * Runs the queue's jobs until none is left (or `maxRounds` batches). With `ignoreStartAfter`
 * (the default) a retry waiting for its backoff runs at once, so a test can walk every attempt.
 */
export async function drainQueue(name: QueueName, opts: { ignoreStartAfter?: boolean; maxRounds?: number } = {}): Promise<number> {
  const boss = runningBoss();
  if (!boss) throw new Error('Start the job queue first: startJobs({ workers: false }).');
  let processed = 0;
  for (let round = 0; round < (opts.maxRounds ?? 100); round++) {
    const jobs = (await boss.fetch<Record<string, unknown>>(name, {
      batchSize: 10,
      includeMetadata: true,
      ignoreStartAfter: opts.ignoreStartAfter ?? true,
    })) as PgBoss.JobWithMetadata<Record<string, unknown>>[];
    if (!jobs.length) break;
    processed += jobs.length;
    const ids = jobs.map((j) => j.id);
    try {
      await processJobs(boss, name, jobs);
      await boss.complete(name, ids); // only those still active: a retry was failed on its own
    } catch (err) {
      // The worker fails the whole batch the same way (pg-boss Manager.watch).
      for (const id of ids) await boss.fail(name, id, { message: (err as Error).message });
    }
  }
  return processed;
}
