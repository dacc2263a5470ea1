/**
 * Small-group suppression, applied where figures are computed (never left to the page): a figure
 * broken down by identity, or an average, built from fewer than MIN_GROUP answers is replaced by
 * "fewer than 5" so that nobody can be recognised from a report.
 */
export const MIN_GROUP = 5;

export type Figure = { shown: true; value: number; n: number } | { shown: false; n: null };

/** A value computed from `n` answers, shown only when n ≥ MIN_GROUP. The count itself is hidden too. */
export function guarded(n: number, compute: () => number): Figure {
  return n >= MIN_GROUP ? { shown: true, value: compute(), n } : { shown: false, n: null };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (the value a coordinator can point at: someone really waited that long). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** How a figure reads on the page and in the CSV. */
export function figureText(f: Figure, format: (v: number) => string = (v) => String(v)): string {
  return f.shown ? format(f.value) : 'fewer than 5';
}
