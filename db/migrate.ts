import type { Db } from './client';
import { getDbHandle, migrationsFolder } from './client';

/** Applies the committed drizzle-kit migrations with the driver in use. */
export async function migrate(): Promise<void> {
  const { db, kind } = await getDbHandle();
  if (kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db as unknown as Parameters<typeof run>[0], { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    await run(db as unknown as Parameters<typeof run>[0], { migrationsFolder });
  }
}

export type { Db };
