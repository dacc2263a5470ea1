/**
 * Worker-thread entry of the whole-pool optimiser: receives a pool, answers with the plan (or the
 * error's message). Scoring and solving 2,000 students take CPU seconds; here they do not hold up
 * the server's request thread. Pure imports only: no database, no `server-only`.
 */
import { parentPort } from 'node:worker_threads';
import { optimise } from './optimise';
import type { Pool } from './pool-facts';

parentPort?.on('message', (pool: Pool) => {
  try {
    parentPort!.postMessage({ ok: true, plan: optimise(pool) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
