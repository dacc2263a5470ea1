import { runCli } from './cli';
import { migrate } from './migrate';

await runCli(async () => {
  await migrate();
  return 'Migrations applied.';
});
