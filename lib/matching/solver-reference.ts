/**
 * Test-only reference solvers for the b-matching problem in `solver.ts`.
 * Deliberately simple and independent of the fast solver:
 *  - `referenceHungarian`: the textbook O(n^2 * cols) Hungarian algorithm on
 *    the slot-expanded matrix (mentor j repeated capacity[j] times, plus one
 *    zero "unmatched" column per mentee), i.e. what scipy's
 *    linear_sum_assignment solves in the benchmark.
 *  - `referenceBruteForce`: exhaustive search, for tiny instances.
 * Both take the same cents matrix as `solveCents` (FORBIDDEN = -1).
 */

import { FORBIDDEN } from './solver';

export type ReferenceResult = { assignment: Int32Array; totalCents: number };

/**
 * Min-cost assignment of every row to a distinct column (rows <= cols),
 * classic potentials + shortest augmenting path formulation (1-based arrays).
 */
function hungarianMin(cost: Float64Array, rows: number, cols: number): Int32Array {
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1); // p[col] = row assigned (1-based), 0 = none
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] !== 0) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}

/** Exact optimum via the Hungarian algorithm on the slot-expanded matrix. */
export function referenceHungarian(scores: Int32Array, n: number, m: number, capacity: ArrayLike<number>): ReferenceResult {
  const slotMentor: number[] = [];
  for (let j = 0; j < m; j++) {
    const c = Math.min(capacity[j], n);
    for (let k = 0; k < c; k++) slotMentor.push(j);
  }
  const cols = slotMentor.length + n;
  // Forbidden pairs cost more than any assignment could gain, and a dummy
  // column always exists, so they are never chosen.
  let big = 1;
  for (let t = 0; t < scores.length; t++) if (scores[t] > 0) big += scores[t];
  const cost = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < slotMentor.length; c++) {
      const s = scores[i * m + slotMentor[c]];
      cost[i * cols + c] = s === FORBIDDEN ? big : -s;
    }
    // dummy columns stay 0
  }
  const rowToCol = n > 0 ? hungarianMin(cost, n, cols) : new Int32Array(0);
  const assignment = new Int32Array(n).fill(-1);
  let totalCents = 0;
  for (let i = 0; i < n; i++) {
    const c = rowToCol[i];
    if (c >= 0 && c < slotMentor.length) {
      const j = slotMentor[c];
      const s = scores[i * m + j];
      if (s === FORBIDDEN) throw new Error('reference used a forbidden pair');
      assignment[i] = j;
      totalCents += s;
    }
  }
  return { assignment, totalCents };
}

/** Exhaustive search (every mentee: unmatched or any allowed mentor with room). */
export function referenceBruteForce(scores: Int32Array, n: number, m: number, capacity: ArrayLike<number>): ReferenceResult {
  const left = Array.from({ length: m }, (_, j) => capacity[j]);
  const cur = new Int32Array(n).fill(-1);
  let best = -1;
  let bestAssign = new Int32Array(n).fill(-1);
  const go = (i: number, acc: number): void => {
    if (i === n) {
      if (acc > best) {
        best = acc;
        bestAssign = cur.slice();
      }
      return;
    }
    cur[i] = -1;
    go(i + 1, acc);
    for (let j = 0; j < m; j++) {
      const s = scores[i * m + j];
      if (s === FORBIDDEN || left[j] === 0) continue;
      left[j]--;
      cur[i] = j;
      go(i + 1, acc + s);
      left[j]++;
      cur[i] = -1;
    }
  };
  go(0, 0);
  return { assignment: bestAssign, totalCents: Math.max(best, 0) };
}

/**
 * Exhaustive lexicographic optimum for `solveTiered`: compares plans by paired count per tier,
 * top tier first, then by total score. Returns that key (counts from the top tier down, then
 * the total in cents) for tiny instances.
 */
export function referenceTieredKey(scores: Int32Array, n: number, m: number, capacity: ArrayLike<number>, tiers: ArrayLike<number>): number[] {
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, tiers[i]);
  const left = Array.from({ length: m }, (_, j) => capacity[j]);
  const counts = new Array<number>(top + 1).fill(0);
  let best: number[] | null = null;
  const better = (a: number[], b: number[]): boolean => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] > b[k];
    return false;
  };
  const go = (i: number, acc: number): void => {
    if (i === n) {
      const key = [...counts.slice().reverse(), acc];
      if (best === null || better(key, best)) best = key;
      return;
    }
    go(i + 1, acc);
    for (let j = 0; j < m; j++) {
      const s = scores[i * m + j];
      if (s === FORBIDDEN || left[j] === 0) continue;
      left[j]--;
      counts[tiers[i]]++;
      go(i + 1, acc + s);
      counts[tiers[i]]--;
      left[j]++;
    }
  };
  go(0, 0);
  return best as unknown as number[];
}
