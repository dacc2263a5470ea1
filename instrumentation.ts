export async function register() {
  // Node.js only: the embedded database cannot run in the edge runtime.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stampPeerAddress } = await import('./lib/auth/peer-stamp');
    stampPeerAddress();
    const { startup } = await import('./db/startup');
    // A server that cannot work must not keep answering 500 to everything: say why and exit, so the
    // deploy fails where someone is looking. A bad configuration stops it before "Ready"; a database
    // that cannot be opened or migrated (prepared in the background) stops it as soon as that fails.
    const cannotStart = (err: unknown) => {
      console.error(`\nMentor Match cannot start.\n${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    };
    let ready: Promise<void>;
    try {
      ({ ready } = startup());
    } catch (err) {
      return cannotStart(err);
    }
    // After the migrations, and not awaited: the first page never waits for the job queue.
    const { startJobsInBackground } = await import('./lib/jobs/boss');
    ready.then(startJobsInBackground, cannotStart);
  }
}
