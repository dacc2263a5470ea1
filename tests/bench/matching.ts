/**
 * Benchmark: our exact b-matching solver vs scipy's linear_sum_assignment.
 *
 *   npm run bench:matching [-- --reps 5 --reps-scipy 3]
 *
 * For each seeded instance it writes the JSON to a temp file and
 *  - runs our CLI (lib/matching/cli.ts) in a fresh node process per
 *    repetition and reads its reported `ms` (solver time from the parsed
 *    matrix to the assignment) and `total`;
 *  - if python3 + scipy are available, builds the slot-expanded matrix in
 *    python (each mentor column repeated capacity times, plus one zero
 *    "unmatched" column per mentee, forbidden = -1e9) and times ONLY the
 *    linear_sum_assignment(maximize=True) call.
 * Medians over the repetitions are reported. Totals must be equal (exit 1
 * otherwise); our assignment is also checked for feasibility.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Instance = { scores: (number | null)[][]; capacity: number[] };

/** mulberry32: small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Capacities uniform in 1..3, ~10% pairs null. 'uniform': scores uniform in
 * [0, 100]; 'correlated': every mentee prefers the same popular mentors,
 * score = 70 * popularity[mentor] + 30 * noise.
 */
function generate(n: number, m: number, kind: 'uniform' | 'correlated', seed: number): Instance {
  const rnd = prng(seed);
  const capacity = Array.from({ length: m }, () => 1 + Math.floor(rnd() * 3));
  const popularity = Array.from({ length: m }, () => rnd());
  const scores: (number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | null)[] = new Array(m);
    for (let j = 0; j < m; j++) {
      const s = kind === 'uniform' ? rnd() * 100 : popularity[j] * 70 + rnd() * 30;
      row[j] = rnd() < 0.1 ? null : round2(s);
    }
    scores.push(row);
  }
  return { scores, capacity };
}

