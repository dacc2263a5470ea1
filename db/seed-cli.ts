import { parseArgs } from 'node:util';
import { runCli } from './cli';
import { getDb } from './client';
import { migrate } from './migrate';
import { seedDemoData } from './seed';
import { seedScaled } from './seed-scale';

// `npm run db:seed` seeds the demo (idempotent); `-- --scale N` adds the program at N× its volume.
const { values } = parseArgs({ options: { scale: { type: 'string' } } });

await runCli(async () => {
  await migrate();
  const db = await getDb();
  const created = await seedDemoData(db);
  const demo = `Demo data ready (${created.mentees} new mentees, ${created.mentors} new mentors).`;
  if (values.scale === undefined) return demo;
  const scale = Number(values.scale);
  const started = performance.now();
  const n = await seedScaled(db, scale);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  return `${demo}\nScale ${scale}: ${n.mentees} more students, ${n.mentors} more physicians, ${n.pairings} pairings, ${n.meetings} meetings, ${n.roadmapItems} roadmap items, ${n.checkIns} check-in answers (${secs} s).`;
});
