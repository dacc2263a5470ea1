import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FORBIDDEN,
  checkOptimality,
  prepareInput,
  solveAssignment,
  solveCents,
  solveTiered,
  type CentsOptions,
  type SolveInput,
  type TieredInput,
} from '../../lib/matching/solver';
import { referenceBruteForce, referenceHungarian, referenceTieredKey } from '../../lib/matching/solver-reference';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type Scores = (number | null)[][];

/** Checks every contract of a SolveResult against its input; returns the recomputed total. */
function assertValid(input: SolveInput, assignment: number[], total: number): number {
  const { scores, capacity } = input;
  expect(assignment).toHaveLength(scores.length);
  const load = new Array(capacity.length).fill(0);
  let cents = 0;
  assignment.forEach((j, i) => {
    if (j === -1) return;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(capacity.length);
    const s = scores[i][j];
    expect(s, `forbidden pair (${i}, ${j}) used`).not.toBeNull();
    load[j]++;
    cents += Math.round((s as number) * 100);
  });
  load.forEach((l, j) => expect(l, `mentor ${j} over capacity`).toBeLessThanOrEqual(capacity[j]));
  for (const [i, j] of input.locked ?? []) expect(assignment[i]).toBe(j);
  expect(Math.round(total * 100)).toBe(cents);
  return cents;
}

function toCentsMatrix(scores: Scores, m: number): Int32Array {
  const out = new Int32Array(scores.length * m);
  scores.forEach((row, i) => row.forEach((s, j) => (out[i * m + j] = s === null ? FORBIDDEN : Math.round(s * 100))));
  return out;
}

/** Reference optimum (cents) including locked pairs: fix them, solve the rest. */
function referenceTotal(input: SolveInput, brute: boolean): number {
  const n = input.scores.length;
  const m = input.capacity.length;
  const cap = input.capacity.slice();
  const lockedRows = new Set<number>();
  let lockedCents = 0;
  for (const [i, j] of input.locked ?? []) {
    lockedRows.add(i);
    cap[j]--;
    lockedCents += Math.round((input.scores[i][j] as number) * 100);
  }
  const rows = input.scores.filter((_, i) => !lockedRows.has(i));
  const cents = toCentsMatrix(rows, m);
  const ref = brute ? referenceBruteForce(cents, rows.length, m, cap) : referenceHungarian(cents, rows.length, m, cap);
  expect(n - lockedRows.size).toBe(rows.length);
  return lockedCents + ref.totalCents;
}

/** Every solver configuration that must give the same optimum. */
const CONFIGS: CentsOptions[] = [
  {},
  { direction: 'mentees' },
  { direction: 'mentors' },
  // Tiny candidate lists force the lazy full-row expansions on almost every search.
  { direction: 'mentees', listSize: 1, rescanListSize: 1 },
  { direction: 'mentors', listSize: 1, rescanListSize: 2 },
  // A tiny budget forces the switch to the other direction mid-way.
  { switchBudget: 0.01 },
];

/** Solve with every configuration, check validity, optimality certificate and equal totals. */
function solveAll(input: SolveInput): number {
  let first: number | null = null;
  for (const opts of CONFIGS) {
    const res = solveAssignment(input, opts);
    const cents = assertValid(input, res.assignment, res.total);
    if (first === null) first = cents;
    expect(cents, `config ${JSON.stringify(opts)}`).toBe(first);
  }
  // Certificate (LP duals) for the unlocked core problem.
  const p = prepareInput(input);
  for (const opts of CONFIGS) {
    const r = solveCents(p.cents, p.rows, p.cols, p.capacity, opts);
    expect(checkOptimality(p.cents, p.rows, p.cols, p.capacity, r)).toBeNull();
  }
  return first as number;
}

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(n: number, m: number, seed: number, kind: 'uniform' | 'correlated', capMax = 3, pNull = 0.1): SolveInput {
  const rnd = prng(seed);
  const capacity = Array.from({ length: m }, () => 1 + Math.floor(rnd() * capMax));
  const popularity = Array.from({ length: m }, () => rnd());
  const scores: Scores = Array.from({ length: n }, () =>
    Array.from({ length: m }, (_, j) => {
      const s = kind === 'uniform' ? rnd() * 100 : popularity[j] * 70 + rnd() * 30;
      return rnd() < pNull ? null : Math.round(s * 100) / 100;
    }),
  );
  return { scores, capacity };
}

