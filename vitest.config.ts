import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Integration files on a PostgreSQL server spend their time waiting on the server, and each has
// its own database (tests/support/integration-setup.ts): run several at once even on 2 cores
// (measured on a busy 2-core machine: 86 s one file at a time, 54 s with 4, 39 s with 5). Four
// keeps the run under 40 connections (a pool of 10 per file) of the server's default 100. On
// PGlite the database runs inside the worker, so vitest's default (cores − 1) stays.
const onPostgres = !!process.env.DATABASE_URL;

const alias = { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts') };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          // next-auth imports `next/server` without an extension; let Vite resolve it.
          server: { deps: { inline: ['next-auth'] } },
          ...(onPostgres ? { maxWorkers: 4 } : {}),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
