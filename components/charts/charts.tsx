import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * Static charts drawn on the server as SVG (d3-scale and d3-shape compute positions; nothing runs
 * in the browser). Each has a fixed aspect ratio through its viewBox, so it takes its space before
 * it paints (no layout shift) and scales down to a 390 px phone; and each carries its numbers as a
 * table for screen readers and for anyone who would rather read than look.
 */

export type Series = { key: string; label: string; color: string };
export type Point = { label: string; values: Record<string, number> };

const W = 640;
const H = 260;
const M = { top: 12, right: 12, bottom: 40, left: 36 };

function Frame({ title, description, children, table }: { title: string; description: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="mb-2">
        <span className="block font-semibold text-stone-900">{title}</span>
        <span className="block text-sm text-stone-600">{description}</span>
      </figcaption>
      {children}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

function DataTable({ caption, series, points }: { caption: string; series: Series[]; points: Point[] }) {
  return (
    <table className="min-w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="pr-4 font-medium">
            &nbsp;
          </th>
          {series.map((s) => (
            <th key={s.key} scope="col" className="pr-4 font-medium">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.label} className="border-t border-stone-100">
            <th scope="row" className="pr-4 font-normal">
              {p.label}
            </th>
            {series.map((s) => (
              <td key={s.key} className="pr-4 tabular-nums">
                {p.values[s.key] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Legend({ series }: { series: Series[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function yTicks(max: number) {
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice()
    .range([H - M.bottom, M.top]);
  return { y, ticks: y.ticks(Math.min(5, Math.max(1, y.domain()[1]))).filter(Number.isInteger) };
}

/** Grouped bars: one group per point, one bar per series. Every label is shown when few, else every other. */
export function BarChart({ title, description, series, points }: { title: string; description: string; series: Series[]; points: Point[] }) {
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  const { y, ticks } = yTicks(max);
  const x = scaleBand<string>()
    .domain(points.map((p) => p.label))
    .range([M.left, W - M.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const every = points.length > 8 ? 2 : 1;
  return (
    <Frame title={title} description={description} table={<DataTable caption={title} series={series} points={points} />}>
      <svg viewBox={`0 0 ${W} ${H}`} className="block h-auto w-full" role="img" aria-label={`${title}. ${description} The numbers are in the table below.`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e7e5e4" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="13" fill="#57534e">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.label} transform={`translate(${x(p.label)},0)`}>
            {series.map((s) => {
              const v = p.values[s.key] ?? 0;
              return <rect key={s.key} x={inner(s.key)} width={inner.bandwidth()} y={y(v)} height={Math.max(0, y(0) - y(v))} fill={s.color} rx="2" />;
            })}
            {i % every === 0 && (
              <text x={x.bandwidth() / 2} y={H - M.bottom + 18} textAnchor="middle" fontSize="13" fill="#57534e">
                {p.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <Legend series={series} />
    </Frame>
  );
}

/** Lines over time, one per series. */
export function LineChart({ title, description, series, points }: { title: string; description: string; series: Series[]; points: Point[] }) {
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  const { y, ticks } = yTicks(max);
  const x = scaleLinear()
    .domain([0, Math.max(1, points.length - 1)])
    .range([M.left + 8, W - M.right - 8]);
  const every = Math.ceil(points.length / 6);
  return (
    <Frame title={title} description={description} table={<DataTable caption={title} series={series} points={points} />}>
      <svg viewBox={`0 0 ${W} ${H}`} className="block h-auto w-full" role="img" aria-label={`${title}. ${description} The numbers are in the table below.`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e7e5e4" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="13" fill="#57534e">
              {t}
            </text>
          </g>
        ))}
        {series.map((s) => {
          const d = line<Point>()
            .x((_, i) => x(i))
            .y((p) => y(p.values[s.key] ?? 0))(points);
          return <path key={s.key} d={d ?? undefined} fill="none" stroke={s.color} strokeWidth="2.5" />;
        })}
        {points.map((p, i) =>
          i % every === 0 || i === points.length - 1 ? (
            <text key={p.label} x={x(i)} y={H - M.bottom + 18} textAnchor="middle" fontSize="13" fill="#57534e">
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <Legend series={series} />
    </Frame>
  );
}