/** fast-check arbitrary: small instance, scores in cents range, some nulls, capacities 0..maxCap. */
function instanceArb(maxN: number, maxM: number, maxCap: number): fc.Arbitrary<SolveInput> {
  return fc
    .record({
      n: fc.integer({ min: 0, max: maxN }),
      m: fc.integer({ min: 0, max: maxM }),
      range: fc.constantFrom(2, 5, 300, 10000), // small ranges => many ties
    })
    .chain(({ n, m, range }) =>
      fc.record({
        scores: fc.array(
          fc.array(
            fc.option(
              fc.integer({ min: 0, max: range }).map((c) => c / 100),
              { nil: null, freq: 4 },
            ),
            {
              minLength: m,
              maxLength: m,
            },
          ),
          { minLength: n, maxLength: n },
        ),
        capacity: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: m, maxLength: m }),
      }),
    );
}

/** Adds a random valid set of locked pairs to an instance. */
function withLocks(input: SolveInput, seed: number): SolveInput {
  const rnd = prng(seed);
  const left = input.capacity.slice();
  const locked: [number, number][] = [];
  input.scores.forEach((row, i) => {
    if (rnd() < 0.7) return;
    const options = row.map((s, j) => (s !== null && left[j] > 0 ? j : -1)).filter((j) => j >= 0);
    if (options.length === 0) return;
    const j = options[Math.floor(rnd() * options.length)];
    left[j]--;
    locked.push([i, j]);
  });
  return { ...input, locked };
}

// ---------------------------------------------------------------------------
// Hand-made instances
// ---------------------------------------------------------------------------

