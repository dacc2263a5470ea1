import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a 'use client' file imports is shipped to every phone that opens the page. Server-only
 * libraries must not be reachable from one: zod alone is ≈ 170 kB gzip, which took the concern and
 * check-in pages from 145 to 312 kB (`npm run bench:size`, target ≤ 170 kB). Walks the import graph
 * the way the bundler does: value imports and re-exports, not `import type`, and not into
 * 'use server' modules (the client gets a reference to the action, not its code).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const HEAVY = ['zod', 'drizzle-orm', 'postgres', '@electric-sql/pglite', 'pg-boss', 'next-auth', 'resend'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const directive = (text: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use (client|server)['"]/.exec(text)?.[1];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Value imports and re-exports of a module: `import type` / `export type` are erased. */
function imports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[4]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** The chain from `entry` to a heavy package, or null. */
function heavyChain(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    if (chain.length && directive(text) === 'server') return null;
    for (const spec of imports(text)) {
      if (HEAVY.some((h) => spec === h || spec.startsWith(`${h}/`))) return [...chain, path.relative(ROOT, file), spec];
      const next = resolve(file, spec);
      const found = next && walk(next, [...chain, path.relative(ROOT, file)]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, []);
}

const clientFiles = ['app', 'components', 'lib'].flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) => directive(readFileSync(f, 'utf8')) === 'client');

describe('[BUNDLE]: client components ship no server libraries', () => {
  it('finds the client components', () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it('the walker sees a heavy import through a re-export, and not through import type', () => {
    // lib/safety/forms validates with zod: a client file importing it would ship zod.
    expect(heavyChain(path.join(ROOT, 'lib/safety/forms.ts'))).toEqual(['lib/safety/forms.ts', 'zod']);
    expect(imports("import type { A } from 'zod';\nexport type { B } from 'zod';")).toEqual([]);
    expect(imports("export * from './copy';\nimport { x } from '@/lib/y';")).toEqual(['./copy', '@/lib/y']);
  });

  it.each(clientFiles.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(heavyChain(file)).toBeNull();
  });
});
