/**
 * Integration tests run against a fresh database each run: on a PostgreSQL server (DATABASE_URL)
 * a new database is created from it, migrated once, and dropped at the end; on PGlite each test
 * file migrates its own in-memory database (see integration-setup.ts).
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('dbUrl', '');
    return;
  }
  const name = `mm_it_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  project.provide('dbUrl', url.toString());

  process.env.DATABASE_URL = url.toString();
  const { migrate } = await import('../../db/migrate');
  const { closeDb } = await import('../../db/client');
  await migrate();
  await closeDb();

  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbUrl: string;
  }
}
