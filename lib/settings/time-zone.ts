import 'server-only';

/** Where the program runs (the residency's clinic); dates and the daily sweep follow it. */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/**
 * The program's IANA time zone. The one place that decides it: it will read the program
 * settings' time zone once that setting exists.
 */
export async function getProgramTimeZone(): Promise<string> {
  return DEFAULT_TIME_ZONE;
}
