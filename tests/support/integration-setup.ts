/**
 * Gives each integration test file a database of its own, so files can run in parallel and one
 * file's global rows (program settings, the current values statement) never leak into another:
 * on PostgreSQL a copy of the migrated template (CREATE DATABASE … TEMPLATE, fast: no migrations
 * to replay); on PGlite a fresh in-memory database migrated here.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import postgres from 'postgres';

const adminUrl = inject('pgAdminUrl');
const template = inject('pgTemplate');
let ownDb = '';

if (adminUrl) {
  // Runs before the test file is imported, so the app's env (parsed lazily) sees this URL.
  ownDb = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${ownDb} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${ownDb}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

beforeAll(async () => {
  if (!adminUrl) {
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
  if (ownDb) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${ownDb} with (force)`);
    } finally {
      await admin.end();
    }
  }
});
