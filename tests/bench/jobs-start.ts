/**
 * Measures pg-boss's start on the embedded database: the first start (creating its schema,
 * queues and schedules; `bossStartMs` is the part after the database is open) and a restart, and
 * how long a simple query waits while it starts.
 *
 *   PGLITE_DIR=memory:// node --conditions=react-server --import tsx tests/bench/jobs-start.ts
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { jobsStatus, startJobs, stopJobs } from '@/lib/jobs/boss';

const ms = (t: number) => Math.round(performance.now() - t);

await migrate();
const db = await getDb();

let t = performance.now();
const first = startJobs({ workers: true });
// A page's query issued while the queue starts: how long does it wait?
const q = performance.now();
await db.execute(sql`select 1`);
const queryWait = ms(q);
await first;
const firstStart = ms(t);
const reportedFirst = jobsStatus().startedInMs;

await stopJobs();
t = performance.now();
await startJobs({ workers: true });
const restart = ms(t);
await stopJobs();
await closeDb();
console.log(JSON.stringify({ firstStartMs: firstStart, bossStartMs: reportedFirst, restartMs: restart, queryDuringFirstStartMs: queryWait }));
