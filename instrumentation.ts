export async function register() {
  // Node.js only: the embedded database cannot run in the edge runtime.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stampPeerAddress } = await import('./lib/auth/peer-stamp');
    stampPeerAddress();
    const { startup } = await import('./db/startup');
    try {
      await startup();
    } catch (err) {
      // A server that cannot work must not say "Ready" and then answer 500 to everything: say why
      // and exit, so the deploy fails where someone is looking.
      console.error(`\nMentor Match cannot start.\n${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
    // After the migrations, and not awaited: the first page never waits for the job queue.
    const { startJobsInBackground } = await import('./lib/jobs/boss');
    startJobsInBackground();
  }
}
