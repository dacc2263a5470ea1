export async function register() {
  // Node.js only: the embedded database cannot run in the edge runtime.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startup } = await import('./db/startup');
    await startup();
    // After the migrations, and not awaited: the first page never waits for the job queue.
    const { startJobsInBackground } = await import('./lib/jobs/boss');
    startJobsInBackground();
  }
}
