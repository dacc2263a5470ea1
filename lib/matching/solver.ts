/**
 * Exact maximum-total-score b-matching (mentees x mentors with capacities).
 *
 *   maximise   sum s_ij x_ij
 *   subject to sum_j x_ij <= 1        (each mentee at most one mentor)
 *              sum_i x_ij <= cap_j    (each mentor at most cap_j mentees)
 *              x_ij in {0,1}, x_ij = 0 where the pair is forbidden.
 *
 * Design (why it is fast AND exact):
 *  - Each mentor is ONE node with a capacity (not cap_j repeated slot
 *    columns), and "unmatched" is an implicit zero-score option per mentee.
 *    The graph is ~cap times smaller than the slot-expanded matrix, and the
 *    ties between identical slot columns disappear.
 *  - All arithmetic is in integer cents (exact in float64 up to 2^53).
 *  - Core: successive shortest augmenting paths (Hungarian / Dijkstra with
 *    potentials), inserting one unit at a time, with explicit LP duals
 *      u_i >= 0 (mentee), v_j >= 0 (mentor)
 *    and the invariants (= LP complementary slackness, hence optimality):
 *      (a) u_i + v_j >= s_ij for EVERY allowed pair,
 *      (b) equality on matched pairs,
 *      (c) u_i = 0 if mentee i is unmatched,
 *      (d) v_j = 0 if mentor j has a free slot.
 *    `checkOptimality` verifies exactly these, independently.
 *  - Sparsity without giving up exactness ("lazy dense" rows): each row keeps
 *    a short candidate list (its best L partners by net value s_ij - price
 *    when the list was built) plus a bound B >= the net value of every
 *    partner NOT in the list. Prices on the other side only ever increase, so
 *    B stays a valid bound forever. Reduced costs of the unlisted edges are
 *    therefore >= (row dual) - B, and Dijkstra treats "all unlisted edges of
 *    this row" as one lazy heap entry with that key. Only if it is popped (the
 *    shortest path might use one of them) is the row scanned in full, which
 *    relaxes every edge and rebuilds the list with current prices. Dijkstra
 *    is thus exact on the dense graph while touching O(L) edges per row almost
 *    always, and (a) holds for all pairs: a proven optimum, no separate check.
 *  - Edges with net value <= 0 never lie on a useful path (dropping out costs
 *    less) and only get worse, so lists hold positive net values only.
 *  - Two search directions (`Core`: insert mentees; `ReverseCore`: insert
 *    mentor capacity units). The side with fewer units is inserted; if it
 *    turns out to be in a "price war" (work budget exceeded, see
 *    `solveCents`), the other direction takes over.
 */

/** Sentinel for a forbidden pair in the low-level cents matrix. */
export const FORBIDDEN = -1;

/** Largest score accepted (cents must fit in an int32). */
export const MAX_SCORE = 21_474_836.47;

export type SolveInput = {
  /** scores[mentee][mentor]; null = pair not allowed. Scores >= 0, <= 2 decimals. */
  scores: (number | null)[][];
  /** capacity[mentor], integer >= 0. */
  capacity: number[];
  /** Forced [mentee, mentor] pairs. */
  locked?: [number, number][];
};

export type SolveResult = {
  /** Mentor index per mentee, or -1 when unmatched. */
  assignment: number[];
  /** Sum of chosen scores (score units, rounded to 2 decimals). */
  total: number;
};

export type SolveStats = {
  /** Nodes settled by Dijkstra over all searches (mentors, or mentees when searching from mentors). */
  pops: number;
  /** Full rescans of a row beyond the first pass over the matrix. */
  rescans: number;
  /** Side that was inserted/searched from for the returned result. */
  direction: 'mentees' | 'mentors';
  /** Whether the preferred direction ran out of budget and was abandoned. */
  switched: boolean;
};

export type CentsResult = {
  assignment: Int32Array;
  /** Exact total in integer cents. */
  totalCents: number;
  /** Final duals (cents): certificate of optimality, see `checkOptimality`. */
  u: Float64Array;
  v: Float64Array;
  stats: SolveStats;
};

export type CentsOptions = {
  /** Initial candidate-list length per row (default 8 per mentee, 16 per mentor). */
  listSize?: number;
  /** Candidate-list length when a list is rebuilt (default 2 * listSize). */
  rescanListSize?: number;
  /** Which side inserts/searches (default: the side with fewer units). */
  direction?: 'mentees' | 'mentors';
  /** Work budget of the preferred direction, in passes over the matrix (default 3, with a small floor; an explicit value has none). */
  switchBudget?: number;
};

// ---------------------------------------------------------------------------
// Low-level entry: flat Int32Array of cents, FORBIDDEN for disallowed pairs.
// ---------------------------------------------------------------------------

/**
 * Solve on a row-major `rows x cols` matrix of integer cents (>= 0, or
 * FORBIDDEN). `capacity` has `cols` non-negative integers. Inputs are trusted
 * (validate with `solveAssignment` / the CLI).
 */
export function solveCents(scores: Int32Array, rows: number, cols: number, capacity: Int32Array, opts: CentsOptions = {}): CentsResult {
  const n = rows;
  const m = cols;
  // Mentees who mostly want the same few mentors make the mentee-side search a
  // price war (see below) from the first insertions; the mentor side is then
  // the safe choice whatever the unit counts say, and switching back to the
  // mentee side would only trade a slow run for a slower one.
  const crowded = opts.direction === undefined && favouritesCrowded(scores, n, m, capacity);
  const reverse = opts.direction === 'mentors' || (opts.direction !== 'mentees' && (crowded || preferMentorSide(n, m, capacity)));
  // Each direction has a bad case (a "price war": everyone wants the same few
  // mentors, or every mentor the same few mentees), where prices must climb
  // through very many long augmenting paths. Run the preferred direction with
  // a work budget of a few passes over the matrix; if it is exhausted, switch
  // to the other direction and let that one finish. The budget is released
  // with progress, quadratically: normal runs do most of their search work in
  // the last insertions, while a war shows up from the start.
  const forced = opts.direction !== undefined;
  const make = (rev: boolean): Core | ReverseCore => {
    const L0 = Math.max(1, opts.listSize ?? (rev ? 16 : 8)); // mentors need room for several mentees
    const L1 = Math.max(L0, opts.rescanListSize ?? 2 * L0);
    return rev ? new ReverseCore(n, m, scores, capacity, L0, L1) : new Core(n, m, scores, capacity, L0, L1);
  };
  let core = make(reverse);
  let switched = false;
  const budget = forced || crowded ? Infinity : (opts.switchBudget ?? 3) * n * m;
  // Small searches are always allowed some work (10000 units) unless the budget
  // was given explicitly (tests use a tiny one to force the switch).
  if (!core.run(budget, opts.switchBudget === undefined ? 10000 : 0)) {
    core = make(!reverse);
    core.run(Infinity);
    switched = true;
  }

  const assignment = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = core.mateOf[i];
    assignment[i] = j;
    if (j >= 0) total += scores[i * m + j];
  }
  const v = core.v;
  for (let j = 0; j < m; j++) if (v[j] === Infinity) v[j] = 0; // capacity-0 mentors
  return {
    assignment,
    totalCents: total,
    u: core.u,
    v,
    stats: { pops: core.pops, rescans: core.rescans, direction: core instanceof ReverseCore ? 'mentors' : 'mentees', switched },
  };
}