describe('solveAssignment: known optima', () => {
  it('beats greedy (highest score first)', () => {
    // Greedy gives mentee 0 its 10, then mentee 1 has nothing: 10.
    // Optimal: mentee 0 -> mentor 1 (9), mentee 1 -> mentor 0 (10): 19.
    const input = {
      scores: [
        [10, 9],
        [10, null],
      ],
      capacity: [1, 1],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([1, 0]);
    expect(res.total).toBe(19);
    expect(solveAll(input)).toBe(1900);
  });

  it('longer augmenting chain', () => {
    // Each mentee's favourite is taken by the next one; optimum shifts everyone.
    const input = {
      scores: [
        [5, 4, null],
        [5, null, 4.5],
        [null, 5, 1],
      ],
      capacity: [1, 1, 1],
    };
    const res = solveAssignment(input);
    expect(res.total).toBe(14.5); // 5 + 4.5 + 5
    expect(res.assignment).toEqual([0, 2, 1]);
    solveAll(input);
  });

  it('uses capacities', () => {
    const input = {
      scores: [
        [9, 1],
        [8, 2],
        [7, 3],
        [6, 4],
      ],
      capacity: [3, 2],
    };
    const res = solveAssignment(input);
    expect(res.total).toBe(9 + 8 + 7 + 4);
    expect(res.assignment).toEqual([0, 0, 0, 1]);
    solveAll(input);
  });

  it('leaves mentees unmatched when capacity runs out', () => {
    const input = { scores: [[1], [3], [2]], capacity: [2] };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([-1, 0, 0]);
    expect(res.total).toBe(5);
    solveAll(input);
  });

  it('never uses forbidden (null) pairs, even when they would score high', () => {
    const input = {
      scores: [
        [null, 1],
        [100, null],
      ],
      capacity: [1, 1],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([1, 0]);
    expect(res.total).toBe(101);
    solveAll(input);
  });

  it('rows with all null stay unmatched', () => {
    const input = {
      scores: [
        [null, null],
        [2, 3],
      ],
      capacity: [1, 1],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([-1, 1]);
    expect(res.total).toBe(3);
    solveAll(input);
  });

  it('capacity 0 mentors are never used', () => {
    const input = {
      scores: [
        [50, 1],
        [50, 2],
      ],
      capacity: [0, 1],
    };
    const res = solveAssignment(input);
    expect(res.assignment[0] === 0 || res.assignment[1] === 0).toBe(false);
    expect(res.total).toBe(2);
    solveAll(input);
  });

  it('capacities larger than the number of mentees', () => {
    const input = {
      scores: [
        [1, 2],
        [3, 1],
      ],
      capacity: [1000, 1e9],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([1, 0]);
    expect(res.total).toBe(5);
    solveAll(input);
  });

  it('ties: any optimal assignment, exact total', () => {
    const input = {
      scores: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      capacity: [1, 1, 1],
    };
    const res = solveAssignment(input);
    expect(res.total).toBe(3);
    expect(res.assignment.filter((j) => j === -1)).toHaveLength(1);
    solveAll(input);
  });

  it('zero scores: matching at 0 and staying unmatched are equivalent', () => {
    const input = {
      scores: [
        [0, 0],
        [0, 0],
      ],
      capacity: [1, 1],
    };
    expect(solveAssignment(input).total).toBe(0);
    solveAll(input);
  });

  it('cents are exact (no float drift)', () => {
    const input = { scores: [[0.1], [0.2]], capacity: [2] };
    expect(solveAssignment(input).total).toBe(0.3);
    const many = { scores: Array.from({ length: 10 }, () => [0.1]), capacity: [10] };
    expect(solveAssignment(many).total).toBe(1);
  });

  it('empty inputs', () => {
    expect(solveAssignment({ scores: [], capacity: [] })).toEqual({ assignment: [], total: 0 });
    expect(solveAssignment({ scores: [], capacity: [3, 1] })).toEqual({ assignment: [], total: 0 });
    expect(solveAssignment({ scores: [[], []], capacity: [] })).toEqual({ assignment: [-1, -1], total: 0 });
    expect(solveAssignment({ scores: [[null, null]], capacity: [1, 1] })).toEqual({ assignment: [-1], total: 0 });
    expect(solveAssignment({ scores: [[5, 6]], capacity: [0, 0] })).toEqual({ assignment: [-1], total: 0 });
    solveAll({ scores: [], capacity: [] });
    solveAll({ scores: [[], []], capacity: [] });
  });
});

describe('solveAssignment: locked pairs', () => {
  it('forces locked pairs, reduces capacity, and optimises the rest', () => {
    // Without the lock: 0 -> 0 (10), 1 -> 1 (10) = 20.
    // Locking 1 -> 0 uses mentor 0's only slot: 0 -> 1 (1) + 5 = 6.
    const input: SolveInput = {
      scores: [
        [10, 1],
        [5, 10],
      ],
      capacity: [1, 1],
      locked: [[1, 0]],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([1, 0]);
    expect(res.total).toBe(6);
    solveAll(input);
  });

  it('locks can fill a mentor completely', () => {
    const input: SolveInput = {
      scores: [
        [1, 9],
        [1, 9],
        [1, 9],
      ],
      capacity: [1, 2],
      locked: [
        [0, 1],
        [2, 1],
      ],
    };
    const res = solveAssignment(input);
    expect(res.assignment).toEqual([1, 0, 1]);
    expect(res.total).toBe(19);
  });

  it('rejects contradictory locks', () => {
    const base = {
      scores: [
        [1, null],
        [2, 3],
      ],
      capacity: [1, 1],
    };
    expect(() => solveAssignment({ ...base, locked: [[0, 1]] })).toThrow(/forbidden/);
    expect(() =>
      solveAssignment({
        ...base,
        locked: [
          [0, 0],
          [1, 0],
        ],
      }),
    ).toThrow(/capacity/);
    expect(() =>
      solveAssignment({
        ...base,
        locked: [
          [0, 0],
          [0, 0],
        ],
      }),
    ).toThrow(/more than once/);
    expect(() => solveAssignment({ ...base, locked: [[2, 0]] })).toThrow(/out of range/);
    expect(() => solveAssignment({ ...base, locked: [[0, 5]] })).toThrow(/out of range/);
  });
});

describe('solveAssignment: validation', () => {
  const bad: [string, unknown, RegExp][] = [
    ['scores not an array', { scores: 3, capacity: [] }, /scores/],
    ['capacity missing', { scores: [] }, /capacity/],
    ['ragged rows', { scores: [[1, 2], [1]], capacity: [1, 1] }, /expected 2/],
    ['row not an array', { scores: [5], capacity: [1] }, /must be an array/],
    ['negative score', { scores: [[-1]], capacity: [1] }, />= 0/],
    ['string score', { scores: [['5']], capacity: [1] }, /finite number or null/],
    ['3 decimals', { scores: [[1.234]], capacity: [1] }, /2 decimals/],
    ['non-integer capacity', { scores: [[1]], capacity: [1.5] }, /capacity\[0\]/],
    ['negative capacity', { scores: [[1]], capacity: [-1] }, /capacity\[0\]/],
    ['not an object', [1, 2], /object/],
  ];
  for (const [name, input, msg] of bad) {
    it(`rejects ${name}`, () => {
      expect(() => solveAssignment(input as SolveInput)).toThrow(msg);
    });
  }
});

// ---------------------------------------------------------------------------
// Property tests (generous timeouts: the machine running them may be busy)
// ---------------------------------------------------------------------------

describe('property: equals exhaustive search on tiny instances', () => {
  it('random tiny instances (nulls, ties, capacity 0..3)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(instanceArb(6, 4, 3), (input) => {
        expect(solveAll(input)).toBe(referenceTotal(input, true));
      }),
      { numRuns: 300 },
    );
  });

  it('random tiny instances with locked pairs', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(instanceArb(6, 4, 3), fc.integer(), (input, seed) => {
        const locked = withLocks(input, seed);
        expect(solveAll(locked)).toBe(referenceTotal(locked, true));
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: equals the dense Hungarian reference (slot-expanded)', () => {
  it('random small instances', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(instanceArb(30, 12, 4), (input) => {
        expect(solveAll(input)).toBe(referenceTotal(input, false));
      }),
      { numRuns: 150 },
    );
  });

  it('random small instances with locked pairs', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(instanceArb(25, 10, 3), fc.integer(), (input, seed) => {
        const locked = withLocks(input, seed);
        expect(solveAll(locked)).toBe(referenceTotal(locked, false));
      }),
      { numRuns: 80 },
    );
  });
});

