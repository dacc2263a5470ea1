import { closeDb } from './client';

/** Runs a database command and exits with a one-line message instead of a stack trace. */
export async function runCli(task: () => Promise<string>): Promise<void> {
  try {
    console.log(await task());
    await closeDb();
  } catch (err) {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  }
}