/**
 * Which side to insert/search from (a heuristic: both are exact). Insert the
 * side with fewer units: with mentors scarce, mentor units are the few to
 * insert and their augmenting paths end quickly at one of the many free
 * mentees; otherwise insert mentees.
 */
function preferMentorSide(n: number, m: number, capacity: Int32Array): boolean {
  let slots = 0;
  for (let j = 0; j < m; j++) slots += Math.min(Math.max(capacity[j] | 0, 0), n);
  return slots < n;
}

/**
 * Whether most mentees' favourite mentor is over-subscribed: the sign of a
 * mentee-side price war (popular mentors wanted by everyone). Estimated from at
 * most 256 evenly spaced rows, so it costs a small fraction of one pass over a
 * large matrix. Uniform random scores give about 0.25 here, strongly
 * correlated ones above 0.9.
 */
function favouritesCrowded(scores: Int32Array, n: number, m: number, capacity: Int32Array): boolean {
  if (n < 8 || m < 2) return false;
  const sample = Math.min(n, 256);
  const wanted = new Float64Array(m);
  let rowsWithFavourite = 0;
  for (let t = 0; t < sample; t++) {
    const i = Math.floor((t * n) / sample);
    const base = i * m;
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < m; j++) {
      const s = scores[base + j];
      if (s > best && capacity[j] > 0) {
        best = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      wanted[bestJ]++;
      rowsWithFavourite++;
    }
  }
  if (rowsWithFavourite === 0) return false;
  const scale = n / sample;
  let over = 0;
  for (let j = 0; j < m; j++) if (wanted[j] > 0) over += Math.max(0, wanted[j] * scale - capacity[j]);
  return over > 0.5 * rowsWithFavourite * scale;
}

/**
 * Independent O(n*m) optimality certificate check (used by tests): primal
 * feasibility plus LP complementary slackness with the returned duals.
 * Returns null when optimal, else a description of the first violation.
 */
export function checkOptimality(scores: Int32Array, rows: number, cols: number, capacity: Int32Array, res: CentsResult): string | null {
  const { assignment, u, v } = res;
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const j = assignment[i];
    if (u[i] < 0) return `u[${i}] < 0`;
    if (j < 0) {
      if (u[i] !== 0) return `unmatched mentee ${i} has u = ${u[i]}`;
      continue;
    }
    const s = scores[i * cols + j];
    if (s < 0) return `forbidden pair (${i}, ${j}) used`;
    if (u[i] + v[j] !== s) return `matched pair (${i}, ${j}) not tight`;
    load[j]++;
  }
  for (let j = 0; j < cols; j++) {
    const c = Math.min(capacity[j], rows);
    if (load[j] > c) return `mentor ${j} over capacity`;
    if (v[j] < 0) return `v[${j}] < 0`;
    if (v[j] > 0 && load[j] < c) return `mentor ${j} not full but priced`;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = scores[i * cols + j];
      if (s >= 0 && capacity[j] > 0 && u[i] + v[j] < s) return `pair (${i}, ${j}) violates dual feasibility`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Successive shortest augmenting paths with mentor-node capacities.
// ---------------------------------------------------------------------------

/** Search work allowed after `done` of `total` insertions (see solveCents). */
function allowance(budget: number, floor: number, done: number, total: number): number {
  const f = done / total;
  return floor + budget * f * f;
}

/**
 * Indexed binary min-heap over ids 0..capacity-1, shared by both search directions. `key` is
 * public because a search reads the settled distances from it afterwards (dual update) and
 * resets to Infinity the keys it touched; while an id is in the heap its key changes only
 * through `push` and `decrease`.
 */
class IndexedMinHeap {
  readonly key: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(capacity).fill(Infinity);
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
  }

  /** The id with the smallest key (size > 0). */
  top(): number {
    return this.heap[0];
  }

  push(id: number, k: number): void {
    this.key[id] = k;
    this.siftUp(id, this.size++, k);
  }

  /** Lowers the key of an id that is in the heap. */
  decrease(id: number, k: number): void {
    this.key[id] = k;
    this.siftUp(id, this.pos[id], k);
  }

  private siftUp(id: number, from: number, k: number): void {
    const heap = this.heap;
    const hpos = this.pos;
    const key = this.key;
    let pos = from;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pid = heap[parent];
      if (key[pid] <= k) break;
      heap[pos] = pid;
      hpos[pid] = pos;
      pos = parent;
    }
    heap[pos] = id;
    hpos[id] = pos;
  }

  /** Removes and returns the id with the smallest key (size > 0). */
  pop(): number {
    const heap = this.heap;
    const hpos = this.pos;
    const key = this.key;
    const top = heap[0];
    const size = --this.size;
    if (size > 0) {
      const last = heap[size];
      const lk = key[last];
      let pos = 0;
      for (;;) {
        let c = 2 * pos + 1;
        if (c >= size) break;
        const c2 = c + 1;
        if (c2 < size && key[heap[c2]] < key[heap[c]]) c = c2;
        if (key[heap[c]] >= lk) break;
        heap[pos] = heap[c];
        hpos[heap[c]] = pos;
        pos = c;
      }
      heap[pos] = last;
      hpos[last] = pos;
    }
    return top;
  }
}

