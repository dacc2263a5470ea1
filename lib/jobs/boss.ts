import 'server-only';
/**
 * The job queue: pg-boss on the app's database. On PostgreSQL it has its own small pool (the app
 * keeps postgres.js); on the embedded PGlite it runs through the app's one instance
 * (db/client.ts), since a second opener would corrupt the folder.
 *
 * Several app instances on one PostgreSQL share the work: each polls, and pg-boss hands every job
 * to exactly one of them (SELECT … FOR UPDATE SKIP LOCKED). Cron schedules live in the database
 * and pg-boss's timekeeper fires each once per minute slot across all instances.
 *
 * The state lives on globalThis because Next loads modules once per bundle (instrumentation,
 * routes, actions) within one process; there must be one boss per process.
 */
import PgBoss from 'pg-boss';
import { getDbHandle, type Tx } from '@/db/client';
import { getEnv } from '@/lib/env';
import { pgliteExecutor, transactionExecutor } from './executors';
import { QUEUE_OPTIONS, QUEUES, type QueueName } from './queues';

type JobsState = {
  boss?: PgBoss;
  /** The start in progress (or done); reset when it fails so a later call tries again. */
  starting?: Promise<PgBoss>;
  ready: boolean;
  workers: boolean;
  startedInMs?: number;
  signalsHooked?: boolean;
  retryTimer?: NodeJS.Timeout;
};

const KEY = Symbol.for('mentor-match.jobs');
const g = globalThis as typeof globalThis & { [KEY]?: JobsState };
const state = (g[KEY] ??= { ready: false, workers: false });

export type StartOptions = {
  /** Poll queues and fire schedules (the server). Tests start without, and drain queues by hand. */
  workers?: boolean;
};

/**
 * Starts pg-boss (creating its schema on first use), the queues and — with `workers` — the
 * workers and the cron schedules. Safe to call more than once; concurrent calls share one start.
 */
export function startJobs(options: StartOptions = {}): Promise<PgBoss> {
  state.starting ??= start(options.workers ?? true).catch((err) => {
    state.starting = undefined;
    throw err;
  });
  return state.starting;
}

async function start(workers: boolean): Promise<PgBoss> {
  const began = performance.now();
  const handle = await getDbHandle();
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: pgliteExecutor(handle.pglite!) as PgBoss.Db, ...common })
      : new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 4, application_name: 'mentor-match-jobs', ...common });
  boss.on('error', logError);
  try {
    await boss.start();
    for (const [name, opts] of Object.entries(QUEUE_OPTIONS)) {
      await boss.createQueue(name, { name, ...opts });
      // createQueue keeps an existing queue as it was; bring its retry policy up to date.
      await boss.updateQueue(name, { name, ...opts });
    }
    if (workers) {
      const { registerWorkers } = await import('./workers');
      await registerWorkers(boss);
    }
  } catch (err) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw err;
  }
  state.boss = boss;
  state.ready = true;
  state.workers = workers;
  state.startedInMs = Math.round(performance.now() - began);
  return boss;
}

// No pg-boss timers besides what it needs: maintenance every 2 minutes, the cron check every
// 30 s (its default), completed jobs archived after a day.
const common = {
  schema: 'pgboss',
  archiveCompletedAfterSeconds: 24 * 60 * 60,
  maintenanceIntervalSeconds: 120,
  clockMonitorIntervalMinutes: 10,
} satisfies PgBoss.ConstructorOptions;

/**
 * On the embedded database pg-boss shares the one PGlite instance, which runs on the server's own
 * thread: its start (schema, queues, schedules) would hold up the first pages served. It waits
 * this long after startup instead; emails recorded meanwhile are dispatched when it starts.
 */
const EMBEDDED_START_DELAY_MS = 5_000;

/**
 * The server's start (instrumentation.ts): in the background, so the first page never waits for
 * the queue; retried with backoff while the database is unreachable; stopped on SIGTERM/SIGINT.
 */
export function startJobsInBackground(): void {
  hookSignals();
  const attempt = (delayMs: number) => {
    startJobs({ workers: true }).then(
      () => console.log(`Job queue ready (started in ${state.startedInMs} ms).`),
      (err) => {
        const next = Math.min(delayMs * 2, 5 * 60_000);
        console.error(`The job queue could not start (${(err as Error).message}); trying again in ${Math.round(delayMs / 1000)} s.`);
        state.retryTimer = setTimeout(() => attempt(next), delayMs);
        state.retryTimer.unref();
      },
    );
  };
  if (getEnv().DATABASE_URL) attempt(5_000);
  else {
    state.retryTimer = setTimeout(() => attempt(5_000), EMBEDDED_START_DELAY_MS);
    state.retryTimer.unref();
  }
}

function hookSignals() {
  if (state.signalsHooked) return;
  state.signalsHooked = true;
  // Next exits the process on these signals after closing the HTTP server; stop taking jobs at
  // once and let a running one finish meanwhile. A job cut short is retried by pg-boss after its
  // expiry, and email delivery is idempotent.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stopJobs());
}

/** Stops workers and timers (waiting up to `timeoutMs` for running jobs), then forgets the boss. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  if (state.retryTimer) clearTimeout(state.retryTimer);
  const starting = state.starting;
  if (!starting) return;
  const boss = await starting.catch(() => undefined);
  state.starting = undefined;
  state.boss = undefined;
  state.ready = false;
  if (boss) {
    await boss.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
    if (state.workers) console.log('Job queue stopped.');
  }
}

/** The started boss of this process, or null while it is starting (or could not start). */
export function runningBoss(): PgBoss | null {
  return state.ready && state.boss ? state.boss : null;
}

export function jobsStatus(): { ready: boolean; workers: boolean; startedInMs: number | null } {
  return { ready: state.ready, workers: state.workers, startedInMs: state.startedInMs ?? null };
}

/**
 * Enqueues a job inside the caller's transaction: it exists if and only if the transaction
 * commits. Returns the job id, or null when the queue is not running in this process yet — the
 * caller then leaves its own record for a catch-up job (see lib/email/queue.ts).
 *
 * A savepoint keeps a queue failure (e.g. its tables not created yet) from aborting the caller's
 * transaction.
 */
export async function enqueueInTransaction(tx: Tx, name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = runningBoss();
  if (!boss) return null;
  try {
    return await tx.transaction((sp) => boss.send(name, data, { ...options, db: transactionExecutor(sp) as PgBoss.Db }));
  } catch (err) {
    logError(err);
    return null;
  }
}

/** Outside any transaction: a nudge or a catch-up run. */
export async function enqueue(name: QueueName, data: object = {}, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = runningBoss();
  return boss ? boss.send(name, data, options) : null;
}

let lastErrorLog = 0;
/** pg-boss reports every failed poll; while the database is down that is once a second. */
function logError(err: unknown) {
  const t = Date.now();
  if (t - lastErrorLog < 60_000) return;
  lastErrorLog = t;
  console.error('job queue:', (err as Error)?.message ?? err);
}

export { QUEUES };
