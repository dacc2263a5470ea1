import { closeDb, getDb } from './client';
import { migrate } from './migrate';
import { seedDemoData } from './seed';

await migrate();
const created = await seedDemoData(await getDb());
console.log(`Demo data ready (${created.mentees} new mentees, ${created.mentors} new mentors).`);
await closeDb();
