/**
 * Search params → typed values. Filters and sorts live in the address (GET) so a view can be
 * bookmarked; anything malformed there is ignored rather than failing the page.
 */
import { z } from 'zod';

/** The first non-blank string of a search param (`?q=a&q=b` reads as "a"). */
export function firstParam(v: unknown): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

/** An optional search param: absent or malformed both read as undefined. */
export const param = <T extends z.ZodType>(schema: T) => z.preprocess(firstParam, schema.optional()).catch(undefined);

export type SearchParams = Record<string, string | string[] | undefined>;

/** LIKE treats % and _ as wildcards; a search for "100%" means the characters themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
