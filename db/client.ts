/**
 * The database: embedded PGlite when DATABASE_URL is unset, a PostgreSQL server through postgres.js
 * when it is set. One code path above this file; only db/ and the data-access layer import it.
 *
 * The client is a process-wide singleton kept on globalThis: Next bundles the proxy, route
 * handlers and instrumentation separately, and two PGlite instances on one folder corrupt it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGliteInterface } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getEnv } from '@/lib/env';
import { queryLogger } from './query-log';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Handle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance itself: the job queue (lib/jobs) talks to it without a second opener. */
  pglite?: PGliteInterface;
  close: () => Promise<void>;
};

const globalKey = Symbol.for('mentor-match.db');
const readyKey = Symbol.for('mentor-match.db-ready');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Handle>; [readyKey]?: Promise<void> };
const g = globalThis as GlobalWithDb;

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function getDbHandle(): Promise<Handle> {
  g[globalKey] ??= open().catch((err) => {
    g[globalKey] = undefined; // let the next request try again (e.g. the server came back)
    throw err;
  });
  return g[globalKey];
}

/**
 * The app's queries wait here while the embedded database is being migrated and seeded at start-up
 * (db/startup.ts does that in the background so that pages needing no database, like the landing
 * page, answer at once). Migration and seeding themselves use `getDbHandle()`, which never waits.
 */
export function holdQueriesUntil(ready: Promise<void>): void {
  g[readyKey] = ready;
}

export async function getDb(): Promise<Db> {
  const ready = g[readyKey];
  if (ready) await ready;
  return (await getDbHandle()).db;
}

export async function closeDb() {
  const handle = g[globalKey];
  g[globalKey] = undefined;
  if (handle) await (await handle).close();
}

async function open(): Promise<Handle> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const sql = postgres(env.DATABASE_URL, {
      max: 10,
      connect_timeout: 5,
      onnotice: () => {},
    });
    const db = drizzle(sql, { schema, casing: 'snake_case', logger: queryLogger }) as unknown as Db;
    return { db, kind: 'postgres', close: () => sql.end({ timeout: 5 }) };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = env.PGLITE_DIR;
  const inMemory = dir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
  }
  const client = new PGlite(inMemory ? undefined : dir);
  await client.waitReady;
  const db = drizzle(client, { schema, casing: 'snake_case', logger: queryLogger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no lock of its own: a second process on the same folder loses writes and can leave the
 * folder unopenable. Refuse clearly instead.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is already open in process ${pid}. ` +
          'Stop that process first (only one process may use a PGlite folder), ' +
          'or point PGLITE_DIR at another folder.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