/** Per-column running top lists (see ReverseCore.initLists). */
type ColumnTops = { val: Int32Array; idx: Int32Array; cnt: Int32Array; thr: Int32Array };

const SINK_MENTOR = 0;
const SINK_UNMATCHED = 1;

/**
 * Mentee-side search: mentees are inserted one by one (all mentors present
 * with full capacity). Mentor prices v only increase, mentee duals u only
 * decrease; candidate lists are per mentee, by s_ij - v_j.
 */
class Core {
  readonly n: number;
  readonly m: number;
  readonly S: Int32Array;
  readonly cap: Int32Array;

  /** Duals in cents. v[j] = Infinity marks a capacity-0 mentor (never usable). */
  readonly u: Float64Array;
  readonly v: Float64Array;

  /** Mentor of each mentee (-1 = unmatched). */
  readonly mateOf: Int32Array;
  /** Mentees of mentor j are slots[slotStart[j] .. slotStart[j] + load[j]). */
  readonly load: Int32Array;
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly slotPos: Int32Array;

  /** Candidate lists: row i uses lTo/lW[i*LM .. i*LM + lLen[i]). */
  private readonly LM: number;
  private readonly L0: number;
  private readonly L1: number;
  private readonly lTo: Int32Array;
  private readonly lW: Int32Array;
  private readonly lLen: Int32Array;
  /** bound[i] >= s_ij - v_j for every j not in i's list (and >= 0). */
  private readonly bound: Float64Array;
  private readonly selV: Float64Array;
  private readonly selJ: Int32Array;

  // Dijkstra work arrays. Heap ids: 0..m-1 mentors, m+i = "unlisted edges of mentee i".
  private readonly key: Float64Array;
  private readonly state: Uint8Array; // 0 untouched, 1 in heap, 2 done
  private readonly pq: IndexedMinHeap;
  private readonly pred: Int32Array; // mentor -> mentee that reaches it
  private readonly dMentee: Float64Array; // distance of a scanned mentee
  private readonly touched: Int32Array;
  private nTouched = 0;
  private readonly finals: Int32Array;
  private readonly scanned: Int32Array;

  // Current search.
  private D = 0;
  private sinkKind = SINK_UNMATCHED;
  private sinkId = -1;

  pops = 0;
  rescans = 0;
  /** Rough operation count (row elements scanned + 32 per heap pop). */
  work = 0;

