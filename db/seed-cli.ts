import { runCli } from './cli';
import { getDb } from './client';
import { migrate } from './migrate';
import { seedDemoData } from './seed';

await runCli(async () => {
  await migrate();
  const created = await seedDemoData(await getDb());
  return `Demo data ready (${created.mentees} new mentees, ${created.mentors} new mentors).`;
});
