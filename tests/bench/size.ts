/**
 * JavaScript each route makes a phone download, from the last `next build` (.next): the framework's
 * shared chunks (`rootMainFiles`) plus every chunk the route's layouts, page and boundaries name in
 * their client-reference manifest, each gzipped (as `next start` serves them). The polyfill chunk is
 * left out: it is `nomodule`, so no current browser fetches it.
 *
 *   npm run bench:size [-- --quick] [-- --json]
 *
 * Baseline, measured in the same run: the framework chunks alone (what the emptiest Next page
 * loads). Target: ≤ 170 kB gzip on every route. `--quick` prints only the largest five routes (CI
 * proves the script still reads the build). Exits 1 when a route is over the target.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TARGET_KB = 170;
const root = path.join(process.cwd(), '.next');
const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');

if (!existsSync(path.join(root, 'build-manifest.json'))) {
  console.error('No build found in .next: run `npx next build` first.');
  process.exit(2);
}

const gz = new Map<string, number>();
function gzipBytes(file: string): number {
  let n = gz.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(path.join(root, file))).length;
    gz.set(file, n);
  }
  return n;
}
const kb = (bytes: number) => bytes / 1024;

const build = JSON.parse(readFileSync(path.join(root, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
const framework = build.rootMainFiles;
const frameworkBytes = framework.reduce((s, f) => s + gzipBytes(f), 0);

/** Every page's client-reference manifest under .next/server/app. */
function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...manifests(p));
    else if (e.name === 'page_client-reference-manifest.js') out.push(p);
  }
  return out;
}

type Row = { route: string; kB: number; ratio: number; chunks: number; overTarget: boolean };
const rows: Row[] = [];
for (const file of manifests(path.join(root, 'server', 'app'))) {
  const text = readFileSync(file, 'utf8');
  const key = /__RSC_MANIFEST\["([^"]+)"\]/.exec(text)?.[1];
  const entry = /"entryJSFiles":(\{[^}]*\})/.exec(text)?.[1];
  if (!key || !entry) throw new Error(`Unexpected manifest format in ${file}: has Next changed it?`);
  const route = key.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
  if (route.startsWith('/_')) continue; // Next's own error pages
  const files = new Set<string>(framework);
  for (const chunks of Object.values(JSON.parse(entry) as Record<string, string[]>)) for (const c of chunks) files.add(c);
  const bytes = [...files].reduce((s, f) => s + gzipBytes(f), 0);
  rows.push({ route, kB: +kb(bytes).toFixed(1), ratio: +(bytes / frameworkBytes).toFixed(2), chunks: files.size, overTarget: kb(bytes) > TARGET_KB });
}
rows.sort((a, b) => b.kB - a.kB);
if (!rows.length) throw new Error('No routes found in .next/server/app.');

const shown = quick ? rows.slice(0, 5) : rows;
if (asJson) console.log(JSON.stringify({ targetKB: TARGET_KB, frameworkKB: +kb(frameworkBytes).toFixed(1), routes: shown }));
else {
  console.log(`Gzip JS per route (target ≤ ${TARGET_KB} kB). Baseline, the framework chunks alone: ${kb(frameworkBytes).toFixed(1)} kB.\n`);
  const w = Math.max(...shown.map((r) => r.route.length));
  console.log(`${'route'.padEnd(w)}  ${'kB gzip'.padStart(8)}  ${'× base'.padStart(7)}  chunks`);
  for (const r of shown)
    console.log(
      `${r.route.padEnd(w)}  ${r.kB.toFixed(1).padStart(8)}  ${r.ratio.toFixed(2).padStart(7)}  ${String(r.chunks).padStart(6)}${r.overTarget ? '  OVER TARGET' : ''}`,
    );
  if (quick) console.log(`… ${rows.length - shown.length} more routes (run without --quick for all).`);
  console.log(
    `\nLargest: ${rows[0].route} ${rows[0].kB} kB; smallest: ${rows.at(-1)!.route} ${rows.at(-1)!.kB} kB; ${rows.filter((r) => r.overTarget).length} over target.`,
  );
}
if (rows.some((r) => r.overTarget)) process.exitCode = 1;