  constructor(n: number, m: number, S: Int32Array, capacity: Int32Array, L0: number, L1: number) {
    this.n = n;
    this.m = m;
    this.S = S;
    const cap = new Int32Array(m);
    this.v = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      // A mentor never takes more than n mentees: clamping keeps slot arrays small.
      cap[j] = Math.min(Math.max(capacity[j] | 0, 0), n);
      if (cap[j] === 0) this.v[j] = Infinity;
    }
    this.cap = cap;
    this.u = new Float64Array(n);
    this.mateOf = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m);
    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j] + cap[j];
    this.slots = new Int32Array(this.slotStart[m]);
    this.slotPos = new Int32Array(n);

    this.L0 = Math.min(L0, m);
    this.L1 = Math.min(L1, m);
    this.LM = Math.max(this.L0, this.L1);
    this.lTo = new Int32Array(n * this.LM);
    this.lW = new Int32Array(n * this.LM);
    this.lLen = new Int32Array(n);
    this.bound = new Float64Array(n);
    this.selV = new Float64Array(this.LM + 1);
    this.selJ = new Int32Array(this.LM + 1);

    const N = m + n;
    this.pq = new IndexedMinHeap(N);
    this.key = this.pq.key;
    this.state = new Uint8Array(N);
    this.pred = new Int32Array(m);
    this.dMentee = new Float64Array(n);
    this.touched = new Int32Array(N);
    this.finals = new Int32Array(m);
    this.scanned = new Int32Array(n);
  }

  /**
   * Insert all mentees (true), or give up (false) once the search work
   * exceeds `budget` * (fraction of mentees inserted so far)^2.
   */
  run(budget: number, floor = 0): boolean {
    this.initLists();
    const start = this.work;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      if (this.work - start > allowance(budget, floor, i, n)) return false;
      this.insert(i);
    }
    return true;
  }

  /**
   * Rebuild mentee i's list from its full row: the best L mentors by current
   * net value s_ij - v_j (> 0 only), sorted descending; bound = the next best
   * value (or 0). If `di` >= 0, also relax every edge of the row (mentee i is
   * on the search tree at distance di): one pass does both. Returns the best
   * net value (0 if none).
   */
  private expand(i: number, L: number, di: number): number {
    this.rescans++;
    this.work += this.m;
    const S = this.S;
    const v = this.v;
    const m = this.m;
    const selV = this.selV;
    const selJ = this.selJ;
    const keep = L + 1; // one extra entry gives the bound
    let cnt = 0;
    let thr = 0;
    const base = i * m;
    const relax = di >= 0;
    const lim = di + this.u[i];
    for (let j = 0; j < m; j++) {
      // Only net values > 0 matter: anything else is beaten by dropping out.
      const val = S[base + j] - v[j];
      if (val <= 0) continue;
      if (relax) {
        const d = lim - val; // = di + u_i + v_j - s_ij
        if (d < this.D) this.offer(j, d, i);
      }
      if (val <= thr) continue;
      // Insertion into the descending top-`keep` array.
      let p = cnt < keep ? cnt++ : keep - 1;
      while (p > 0 && selV[p - 1] < val) {
        selV[p] = selV[p - 1];
        selJ[p] = selJ[p - 1];
        p--;
      }
      selV[p] = val;
      selJ[p] = j;
      if (cnt === keep) thr = selV[keep - 1];
    }
    const len = cnt === keep ? L : cnt;
    this.bound[i] = cnt === keep ? selV[L] : 0;
    const o = i * this.LM;
    for (let t = 0; t < len; t++) {
      const j = selJ[t];
      this.lTo[o + t] = j;
      this.lW[o + t] = S[base + j];
    }
    this.lLen[i] = len;
    return cnt > 0 ? selV[0] : 0;
  }

  /**
   * Initial lists of all mentees, before any insertion (all prices are 0, so
   * raw scores are compared: the cheapest possible pass over the matrix).
   * Lists go stale as prices rise, but their bounds stay valid, and `insert`
   * rescans a row whose list no longer proves its best value.
   */
  private initLists(): void {
    for (let i = 0; i < this.n; i++) this.initRow(i);
    this.work += this.n * this.m;
  }

  private initRow(i: number): void {
    const S = this.S;
    const m = this.m;
    const cap = this.cap;
    const L = this.L0;
    const keep = L + 1;
    const selV = this.selV;
    const selJ = this.selJ;
    const base = i * m;
    const end = base + m;
    let cnt = 0;
    let thr = 0;
    for (let k = base; k < end; k++) {
      const val = S[k];
      if (val <= thr) continue;
      const j = k - base;
      if (cap[j] === 0) continue;
      let p = cnt < keep ? cnt++ : keep - 1;
      while (p > 0 && selV[p - 1] < val) {
        selV[p] = selV[p - 1];
        selJ[p] = selJ[p - 1];
        p--;
      }
      selV[p] = val;
      selJ[p] = j;
      if (cnt === keep) thr = selV[keep - 1];
    }
    const len = cnt === keep ? L : cnt;
    this.bound[i] = cnt === keep ? selV[L] : 0;
    const o = i * this.LM;
    for (let t = 0; t < len; t++) {
      this.lTo[o + t] = selJ[t];
      this.lW[o + t] = selV[t];
    }
    this.lLen[i] = len;
  }

  /** Mentor k reached at distance d (< D) from mentee i. */
  private offer(k: number, d: number, i: number): void {
    if (this.load[k] < this.cap[k]) {
      // A free slot ends the path right here (free mentors have v = 0).
      this.D = d;
      this.sinkKind = SINK_MENTOR;
      this.sinkId = k;
      this.pred[k] = i;
      return;
    }
    const sk = this.state[k];
    if (sk === 0) {
      this.state[k] = 1;
      this.touched[this.nTouched++] = k;
      this.pred[k] = i;
      this.pq.push(k, d);
    } else if (sk === 1 && d < this.key[k]) {
      this.pred[k] = i;
      this.pq.decrease(k, d);
    }
  }

  /** Relax mentee i's listed edges (i at distance di), then queue its lazy entry. */
  private relaxMentee(i: number, di: number): void {
    const v = this.v;
    const lTo = this.lTo;
    const lW = this.lW;
    const base = di + this.u[i];
    const o = i * this.LM;
    const o1 = o + this.lLen[i];
    for (let t = o; t < o1; t++) {
      const k = lTo[t];
      const d = base + v[k] - lW[t];
      if (d < this.D && this.state[k] !== 2) this.offer(k, d, i);
    }
    const b = this.bound[i];
    if (b > 0) {
      // Unlisted edges all have reduced cost >= u_i - b, and >= 0 anyway
      // (dual feasibility), so the bound only helps while b < u_i.
      const lazy = b < this.u[i] ? base - b : di;
      if (lazy < this.D) {
        const id = this.m + i;
        this.state[id] = 1;
        this.touched[this.nTouched++] = id;
        this.pq.push(id, lazy);
      }
    }
  }

  /**
   * Insert mentee r: Dijkstra over mentors on reduced costs
   * rc_ij = u_i + v_j - s_ij >= 0, ending at a mentor with a free slot or at
   * some mentee of the tree dropping out to "unmatched" (cost u_i). Then
   * update duals (keeps rc >= 0, makes the path tight) and flip the path.
   */
  insert(r: number): void {
    const m = this.m;
    const u = this.u;
    const v = this.v;
    const key = this.key;
    const state = this.state;
    const mateOf = this.mateOf;
    const slots = this.slots;
    const slotPos = this.slotPos;
    const load = this.load;
    const dMentee = this.dMentee;
    const finals = this.finals;
    const scanned = this.scanned;

    // u_r = best net value over all mentors (or 0). The list gives it unless
    // the bound on unlisted mentors is higher: then rescan the row.
    let ur = 0;
    let best = -1;
    const o = r * this.LM;
    for (let t = o, o1 = o + this.lLen[r]; t < o1; t++) {
      const val = this.lW[t] - v[this.lTo[t]];
      if (val > ur) {
        ur = val;
        best = this.lTo[t];
      }
    }
    if (this.bound[r] > ur) {
      ur = this.expand(r, this.L0, -1);
      best = ur > 0 ? this.lTo[o] : -1;
    }
    u[r] = ur;
    if (best >= 0 && load[best] < this.cap[best]) {
      // Fast path: the best mentor has a free slot (zero-length path).
      const pos = this.slotStart[best] + load[best]++;
      slots[pos] = r;
      slotPos[r] = pos;
      mateOf[r] = best;
      return;
    }
    this.D = ur; // r simply stays unmatched
    this.sinkKind = SINK_UNMATCHED;
    this.sinkId = r;
    this.nTouched = 0;
    this.pq.size = 0;
    let nFinal = 0;
    let nScanned = 0;
    dMentee[r] = 0;
    if (ur > 0) this.relaxMentee(r, 0);

    while (this.pq.size > 0) {
      const id = this.pq.top();
      const d = key[id];
      if (d >= this.D) break;
      this.pq.pop();
      state[id] = 2;
      if (id < m) {
        // Full mentor j: go on through each of its mentees.
        this.pops++;
        this.work += 32;
        finals[nFinal++] = id;
        const s0 = this.slotStart[id];
        const s1 = s0 + load[id];
        for (let s = s0; s < s1; s++) {
          const i = slots[s];
          scanned[nScanned++] = i;
          dMentee[i] = d;
          if (d + u[i] < this.D) {
            // i drops out to "unmatched" at cost u_i.
            this.D = d + u[i];
            this.sinkKind = SINK_UNMATCHED;
            this.sinkId = i;
          }
          this.relaxMentee(i, d);
        }
      } else {
        // Lazy entry: some unlisted edge of mentee i may matter. Relax its
        // whole row (exact), and rebuild its list with the current prices
        // for later searches.
        const i = id - m;
        this.expand(i, this.L1, dMentee[i]);
      }
    }

    const D = this.D;
    // Dual update.
    for (let t = 0; t < nFinal; t++) {
      const j = finals[t];
      v[j] += D - key[j];
    }
    for (let t = 0; t < nScanned; t++) {
      const i = scanned[t];
      u[i] -= D - dMentee[i];
    }
    u[r] = ur - D;

    // Flip the path: mentee pred[j] moves into mentor j, taking the slot its
    // follower vacated (or a new slot at the terminal mentor).
    let j: number;
    let pos: number;
    if (this.sinkKind === SINK_MENTOR) {
      j = this.sinkId;
      pos = this.slotStart[j] + load[j]++;
    } else if (this.sinkId !== r) {
      const x = this.sinkId;
      j = mateOf[x];
      pos = slotPos[x];
      mateOf[x] = -1;
    } else {
      j = -1;
      pos = -1;
    }
    if (j >= 0) {
      const pred = this.pred;
      for (;;) {
        const i = pred[j];
        const oldJ = mateOf[i];
        const oldPos = slotPos[i];
        slots[pos] = i;
        slotPos[i] = pos;
        mateOf[i] = j;
        if (i === r) break;
        j = oldJ;
        pos = oldPos;
      }
    }

    // Lazy reset of the work arrays.
    const touched = this.touched;
    for (let t = 0; t < this.nTouched; t++) {
      const k = touched[t];
      state[k] = 0;
      key[k] = Infinity;
    }
  }
}

