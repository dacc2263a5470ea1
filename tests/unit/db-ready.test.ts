import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, getDbHandle, holdQueriesUntil } from '@/db/client';

process.env.PGLITE_DIR = 'memory://';
delete process.env.DATABASE_URL;

describe('[STARTUP]: pages wait for the embedded database to be migrated, start-up itself does not', () => {
  afterAll(() => closeDb());

  it('getDb() waits until start-up lets it through; getDbHandle() (migrations, seed) never waits', async () => {
    let letThrough!: () => void;
    holdQueriesUntil(new Promise<void>((r) => (letThrough = r)));
    let page = false;
    const pageQuery = getDb().then(() => (page = true));
    // Start-up's own handle opens meanwhile: migrating cannot wait for itself.
    const handle = await getDbHandle();
    expect(handle.kind).toBe('pglite');
    await new Promise((r) => setTimeout(r, 100));
    expect(page).toBe(false);
    letThrough();
    await pageQuery;
    expect(page).toBe(true);
  }, 60_000); // opening an in-memory PGlite takes seconds on a busy machine

  it('a failed start-up fails the waiting queries instead of leaving them hanging', async () => {
    holdQueriesUntil(Promise.reject(new Error('migration failed')));
    await expect(getDb()).rejects.toThrow('migration failed');
    holdQueriesUntil(Promise.resolve());
  });
});
