/**
 * Finds every server action and route handler in the app by reading the source, so a new one
 * cannot slip past the authorisation matrix: the matrix test fails until it has a row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['app', 'lib', 'components'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

/** A module-level 'use server' directive: the first statement, after comments. */
function isServerModule(source: string): boolean {
  const body = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^['"]use server['"]/.test(body);
}

export type SourceFile = { file: string; abs: string };

export function sourceFiles(): SourceFile[] {
  return SCANNED.flatMap((d) => walk(path.join(ROOT, d))).map((abs) => ({ abs, file: rel(abs) }));
}

/** Modules whose every export is a server action. */
export function serverActionModules(): SourceFile[] {
  return sourceFiles().filter((f) => isServerModule(readFileSync(f.abs, 'utf8')));
}

/**
 * Files with a 'use server' that is not the module's directive: an inline action inside a
 * component. The matrix cannot import those, so they are refused outright.
 */
export function inlineServerActions(): string[] {
  return sourceFiles()
    .filter((f) => {
      const s = readFileSync(f.abs, 'utf8');
      return /['"]use server['"]/.test(s) && !isServerModule(s);
    })
    .map((f) => f.file);
}

export function routeHandlerModules(): SourceFile[] {
  return sourceFiles().filter((f) => f.file.startsWith('app/') && /\/route\.tsx?$/.test(f.file));
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** `file#export` for every exported function of the given modules, read from the modules themselves. */
export async function exportedFunctions(files: SourceFile[], only?: readonly string[]): Promise<Map<string, (...args: never[]) => unknown>> {
  const out = new Map<string, (...args: never[]) => unknown>();
  for (const f of files) {
    const mod = (await import(/* @vite-ignore */ f.abs)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === 'function' && (!only || only.includes(name))) out.set(`${f.file}#${name}`, value as (...args: never[]) => unknown);
  }
  return out;
}