/**
 * The same algorithm, searching from the mentor side: rows are mentors
 * (inserted one capacity unit at a time), columns are mentees; candidate
 * lists are per mentor, by s_ij - u_i. Used when mentors are the scarcer side
 * (fewer capacity units than mentees): then the mentee prices that must rise
 * from 0 stay small and augmenting paths are short, whereas the mentee-side
 * search would have to drive every mentor price up from 0 through many long
 * paths. Also the fallback when mentees wage a price war over few mentors.
 *
 * Mirror invariants: v_j (now the row dual) only decreases, u_i (column dual)
 * only increases. A mentor with k inserted units must have v_j = 0 unless all
 * k are used. Inserting a unit into a mentor with v_j > 0 breaks that; the
 * Dijkstra below repairs it by either finding a mentee for the unit or
 * lowering some price on the path to 0 (that mentor keeps an unused unit).
 * Once v_j = 0 the remaining units of j are free and need no work at all.
 */
class ReverseCore {
  readonly n: number; // mentees (columns)
  readonly m: number; // mentors (rows)
  /** Row-major cents matrix (mentee-major); mentor j's row is column j, stride m. */
  readonly S: Int32Array;
  readonly cap: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly mateOf: Int32Array;
  readonly load: Int32Array;
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly slotPos: Int32Array;

  private readonly LM: number;
  private readonly L0: number;
  private readonly L1: number;
  private readonly lTo: Int32Array;
  private readonly lW: Int32Array;
  private readonly lLen: Int32Array;
  private readonly bound: Float64Array;
  private readonly selV: Float64Array;
  private readonly selJ: Int32Array;

  // Heap ids: 0..n-1 mentees, n+j = "unlisted edges of mentor j".
  private readonly key: Float64Array;
  private readonly state: Uint8Array;
  private readonly pq: IndexedMinHeap;
  private readonly predRow: Int32Array; // mentee -> mentor that reaches it
  private readonly via: Int32Array; // mentor -> its mentee through which it was reached
  private readonly dRow: Float64Array;
  private readonly rowSeen: Uint8Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private readonly finals: Int32Array;
  private readonly rowsScanned: Int32Array;
  private nRows = 0;

  private D = 0;
  private sinkIsRow = true;
  private sinkId = -1;

  pops = 0;
  rescans = 0;
  work = 0;

