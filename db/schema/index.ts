/**
 * The whole database, one file per domain. Keys are camelCase; columns are snake_case (drizzle
 * `casing: 'snake_case'` in client and config). Invariants live in the tables: foreign keys,
 * checks, partial unique indexes (and the capacity trigger documented in ./pairings.ts).
 */
export * from './people';
export * from './email';
export * from './program';
export * from './profiles';
export * from './pairings';
export * from './audit';
export * from './jobs';
export * from './operations';
export * from './roadmap';
export * from './terms';
export * from './meetings';
export * from './safety';
