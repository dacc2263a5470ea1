import 'server-only';
import { getDb } from '@/db/client';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { Worker } from 'node:worker_threads';
import { scorePool, type PoolScores } from './matrix';
import { optimise, type Optimisation } from './optimise';
import { loadPool, scoreInPool, whyUnmatched, type Pool } from './pool';
import type { BreakdownLine } from './scoring';

export type WaitlistEntry = {
  menteeId: string;
  name: string;
  daysWaiting: number;
  priorityRematch: boolean;
  identityPreference: 'none' | 'preferred' | 'required';
  allowedMentors: number;
  /** Set when no allowed mentor has a free slot. */
  blockedReason: string | null;
};

export type Suggestion = { mentorId: string; name: string; score: number; breakdown: BreakdownLine[]; freeSlots: number };

/**
 * Every approved, unpaired mentee, longest wait first (no-fault rematches at the top), with how
 * many physicians are allowed for each and, for those with none, why. One scoring pass over the
 * pool that counts allowed pairs and blocking rules (no scores, no breakdowns): the "blocked"
 * filter needs every student's count, not only the page shown.
 */
export async function getWaitlist(actor: SessionUser): Promise<WaitlistEntry[]> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb());
  const scores = scorePool(pool);
  return pool.mentees.map((m, i) => entryOf(pool, scores, i));
}

function entryOf(pool: Pool, scores: PoolScores, i: number): WaitlistEntry {
  const m = pool.mentees[i];
  return {
    menteeId: m.id,
    name: m.name,
    daysWaiting: m.daysWaiting,
    priorityRematch: m.priorityRematch,
    identityPreference: m.identityPreference,
    allowedMentors: scores.allowed[i],
    blockedReason: whyUnmatched(pool, scores, i),
  };
}

/** The best allowed mentors for one waiting mentee, each with the score explained. Reads that student only, not the whole waitlist. */
export async function suggestMentors(actor: SessionUser, menteeId: string, limit = 5): Promise<{ mentee: WaitlistEntry; suggestions: Suggestion[] } | null> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb(), undefined, { menteeIds: [menteeId] });
  const mentee = pool.mentees.find((m) => m.id === menteeId);
  if (!mentee) return null;
  const suggestions: Suggestion[] = [];
  for (const mentor of pool.mentors) {
    const s = scoreInPool(pool, mentee, mentor);
    if (s.allowed) suggestions.push({ mentorId: mentor.id, name: mentor.name, score: s.total, breakdown: s.breakdown, freeSlots: mentor.freeSlots });
  }
  suggestions.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const one = { ...pool, mentees: [mentee] };
  return { mentee: entryOf(one, scorePool(one), 0), suggestions: suggestions.slice(0, limit) };
}

export type { OptimisedPair, Optimisation } from './optimise';
export { optimise };

/**
 * The whole-pool optimiser: an exact assignment of waiting mentees to free mentor slots that
 * pairs no-fault rematches first, then the longest waits by tier, then maximises the total score
 * (lib/matching/priority.ts), honouring admin locks and exclusions. Nothing is written; the admin
 * stages the result as proposals.
 */
export async function optimisePool(actor: SessionUser): Promise<Optimisation> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb());
  return optimiseOffThread(pool);
}

type OptimiserThread = { worker: Worker | null; unavailable: boolean; queue: Promise<unknown> };
const threadKey = Symbol.for('mentor-match.optimiser-thread');
const threadState = () => ((globalThis as { [threadKey]?: OptimiserThread })[threadKey] ??= { worker: null, unavailable: false, queue: Promise.resolve() });

/**
 * Runs the optimiser on a worker thread, so a student's page on the same server is not kept
 * waiting while 2,000 students are scored and solved. One long-lived thread (started on first use,
 * not keeping the process alive), one run at a time: the pool is copied in, the plan copied back.
 * Where no worker can load (the test runner has no loader for the worker's TypeScript) or the
 * thread dies, the same function runs inline.
 */
export function optimiseOffThread(pool: Pool): Promise<Optimisation> {
  const state = threadState();
  const run = state.queue.then(() => runOnThread(state, pool));
  state.queue = run.catch(() => undefined);
  return run;
}

function runOnThread(state: OptimiserThread, pool: Pool): Promise<Optimisation> {
  if (state.unavailable) return Promise.resolve().then(() => optimise(pool));
  if (!state.worker) {
    try {
      state.worker = new Worker(new URL('./optimise-worker.ts', import.meta.url));
      state.worker.unref();
    } catch {
      state.unavailable = true;
      return Promise.resolve().then(() => optimise(pool));
    }
  }
  const worker = state.worker;
  return new Promise<Optimisation>((resolve, reject) => {
    const onMessage = (m: { ok: true; plan: Optimisation } | { ok: false; error: string }) => {
      worker.off('error', onError);
      if (m.ok) resolve(m.plan);
      else reject(new Error(m.error));
    };
    const onError = (err: Error) => {
      worker.off('message', onMessage);
      state.worker = null;
      state.unavailable = true;
      void worker.terminate();
      console.warn(`The optimiser's worker thread failed (${err.message}); optimising on the request thread from now on.`);
      try {
        resolve(optimise(pool));
      } catch (e) {
        reject(e);
      }
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(pool);
  });
}