  constructor(n: number, m: number, S: Int32Array, capacity: Int32Array, L0: number, L1: number) {
    this.n = n;
    this.m = m;
    // No transpose: it costs more (cache/TLB misses) than the few strided
    // column scans the search needs.
    this.S = S;
    const cap = new Int32Array(m);
    for (let j = 0; j < m; j++) cap[j] = Math.min(Math.max(capacity[j] | 0, 0), n);
    this.cap = cap;
    this.u = new Float64Array(n);
    this.v = new Float64Array(m);
    this.mateOf = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m);
    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j] + cap[j];
    this.slots = new Int32Array(this.slotStart[m]);
    this.slotPos = new Int32Array(n);

    this.L0 = Math.min(L0, n);
    this.L1 = Math.min(L1, n);
    this.LM = Math.max(this.L0, this.L1);
    this.lTo = new Int32Array(m * this.LM);
    this.lW = new Int32Array(m * this.LM);
    this.lLen = new Int32Array(m);
    this.bound = new Float64Array(m);
    this.selV = new Float64Array(this.LM + 1);
    this.selJ = new Int32Array(this.LM + 1);

    const N = n + m;
    this.pq = new IndexedMinHeap(N);
    this.key = this.pq.key;
    this.state = new Uint8Array(N);
    this.predRow = new Int32Array(n);
    this.via = new Int32Array(m);
    this.dRow = new Float64Array(m);
    this.rowSeen = new Uint8Array(m);
    this.touched = new Int32Array(N);
    this.finals = new Int32Array(n);
    this.rowsScanned = new Int32Array(m);
  }

  /** Insert all mentors (true), or give up like `Core.run` (false). */
  run(budget: number, floor = 0): boolean {
    this.initLists();
    const start = this.work;
    const m = this.m;
    // Strongest mentors (best score) first: they claim their mentees before
    // weaker mentors do, so a weak mentor arriving later finds mentee prices
    // that already reflect the competition and its price starts low, instead
    // of first winning mentees and then losing them again one long augmenting
    // path at a time (a price collapse; e.g. 20x fewer searches when every
    // mentee prefers the same mentors and capacity is plentiful).
    const top = new Float64Array(m);
    const order = new Int32Array(m);
    for (let j = 0; j < m; j++) {
      top[j] = this.lLen[j] > 0 ? this.lW[j * this.LM] : 0;
      order[j] = j;
    }
    order.sort((a, b) => top[b] - top[a] || a - b);
    for (let t = 0; t < m; t++) {
      if (this.work - start > allowance(budget, floor, t, m)) return false;
      this.insertMentor(order[t]);
    }
    return true;
  }

  /**
   * Initial lists of all mentors (all u are 0 now) in one row-major pass,
   * keeping a top list per column: far cheaper than m strided column scans.
   */
  private initLists(): void {
    const m = this.m;
    const keep = this.L0 + 1;
    const top: ColumnTops = {
      val: new Int32Array(m * keep),
      idx: new Int32Array(m * keep),
      cnt: new Int32Array(m),
      thr: new Int32Array(m), // values must exceed 0
    };
    for (let i = 0; i < this.n; i++) this.initRow(i, top);
    this.work += this.n * this.m;
    const L = this.L0;
    const LM = this.LM;
    for (let j = 0; j < m; j++) {
      const c = top.cnt[j];
      const len = c === keep ? L : c;
      this.bound[j] = c === keep ? top.val[j * keep + L] : 0;
      for (let t = 0; t < len; t++) {
        this.lTo[j * LM + t] = top.idx[j * keep + t];
        this.lW[j * LM + t] = top.val[j * keep + t];
      }
      this.lLen[j] = len;
    }
  }

  /** Offer mentee i's scores to every mentor's running top list. */
  private initRow(i: number, top: ColumnTops): void {
    const S = this.S;
    const m = this.m;
    const keep = this.L0 + 1;
    const { val: topV, idx: topI, cnt, thr } = top;
    const base = i * m;
    for (let j = 0; j < m; j++) {
      const val = S[base + j];
      if (val <= thr[j]) continue;
      const o = j * keep;
      const c = cnt[j];
      let p = c;
      if (c < keep) cnt[j] = c + 1;
      else p = keep - 1;
      while (p > 0 && topV[o + p - 1] < val) {
        topV[o + p] = topV[o + p - 1];
        topI[o + p] = topI[o + p - 1];
        p--;
      }
      topV[o + p] = val;
      topI[o + p] = i;
      if (cnt[j] === keep) thr[j] = topV[o + keep - 1];
    }
  }

  /**
   * Mentor j's list: best L mentees by s_ij - u_i (> 0), bound = next best.
   * With dj >= 0 also relaxes every edge of the row (one strided pass).
   * Returns the best value.
   */
  private expand(j: number, L: number, dj: number): number {
    this.rescans++;
    this.work += this.n;
    const S = this.S;
    const u = this.u;
    const n = this.n;
    const m = this.m;
    const selV = this.selV;
    const selJ = this.selJ;
    const keep = L + 1;
    let cnt = 0;
    let thr = 0;
    const relax = dj >= 0;
    const lim = dj + this.v[j];
    for (let i = 0, q = j; i < n; i++, q += m) {
      const val = S[q] - u[i];
      if (val <= 0) continue;
      if (relax) {
        const d = lim - val;
        if (d < this.D && this.state[i] !== 2 && this.mateOf[i] !== j) this.reach(i, d, j);
      }
      if (val <= thr) continue;
      let p = cnt < keep ? cnt++ : keep - 1;
      while (p > 0 && selV[p - 1] < val) {
        selV[p] = selV[p - 1];
        selJ[p] = selJ[p - 1];
        p--;
      }
      selV[p] = val;
      selJ[p] = i;
      if (cnt === keep) thr = selV[keep - 1];
    }
    const len = cnt === keep ? L : cnt;
    this.bound[j] = cnt === keep ? selV[L] : 0;
    const o = j * this.LM;
    for (let t = 0; t < len; t++) {
      const i = selJ[t];
      this.lTo[o + t] = i;
      this.lW[o + t] = S[i * m + j];
    }
    this.lLen[j] = len;
    return cnt > 0 ? selV[0] : 0;
  }

  /** Offer mentee i at distance d, reached from mentor j. */
  private reach(i: number, d: number, j: number): void {
    if (this.mateOf[i] < 0) {
      // Unmatched mentee (u_i = 0): it simply takes the unit. Path found.
      this.D = d;
      this.sinkIsRow = false;
      this.sinkId = i;
      this.predRow[i] = j;
      return;
    }
    const st = this.state[i];
    if (st === 0) {
      this.state[i] = 1;
      this.touched[this.nTouched++] = i;
      this.predRow[i] = j;
      this.pq.push(i, d);
    } else if (st === 1 && d < this.key[i]) {
      this.predRow[i] = j;
      this.pq.decrease(i, d);
    }
  }

  /** Scan mentor j at distance dj (reached through its mentee `via[j]`, or the source). */
  private scanRow(j: number, dj: number): void {
    this.rowSeen[j] = 1;
    this.dRow[j] = dj;
    this.rowsScanned[this.nRows++] = j;
    const u = this.u;
    // Its matched mentees stay tight: they are reached at the same distance.
    const s0 = this.slotStart[j];
    const s1 = s0 + this.load[j];
    for (let s = s0; s < s1; s++) {
      const i = this.slots[s];
      if (this.state[i] !== 2 && dj < this.D) this.reach(i, dj, j);
    }
    const base = dj + this.v[j];
    const o = j * this.LM;
    const o1 = o + this.lLen[j];
    const lTo = this.lTo;
    const lW = this.lW;
    for (let t = o; t < o1; t++) {
      const i = lTo[t];
      const d = base + u[i] - lW[t];
      if (d >= this.D || this.state[i] === 2 || this.mateOf[i] === j) continue;
      this.reach(i, d, j);
    }
    const b = this.bound[j];
    if (b > 0) {
      // Unlisted edges: reduced cost >= max(0, v_j - b).
      const lazy = b < this.v[j] ? base - b : dj;
      if (lazy < this.D) {
        const id = this.n + j;
        this.state[id] = 1;
        this.touched[this.nTouched++] = id;
        this.pq.push(id, lazy);
      }
    }
  }

  /** Process all capacity units of mentor r. */
  insertMentor(r: number): void {
    const c = this.cap[r];
    for (let k = 0; k < c; k++) {
      if (k === 0) {
        // v_r = best net value s_ir - u_i (or 0), from the list if it proves it.
        let best = 0;
        const o = r * this.LM;
        for (let t = o, o1 = o + this.lLen[r]; t < o1; t++) {
          const val = this.lW[t] - this.u[this.lTo[t]];
          if (val > best) best = val;
        }
        if (this.bound[r] > best) best = this.expand(r, this.L0, -1);
        this.v[r] = best;
      }
      if (this.v[r] === 0) break; // spare capacity is free from now on
      this.insertUnit(r);
    }
  }

  /** Repair v_r > 0 with one unused unit at r (see class comment). */
  private insertUnit(r: number): void {
    const n = this.n;
    const u = this.u;
    const v = this.v;
    const key = this.key;
    const state = this.state;
    const mateOf = this.mateOf;

    this.D = v[r]; // r keeps the unit unused and drops its price to 0
    this.sinkIsRow = true;
    this.sinkId = r;
    this.nTouched = 0;
    this.nRows = 0;
    this.pq.size = 0;
    let nFinal = 0;
    this.scanRow(r, 0);

    while (this.pq.size > 0) {
      const id = this.pq.top();
      const d = key[id];
      if (d >= this.D) break;
      this.pq.pop();
      if (id < n) {
        state[id] = 2;
        this.pops++;
        this.work += 32;
        this.finals[nFinal++] = id;
        const j = mateOf[id];
        if (this.rowSeen[j] === 0) {
          this.via[j] = id;
          if (d + v[j] < this.D) {
            // j gives this mentee up and keeps an unused unit at price 0.
            this.D = d + v[j];
            this.sinkIsRow = true;
            this.sinkId = j;
          }
          this.scanRow(j, d);
        }
      } else {
        const j = id - n;
        state[id] = 2;
        this.expand(j, this.L1, this.dRow[j]);
      }
    }

    const D = this.D;
    for (let t = 0; t < nFinal; t++) {
      const i = this.finals[t];
      u[i] += D - key[i];
    }
    for (let t = 0; t < this.nRows; t++) {
      const j = this.rowsScanned[t];
      v[j] -= D - this.dRow[j];
      this.rowSeen[j] = 0;
    }

    // Flip the path back to r.
    const slots = this.slots;
    const slotPos = this.slotPos;
    const load = this.load;
    let i: number; // mentee that must be placed into row predRow[i]
    if (!this.sinkIsRow) {
      i = this.sinkId;
    } else if (this.sinkId !== r) {
      // Row sinkId drops its mentee via[sinkId].
      const j = this.sinkId;
      i = this.via[j];
      const p = slotPos[i];
      const last = slots[this.slotStart[j] + --load[j]];
      slots[p] = last;
      slotPos[last] = p;
    } else {
      i = -1;
    }
    while (i >= 0) {
      const j = this.predRow[i];
      mateOf[i] = j;
      if (j === r) {
        const p = this.slotStart[j] + load[j]++;
        slots[p] = i;
        slotPos[i] = p;
        break;
      }
      // j takes i in place of the mentee it was reached through.
      const out = this.via[j];
      const p = slotPos[out];
      slots[p] = i;
      slotPos[i] = p;
      i = out;
    }

    const touched = this.touched;
    for (let t = 0; t < this.nTouched; t++) {
      const k = touched[t];
      state[k] = 0;
      key[k] = Infinity;
    }
  }
}

