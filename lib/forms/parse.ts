import type { z } from 'zod';
import { UserFacingError } from '@/lib/errors';

/**
 * "Parse or refuse": data-access functions validate their input again (they are called from
 * actions, scripts and tests alike) and refuse with the first problem, in words.
 */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown, fallback = 'Check what you entered.'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UserFacingError(parsed.error.issues[0]?.message ?? fallback);
  return parsed.data;
}
