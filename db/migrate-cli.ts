import { closeDb } from './client';
import { migrate } from './migrate';

await migrate();
console.log('Migrations applied.');
await closeDb();
