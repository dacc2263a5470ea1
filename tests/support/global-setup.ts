/**
 * Integration tests run against fresh databases. On a PostgreSQL server (DATABASE_URL) this
 * creates one template database and migrates it once; each test file then copies it into a
 * database of its own (integration-setup.ts), because some files publish values statements and
 * rewrite program settings — single global rows another file would see mid-test. On PGlite each
 * file migrates its own in-memory database.
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('pgAdminUrl', '');
    project.provide('pgTemplate', '');
    return;
  }
  const template = `mm_it_${process.pid}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const url = new URL(base);
  url.pathname = `/${template}`;

  process.env.DATABASE_URL = url.toString();
  const { migrate } = await import('../../db/migrate');
  const { closeDb } = await import('../../db/client');
  await migrate();
  // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
  await closeDb();
  process.env.DATABASE_URL = base;

  project.provide('pgAdminUrl', base);
  project.provide('pgTemplate', template);

  return async () => {
    // A file that crashed before its afterAll leaves its copy behind: drop those too.
    const copies = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${template + '\\_%'}`;
    for (const { datname } of copies) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's connection URL for creating and dropping databases ('' on PGlite). */
    pgAdminUrl: string;
    /** The migrated template database each file copies ('' on PGlite). */
    pgTemplate: string;
  }
}