describe('sparse candidate lists with lazy widening', () => {
  // Correlated scores: everyone wants the same mentors, so the best-by-score
  // candidates are wrong for most mentees and lists must be rebuilt from
  // prices. Both search directions must agree with the dense reference.
  for (const [n, m, kind, seed] of [
    [200, 100, 'correlated', 1],
    [200, 100, 'correlated', 2],
    [150, 100, 'uniform', 3],
    [200, 60, 'uniform', 4],
  ] as const) {
    it(`${kind} ${n}x${m} (seed ${seed}) equals the dense reference`, { timeout: 120_000 }, () => {
      const input = randomInstance(n, m, seed, kind);
      const want = referenceTotal(input, false);
      expect(solveAll(input)).toBe(want);
      const p = prepareInput(input);
      let rescans = 0;
      for (const direction of ['mentees', 'mentors'] as const) {
        const r = solveCents(p.cents, p.rows, p.cols, p.capacity, { direction, listSize: 4 });
        expect(r.totalCents).toBe(want);
        rescans += r.stats.rescans;
      }
      // With correlated scores the first lists (best raw scores) cannot be
      // enough: rows must have been rescanned with prices.
      if (kind === 'correlated') expect(rescans).toBeGreaterThan(0);
    });
  }

  it('searches from the mentors when mentees crowd the same few mentors', () => {
    // More slots than mentees (the unit count alone says "insert mentees"), but every mentee
    // wants the same mentors: the mentee side would be a price war, so it is never tried.
    const input = randomInstance(300, 150, 7, 'correlated', 3, 0);
    input.capacity = input.capacity.map((c) => c + 1);
    const p = prepareInput(input);
    const r = solveCents(p.cents, p.rows, p.cols, p.capacity);
    expect(r.stats.direction).toBe('mentors');
    expect(r.stats.switched).toBe(false);
    expect(checkOptimality(p.cents, p.rows, p.cols, p.capacity, r)).toBeNull();
    expect(r.totalCents).toBe(referenceTotal(input, false));
  });

  it('switches direction when the preferred one runs out of its work budget', () => {
    // Uniform scores with more slots than mentees: the mentee side is preferred; a tiny budget
    // forces the switch, and the other side must still reach the same proven optimum.
    const input = randomInstance(200, 150, 8, 'uniform');
    const p = prepareInput(input);
    const plain = solveCents(p.cents, p.rows, p.cols, p.capacity);
    expect(plain.stats.direction).toBe('mentees');
    const r = solveCents(p.cents, p.rows, p.cols, p.capacity, { switchBudget: 1e-6 });
    expect(r.stats.switched).toBe(true);
    expect(r.stats.direction).toBe('mentors');
    expect(checkOptimality(p.cents, p.rows, p.cols, p.capacity, r)).toBeNull();
    expect(r.totalCents).toBe(plain.totalCents);
    expect(r.totalCents).toBe(referenceTotal(input, false));
  });
});

