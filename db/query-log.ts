/**
 * Drizzle's query logger, wired into both drivers (db/client.ts): it records nothing unless a caller
 * asked to, inside `recordQueries`. Tests use it to count the SQL statements a page or a session
 * read costs. Kept on globalThis, like the client, so every bundle of the app shares one recorder.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm';

const key = Symbol.for('mentor-match.query-log');
type GlobalWithLog = typeof globalThis & { [key]?: AsyncLocalStorage<string[]> };
const g = globalThis as GlobalWithLog;
const store = (g[key] ??= new AsyncLocalStorage<string[]>());

export const queryLogger: Logger = {
  logQuery(query: string) {
    store.getStore()?.push(query);
  },
};

/** Runs `task` and returns the SQL statements it sent through Drizzle, in order. */
export async function recordQueries<T>(task: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const result = await store.run(queries, task);
  return { result, queries };
}
