/**
 * CLI: exact maximum-total-score mentor assignment.
 *
 *   npm run -s match:solve -- FILE
 *
 * FILE is JSON {"scores": (number|null)[][], "capacity": number[], "locked"?: [mentee, mentor][]}
 * (scores[mentee][mentor] >= 0 with at most 2 decimals, null = pair not
 * allowed; capacity[mentor] integer >= 0). Prints one line:
 *   {"assignment": (mentorIndex|-1)[], "total": number, "ms": number}
 *
 * `ms` (performance.now()) is the solver time from the parsed matrix to the
 * assignment. The clock starts after reading, JSON.parse, validation and the
 * conversion to an Int32Array of cents (done together in one pass, like the
 * benchmark's scipy side, whose time also excludes building its matrix), and
 * stops when the assignment exists. Afterwards (untimed) the optimality
 * certificate is audited independently. Set MATCH_SOLVE_TIMING=1 to get the
 * untimed phases on stderr.
 * Malformed input: message on stderr, exit code 1 (2 = internal error).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkOptimality, mergeResult, prepareInput, solveCents, type PreparedInput } from './solver';

function fail(message: string): never {
  process.stderr.write(`match:solve: ${message}\n`);
  process.exit(1);
}

/** Read, parse, validate and convert. The parsed JSON is garbage once this returns. */
function load(file: string): { prepared: PreparedInput; readParseMs: number; validateConvertMs: number } {
  const t0 = performance.now();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const t1 = performance.now();
  let prepared: PreparedInput;
  try {
    prepared = prepareInput(data as never);
  } catch (e) {
    fail(`invalid input in ${file}: ${(e as Error).message}`);
  }
  return { prepared, readParseMs: t1 - t0, validateConvertMs: performance.now() - t1 };
}

function main(): void {
  const file = process.argv[2];
  if (!file) fail('usage: npm run -s match:solve -- FILE.json');
  const { prepared, readParseMs, validateConvertMs } = load(file);

  const t0 = performance.now();
  const res = solveCents(prepared.cents, prepared.rows, prepared.cols, prepared.capacity);
  const ms = performance.now() - t0;

  // Independent audit of the optimality certificate (LP duals), after the
  // clock: the solver maintains it by construction, this guards against bugs.
  const problem = checkOptimality(prepared.cents, prepared.rows, prepared.cols, prepared.capacity, res);
  if (problem !== null) {
    process.stderr.write(`match:solve: internal error, result not proven optimal: ${problem}\n`);
    process.exit(2);
  }

  const out = mergeResult(prepared, res);
  if (process.env.MATCH_SOLVE_TIMING) {
    process.stderr.write(`${JSON.stringify({ readParseMs, validateConvertMs, solveMs: ms, stats: res.stats })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ assignment: out.assignment, total: out.total, ms: Math.round(ms * 1000) / 1000 })}\n`);
}

main();