// ---------------------------------------------------------------------------
// High-level entry: validation, nulls, locked pairs.
// ---------------------------------------------------------------------------

/** Input converted for `solveCents`: locked pairs applied, free mentees only. */
export type PreparedInput = {
  /** Row-major cents of the free (not locked) mentees; FORBIDDEN = null. */
  cents: Int32Array;
  rows: number;
  cols: number;
  /** Remaining capacity per mentor (after locked pairs, clamped to #mentees). */
  capacity: Int32Array;
  /** Original index of each row of `cents`. */
  menteeOf: Int32Array;
  /** Full-size assignment holding the locked pairs (others -1). */
  base: number[];
  lockedCents: number;
};

/**
 * Validate (throws an Error with a clear message on malformed input), apply
 * locked pairs (pre-assigned, capacity reduced, mentee removed) and convert
 * the free mentees' scores to integer cents, all in one pass.
 */
export function prepareInput(input: SolveInput): PreparedInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('input must be an object {"scores": number[][], "capacity": number[]}');
  }
  const { scores, capacity, locked } = input as Partial<SolveInput>;
  if (!Array.isArray(scores)) throw new Error('"scores" must be an array of rows (one per mentee)');
  if (!Array.isArray(capacity)) throw new Error('"capacity" must be an array of integers (one per mentor)');
  const n = scores.length;
  const m = capacity.length;
  const cap = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const c = capacity[j];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) {
      throw new Error(`capacity[${j}] must be an integer >= 0 (got ${JSON.stringify(c)})`);
    }
    cap[j] = Math.min(c, n); // more than n can never be used
  }

  const base = new Array<number>(n).fill(-1);
  let lockedCents = 0;
  let nLocked = 0;
  if (locked !== undefined && locked !== null) {
    if (!Array.isArray(locked)) throw new Error('"locked" must be an array of [mentee, mentor] pairs');
    for (let t = 0; t < locked.length; t++) {
      const p = locked[t] as unknown;
      if (!Array.isArray(p) || p.length !== 2) throw new Error(`locked[${t}] must be a [mentee, mentor] pair`);
      const [i, j] = p as [unknown, unknown];
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n) {
        throw new Error(`locked[${t}]: mentee ${JSON.stringify(i)} out of range`);
      }
      if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= m) {
        throw new Error(`locked[${t}]: mentor ${JSON.stringify(j)} out of range`);
      }
      if (base[i] !== -1) throw new Error(`locked[${t}]: mentee ${i} is locked more than once`);
      const row = scores[i];
      const s = Array.isArray(row) ? row[j] : undefined;
      if (s === null) throw new Error(`locked[${t}]: pair (${i}, ${j}) is forbidden (null score)`);
      if (cap[j] === 0) throw new Error(`locked pairs exceed the capacity of mentor ${j}`);
      cap[j]--;
      base[i] = j;
      nLocked++;
      // The score itself is validated (and added) in the row pass below.
    }
  }

  const rows = n - nLocked;
  const cents = new Int32Array(rows * m);
  const menteeOf = new Int32Array(rows);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const row = scores[i];
    if (!Array.isArray(row)) throw new Error(`scores[${i}] must be an array (one entry per mentor)`);
    if (row.length !== m) {
      throw new Error(`scores[${i}] has ${row.length} entries, expected ${m} (one per mentor in capacity)`);
    }
    const isFree = base[i] === -1;
    const off = r * m;
    for (let j = 0; j < m; j++) {
      const s = row[j];
      let c = FORBIDDEN;
      if (s !== null) {
        if (typeof s !== 'number' || !(s >= 0) || !(s <= MAX_SCORE)) throw new Error(badScore(i, j, s));
        c = Math.round(s * 100);
        if (Math.abs(s * 100 - c) > 1e-6) throw new Error(`scores[${i}][${j}] has more than 2 decimals (got ${s})`);
      }
      if (isFree) cents[off + j] = c;
    }
    if (isFree) menteeOf[r++] = i;
    else lockedCents += Math.round((row[base[i]] as number) * 100);
  }
  return { cents, rows, cols: m, capacity: cap, menteeOf, base, lockedCents };
}

