import { afterAll, beforeAll, inject } from 'vitest';

const url = inject('dbUrl');
if (url) process.env.DATABASE_URL = url;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

beforeAll(async () => {
  if (!url) {
    const { migrate } = await import('../../db/migrate');
    await migrate();
  }
});

afterAll(async () => {
  // The job queue (when a test started it) talks to the database: stop it before closing that.
  const { stopJobs } = await import('../../lib/jobs/boss');
  await stopJobs();
  const { closeDb } = await import('../../db/client');
  await closeDb();
});