// ---------------------------------------------------------------------------
// Priority tiers (lexicographic: top tier first, then the next, then the score)
// ---------------------------------------------------------------------------

/** The key a tiered plan is judged by: paired per tier from the top down, then total cents. */
function tieredKey(input: TieredInput, assignment: number[]): number[] {
  const top = Math.max(0, ...input.tiers);
  const counts = new Array(top + 1).fill(0);
  let cents = 0;
  assignment.forEach((j, i) => {
    if (j < 0) return;
    counts[input.tiers[i]]++;
    cents += Math.round((input.scores[i][j] as number) * 100);
  });
  return [...counts.reverse(), cents];
}

/** Reference key with locked pairs fixed first (their counts and cents added back). */
function referenceTiered(input: TieredInput): number[] {
  const m = input.capacity.length;
  const top = Math.max(0, ...input.tiers);
  const cap = input.capacity.slice();
  const lockedRows = new Set<number>();
  const lockedCounts = new Array(top + 1).fill(0);
  let lockedCents = 0;
  for (const [i, j] of input.locked ?? []) {
    lockedRows.add(i);
    cap[j]--;
    lockedCounts[input.tiers[i]]++;
    lockedCents += Math.round((input.scores[i][j] as number) * 100);
  }
  const keep = input.scores.map((_, i) => i).filter((i) => !lockedRows.has(i));
  const cents = toCentsMatrix(
    keep.map((i) => input.scores[i]),
    m,
  );
  const free = referenceTieredKey(
    cents,
    keep.length,
    m,
    cap,
    keep.map((i) => input.tiers[i]),
  );
  // The reference only knows the tiers present among free rows: align from the top tier down.
  const freeTop = Math.max(0, ...keep.map((i) => input.tiers[i]));
  const counts = new Array(top + 1).fill(0);
  for (let t = 0; t <= freeTop; t++) counts[t] = free[freeTop - t];
  return [...counts.map((c, t) => c + lockedCounts[t]).reverse(), free[free.length - 1] + lockedCents];
}

