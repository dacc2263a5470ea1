import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** Rows of a raw query, whichever driver answered (postgres.js returns an array, PGlite `{ rows }`). */
async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  const result = await (await getDb()).execute(q);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * Every row of every table in the app's schema, as sorted JSON lines per table. Read from the
 * catalogue, so a table added by a later migration is covered without touching the tests.
 */
export async function snapshotAllTables(): Promise<Record<string, string[]>> {
  const tables = await rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  // One round trip for the whole database: the matrix takes two snapshots per call.
  const union = sql.join(
    tables.map(({ name }) => sql`select ${name}::text as t, to_jsonb(x)::text as row from ${sql.identifier(name)} x`),
    sql` union all `,
  );
  const out: Record<string, string[]> = Object.fromEntries(tables.map(({ name }) => [name, [] as string[]]));
  for (const { t, row } of await rows<{ t: string; row: string }>(union)) out[t].push(row);
  for (const lines of Object.values(out)) lines.sort();
  return out;
}

/** Only the rows that mention one of `ids` (a person's id appears in every row about them). */
export function rowsMentioning(snapshot: Record<string, string[]>, ids: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, lines] of Object.entries(snapshot)) out[table] = lines.filter((l) => ids.some((id) => l.includes(id)));
  return out;
}

/** Tables whose rows differ between two snapshots, with the rows that came and went. */
export function diffSnapshots(before: Record<string, string[]>, after: Record<string, string[]>) {
  const changed: Record<string, { added: string[]; removed: string[] }> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = new Set(before[table] ?? []);
    const a = new Set(after[table] ?? []);
    const added = [...a].filter((l) => !b.has(l));
    const removed = [...b].filter((l) => !a.has(l));
    if (added.length || removed.length) changed[table] = { added, removed };
  }
  return changed;
}