const PY = String.raw`
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
path, reps = sys.argv[1], int(sys.argv[2])
with open(path) as f:
    d = json.load(f)
cap = np.asarray(d["capacity"], dtype=np.int64)
n, m = len(d["scores"]), len(cap)
FORBID = -1e9
S = np.array([[FORBID if x is None else x for x in row] for row in d["scores"]], dtype=np.float64).reshape(n, m)
slot_mentor = np.repeat(np.arange(m), np.minimum(cap, n))
E = np.ascontiguousarray(np.concatenate([S[:, slot_mentor], np.zeros((n, n))], axis=1))
times = []
for _ in range(reps):
    t = time.perf_counter()
    r, c = linear_sum_assignment(E, maximize=True)
    times.append((time.perf_counter() - t) * 1000)
real = c < len(slot_mentor)
vals = E[r[real], c[real]]
if (vals <= FORBID / 2).any():
    raise SystemExit("scipy used a forbidden pair")
print(json.dumps({"ms": times, "total": round(float(vals.sum()), 2)}))
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function checkOurs(inst: Instance, assignment: number[], total: number): string | null {
  const load = new Array(inst.capacity.length).fill(0);
  let cents = 0;
  if (assignment.length !== inst.scores.length) return 'assignment has the wrong length';
  for (let i = 0; i < assignment.length; i++) {
    const j = assignment[i];
    if (j === -1) continue;
    const s = inst.scores[i][j];
    if (s === null || s === undefined) return `forbidden pair (${i}, ${j}) used`;
    if (++load[j] > inst.capacity[j]) return `mentor ${j} over capacity`;
    cents += Math.round(s * 100);
  }
  if (Math.round(total * 100) !== cents) return `reported total ${total} != recomputed ${cents / 100}`;
  return null;
}

function runOurs(file: string): { ms: number; total: number; assignment: number[]; convertMs: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/matching/cli.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, MATCH_SOLVE_TIMING: '1' },
  });
  if (r.status !== 0) throw new Error(`match-solve failed (${r.status}): ${r.stderr}`);
  // Untimed phase, reported for transparency: validation + conversion to cents.
  const timing = JSON.parse(r.stderr.trim().split('\n').pop() as string);
  return { ...JSON.parse(r.stdout), convertMs: timing.validateConvertMs };
}

function scipyAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import numpy, scipy.optimize'], { encoding: 'utf8' });
  return r.status === 0;
}

function runScipy(pyFile: string, file: string, reps: number): { ms: number[]; total: number } {
  const r = spawnSync('python3', [pyFile, file, String(reps)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function intArg(argv: string[], name: string, dflt: number): number {
  const k = argv.indexOf(name);
  return k >= 0 ? Math.max(1, Math.floor(Number(argv[k + 1])) || dflt) : dflt;
}

function main(): void {
  const argv = process.argv.slice(2);
  // Our runs are cheap, so take more of them: a fresh process is noisy.
  const repsOurs = intArg(argv, '--reps', 5);
  const repsScipy = intArg(argv, '--reps-scipy', 3);

  const instances = [
    { name: '2000x1000 uniform', n: 2000, m: 1000, kind: 'uniform' as const, seed: 1, target: 'ratio <= 0.33', maxRatio: 1 / 3 },
    { name: '2000x1000 correlated', n: 2000, m: 1000, kind: 'correlated' as const, seed: 2, target: 'ratio <= 1.0', maxRatio: 1 },
    { name: '600x400 uniform', n: 600, m: 400, kind: 'uniform' as const, seed: 3, target: 'ours < 20 ms', maxMs: 20 },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  const haveScipy = scipyAvailable();
  const pyFile = join(dir, 'lsa.py');
  writeFileSync(pyFile, PY);
  if (!haveScipy) {
    console.log('NOTE: python3 with numpy+scipy not found; reporting our times only (no scipy comparison).');
    console.log('      (on Debian/Ubuntu: apt-get install -y python3-scipy)');
  }

  type Row = {
    name: string;
    ours: number;
    convert: number;
    scipy: number | null;
    ratio: number | null;
    equal: string;
    target: string;
    ok: boolean;
  };
  const rows: Row[] = [];
  let mismatch = false;
  try {
    for (const spec of instances) {
      const inst = generate(spec.n, spec.m, spec.kind, spec.seed);
      const file = join(dir, `${spec.name.replace(/\W+/g, '_')}.json`);
      writeFileSync(file, JSON.stringify(inst));

      const oursMs: number[] = [];
      const convertMs: number[] = [];
      let oursTotal = NaN;
      for (let k = 0; k < repsOurs; k++) {
        const out = runOurs(file);
        const err = checkOurs(inst, out.assignment, out.total);
        if (err) {
          console.error(`[${spec.name}] our assignment is invalid: ${err}`);
          mismatch = true;
        }
        if (k > 0 && out.total !== oursTotal) mismatch = true;
        oursTotal = out.total;
        oursMs.push(out.ms);
        convertMs.push(out.convertMs);
      }
      const ours = median(oursMs);

      let scipyMs: number | null = null;
      let equal = 'n/a';
      if (haveScipy) {
        const py = runScipy(pyFile, file, repsScipy);
        scipyMs = median(py.ms);
        const same = Math.round(py.total * 100) === Math.round(oursTotal * 100);
        equal = same ? `yes (${oursTotal})` : `NO (ours ${oursTotal}, scipy ${py.total})`;
        if (!same) mismatch = true;
      }
      const ratio = scipyMs === null ? null : ours / scipyMs;
      let ok = true;
      if ('maxMs' in spec && spec.maxMs !== undefined) ok = ours < spec.maxMs;
      if ('maxRatio' in spec && spec.maxRatio !== undefined && ratio !== null) ok = ratio <= spec.maxRatio;
      rows.push({ name: spec.name, ours, convert: median(convertMs), scipy: scipyMs, ratio, equal, target: spec.target, ok });
      console.error(`  done: ${spec.name} (ours ${oursMs.map((x) => x.toFixed(1)).join(', ')} ms)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const header = ['instance', 'ours ms', '(+convert ms)', 'scipy ms', 'ours/scipy', 'totals equal', 'target', 'met'];
  const table = rows.map((r) => [
    r.name,
    r.ours.toFixed(1),
    r.convert.toFixed(1),
    r.scipy === null ? '-' : r.scipy.toFixed(1),
    r.ratio === null ? '-' : r.ratio.toFixed(3),
    r.equal,
    r.target,
    r.ratio === null && r.target.startsWith('ratio') ? '?' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c].length)));
  const line = (cells: string[]): string => cells.map((x, c) => x.padEnd(widths[c])).join('  ');
  console.log(
    `\nmedians: ours over ${repsOurs} runs (fresh node process each, parsed matrix -> assignment),` +
      ` scipy over ${repsScipy} runs (linear_sum_assignment call only);` +
      ` "+convert" = our untimed validation + conversion to typed arrays`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const t of table) console.log(line(t));
  if (mismatch) {
    console.error('\nFAIL: totals differ or an assignment is invalid');
    process.exit(1);
  }
}

main();
