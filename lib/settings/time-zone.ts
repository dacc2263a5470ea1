import 'server-only';
import { getDb } from '@/db/client';
import { loadProgramSettings } from './program';

/**
 * The program's IANA time zone (program settings; America/Chicago until the coordinator sets
 * another). The daily sweep's schedule and its "program day" follow it.
 */
export async function getProgramTimeZone(): Promise<string> {
  return (await loadProgramSettings(await getDb())).timeZone;
}
