import 'server-only';
/**
 * pg-boss talks to the database through `executeSql(text, values)`. These adapt the app's two
 * databases to it, so pg-boss needs no connection of its own on PGlite and can enqueue inside an
 * app transaction on either.
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';

export type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[]; rowCount: number }> };

/**
 * The app's one PGlite instance. pg-boss sends parameterless multi-statement scripts (schema
 * creation, maintenance in BEGIN…COMMIT): only `exec` runs those; `query` prepares a single one.
 */
export function pgliteExecutor(pglite: PGliteInterface): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
      }
      const result = await pglite.query<Record<string, unknown>>(text, values.map(toParam));
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/**
 * A drizzle transaction (PGlite or postgres.js): pg-boss's `$n` placeholders become drizzle
 * parameters, so a job inserted this way commits or rolls back with the caller's change.
 */
export function transactionExecutor(tx: Tx): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const result = (await tx.execute(toDrizzleSql(text, values))) as unknown;
      if (Array.isArray(result)) return { rows: [...result] as Record<string, unknown>[], rowCount: (result as { count?: number }).count ?? result.length };
      const r = result as { rows: Record<string, unknown>[]; affectedRows?: number; rowCount?: number };
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rowCount ?? r.rows.length };
    },
  };
}

export function toDrizzleSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    const index = Number(m[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`Placeholder ${m[0]} has no value.`);
    chunks.push(sql.raw(text.slice(last, m.index)), sql`${toParam(values[index])}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** Job payloads and queue options arrive as objects for json/jsonb parameters. */
function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && !Buffer.isBuffer(v)) return JSON.stringify(v);
  return v;
}