describe('solveTiered: who should be helped first', () => {
  it('pairs the top-tier mentee even when a lower tier would score more', () => {
    // One place. Mentee 0 (tier 1, e.g. a rematch) fits at 10 points, mentee 1 (tier 0) at 90.
    const input: TieredInput = { scores: [[10], [90]], capacity: [1], tiers: [1, 0] };
    const res = solveTiered(input);
    expect(res.assignment).toEqual([0, -1]);
    expect(res.total).toBe(10);
    expect(res.pairedByTier).toEqual([0, 1]);
    // Without tiers the plain optimum takes the 90.
    expect(solveAssignment(input).assignment).toEqual([-1, 0]);
  });

  it('pairs more of a tier rather than fewer at a higher score', () => {
    // Two tier-1 mentees: 0 fits only mentor 0 (1 point); 1 fits both (95 on mentor 0, 5 on 1).
    // Max score would give mentor 0 to mentee 1 and leave mentee 0 out; tiers pair both.
    const input: TieredInput = {
      scores: [
        [1, null],
        [95, 5],
        [100, 100],
      ],
      capacity: [1, 1],
      tiers: [1, 1, 0],
    };
    const res = solveTiered(input);
    expect(res.assignment).toEqual([0, 1, -1]);
    expect(res.total).toBe(6);
    expect(res.pairedByTier).toEqual([0, 2]);
  });

  it('pairs a zero-score allowed mentee of a higher tier (zero is not "unmatched" here)', () => {
    const input: TieredInput = { scores: [[0], [50]], capacity: [1], tiers: [2, 0] };
    expect(solveTiered(input).assignment).toEqual([0, -1]);
  });

  it('with one tier it is the plain optimum, and then the most mentees paired', () => {
    // Plain max score (10) pairs one mentee; tier 0 still asks for as many as possible first.
    const input: TieredInput = {
      scores: [
        [10, 9],
        [10, null],
      ],
      capacity: [1, 1],
      tiers: [0, 0],
    };
    expect(solveTiered(input).total).toBe(19);
    const fewer: TieredInput = {
      scores: [
        [6, null],
        [5, 5],
      ],
      capacity: [1, 1],
      tiers: [0, 0],
    };
    expect(solveTiered(fewer).assignment).toEqual([0, 1]);
  });

  it('honours locked pairs and counts them in their tier', () => {
    const input: TieredInput = {
      scores: [
        [5, 5],
        [5, null],
        [9, 9],
      ],
      capacity: [1, 1],
      tiers: [0, 1, 1],
      locked: [[0, 0]],
    };
    const res = solveTiered(input);
    expect(res.assignment[0]).toBe(0);
    expect(res.assignment[1]).toBe(-1); // its only mentor is locked to mentee 0
    expect(res.assignment[2]).toBe(1);
    expect(res.pairedByTier).toEqual([1, 1]);
  });

  it('empty inputs and all-null rows', () => {
    expect(solveTiered({ scores: [], capacity: [], tiers: [] })).toEqual({ assignment: [], total: 0, pairedByTier: [0] });
    expect(
      solveTiered({
        scores: [
          [null, null],
          [null, null],
        ],
        capacity: [1, 1],
        tiers: [3, 0],
      }),
    ).toEqual({
      assignment: [-1, -1],
      total: 0,
      pairedByTier: [0, 0, 0, 0],
    });
  });

  it('rejects malformed tiers', () => {
    const base = { scores: [[1]], capacity: [1] };
    expect(() => solveTiered({ ...base, tiers: [] })).toThrow(/one entry per mentee/);
    expect(() => solveTiered({ ...base, tiers: [1.5] })).toThrow(/tiers\[0\]/);
    expect(() => solveTiered({ ...base, tiers: [-1] })).toThrow(/tiers\[0\]/);
    expect(() => solveTiered({ ...base, tiers: [99] })).toThrow(/tiers\[0\]/);
  });

  it('property: equals the exhaustive lexicographic optimum (ties, nulls, capacities, locks)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        instanceArb(6, 4, 3),
        fc.integer(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (plain, seed, t, lock) => {
          const input: TieredInput = { ...(lock ? withLocks(plain, seed) : plain), tiers: plain.scores.map((_, i) => t[i]) };
          const res = solveTiered(input);
          assertValid(input, res.assignment, res.total);
          expect(tieredKey(input, res.assignment)).toEqual(referenceTiered(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: every search configuration gives the same lexicographic optimum on mid-size pools', { timeout: 120_000 }, () => {
    for (const [n, m, kind, seed] of [
      [120, 50, 'correlated', 11],
      [120, 80, 'uniform', 12],
    ] as const) {
      const base = randomInstance(n, m, seed, kind);
      const rnd = prng(seed);
      const input: TieredInput = { ...base, tiers: base.scores.map(() => Math.floor(rnd() * 4)) };
      const keys = CONFIGS.map((opts) => {
        const res = solveTiered(input, opts);
        assertValid(input, res.assignment, res.total);
        return tieredKey(input, res.assignment);
      });
      for (const k of keys) expect(k).toEqual(keys[0]);
      // And the top tier is paired as fully as a plan that pairs only the top tier can manage.
      const topOnly = { scores: base.scores.map((row, i) => (input.tiers[i] === 3 ? row : row.map(() => null))), capacity: base.capacity };
      const most = solveTiered({ ...topOnly, tiers: input.tiers }).pairedByTier[3];
      expect(keys[0][0]).toBe(most);
    }
  });
});

// ---------------------------------------------------------------------------
// CLI contract
// ---------------------------------------------------------------------------

describe('lib/matching/cli.ts', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'match-solve-test-'));
    try {
      const file = join(dir, 'in.json');
      writeFileSync(file, content);
      return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'lib/matching/cli.ts'), file], {
        cwd: root,
        encoding: 'utf8',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  // Spawns node processes: generous timeouts for busy machines.
  it('prints one JSON line with assignment, total and ms', { timeout: 60_000 }, () => {
    const r = run(
      JSON.stringify({
        scores: [
          [10, 9],
          [10, null],
        ],
        capacity: [1, 1],
      }),
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out).sort()).toEqual(['assignment', 'ms', 'total']);
    expect(out.assignment).toEqual([1, 0]);
    expect(out.total).toBe(19);
    expect(typeof out.ms).toBe('number');
  });

  it('exits 1 with a message on malformed input', { timeout: 60_000 }, () => {
    for (const content of ['{"scores": [[1, 2], [1]], "capacity": [1, 1]}', '[1, 2]', 'not json', '{"scores": [[1]], "capacity": [0.5]}']) {
      const r = run(content);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/match:solve: .+/);
    }
  });
});