function badScore(i: number, j: number, s: unknown): string {
  if (typeof s !== 'number' || !Number.isFinite(s)) {
    return `scores[${i}][${j}] must be a finite number or null (got ${JSON.stringify(s)})`;
  }
  if (s < 0) return `scores[${i}][${j}] must be >= 0 (got ${s})`;
  return `scores[${i}][${j}] exceeds the maximum ${MAX_SCORE}`;
}

/** Solve a prepared input and map back to original mentee indices. */
export function solvePrepared(p: PreparedInput, opts: CentsOptions = {}): SolveResult {
  const res = solveCents(p.cents, p.rows, p.cols, p.capacity, opts);
  return mergeResult(p, res);
}

/** Merge a `solveCents` result on a prepared input with its locked pairs. */
export function mergeResult(p: PreparedInput, res: CentsResult): SolveResult {
  const assignment = p.base.slice();
  for (let r = 0; r < p.rows; r++) assignment[p.menteeOf[r]] = res.assignment[r];
  return { assignment, total: centsToScore(p.lockedCents + res.totalCents) };
}

/**
 * Exact maximum-total-score assignment. Validates the input (throws on
 * malformed input), honours locked pairs, forbids null pairs.
 */
export function solveAssignment(input: SolveInput, opts: CentsOptions = {}): SolveResult {
  return solvePrepared(prepareInput(input), opts);
}

/** Scores (validated) to a flat cents matrix, null -> FORBIDDEN. */
export function toCents(scores: (number | null)[][], m: number): Int32Array {
  const n = scores.length;
  const out = new Int32Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = scores[i];
    const off = i * m;
    for (let j = 0; j < m; j++) {
      const s = row[j];
      out[off + j] = s === null ? FORBIDDEN : Math.round(s * 100);
    }
  }
  return out;
}

export function centsToScore(cents: number): number {
  return Math.round(cents) / 100;
}

// ---------------------------------------------------------------------------
// Lexicographic priorities: who should be helped first.
// ---------------------------------------------------------------------------

export type TieredInput = SolveInput & {
  /**
   * tiers[mentee]: integer 0..MAX_TIER, higher = helped first. The optimum pairs as many
   * mentees of the top tier as possible, then as many of the next tier, …, then (tier 0
   * included) maximises the total score.
   */
  tiers: number[];
};

export type TieredResult = SolveResult & {
  /** Mentees paired per tier (locked pairs included). */
  pairedByTier: number[];
};

export const MAX_TIER = 15;

/**
 * Exact lexicographic optimum in ONE solve, on adjusted integer weights:
 *
 *   w_ij = s_ij + (tier_i + 1) * M,   M = R + 1,   R = sum over mentees of their best score
 *
 * (all in integer cents; forbidden pairs stay forbidden). Why this is exact:
 *  - Any plan's total weight is M * W + S, with W = sum of (tier + 1) over the paired mentees
 *    and 0 <= S <= R < M its score. So the solver maximises W first, and S among the plans
 *    with the largest W.
 *  - The sets of mentees that some plan can pair form a matroid (a transversal matroid: copy
 *    mentor j capacity_j times). In a matroid, a set of maximum weight for weights that
 *    grow with the tier is exactly one that, for every t, pairs as many mentees of tier >= t
 *    as any plan can (the greedy theorem: W = sum over t of |paired with tier >= t|, each term
 *    at most its own maximum, and greedy reaches all of them at once). That is the
 *    lexicographic rule: the top tier first, then the next, then how many in all.
 *  - Everything stays an integer below 2^31 (checked), which the solver computes exactly.
 * Staged solves would give the same answer with K + 1 solver runs; this costs one.
 */
export function solveTiered(input: TieredInput, opts: CentsOptions = {}): TieredResult {
  const p = prepareInput(input);
  const { tiers } = input;
  const n = p.base.length;
  if (!Array.isArray(tiers) || tiers.length !== n) throw new Error(`"tiers" must have one entry per mentee (${n})`);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const t = tiers[i];
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > MAX_TIER) {
      throw new Error(`tiers[${i}] must be an integer 0..${MAX_TIER} (got ${JSON.stringify(t)})`);
    }
    if (t > top) top = t;
  }
  const { rows, cols: m, cents } = p;
  let best = 0; // R
  let maxCents = 0;
  for (let r = 0; r < rows; r++) {
    let rowMax = 0;
    for (let k = r * m, end = k + m; k < end; k++) if (cents[k] > rowMax) rowMax = cents[k];
    best += rowMax;
    if (rowMax > maxCents) maxCents = rowMax;
  }
  const M = best + 1;
  if ((top + 1) * M + maxCents > 2 ** 31 - 1) {
    throw new Error('the pool is too large for exact priority weights (total score above about 5 million points)');
  }
  const weighted = new Int32Array(cents.length);
  for (let r = 0; r < rows; r++) {
    const bonus = (tiers[p.menteeOf[r]] + 1) * M;
    for (let k = r * m, end = k + m; k < end; k++) weighted[k] = cents[k] === FORBIDDEN ? FORBIDDEN : cents[k] + bonus;
  }
  const res = solveCents(weighted, rows, m, p.capacity, opts);
  let total = p.lockedCents;
  for (let r = 0; r < rows; r++) {
    const j = res.assignment[r];
    if (j >= 0) total += cents[r * m + j];
  }
  const assignment = p.base.slice();
  for (let r = 0; r < rows; r++) assignment[p.menteeOf[r]] = res.assignment[r];
  const pairedByTier = new Array<number>(top + 1).fill(0);
  for (let i = 0; i < n; i++) if (assignment[i] >= 0) pairedByTier[tiers[i]]++;
  return { assignment, total: centsToScore(total), pairedByTier };
}
