import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

export type Cell = string | number | boolean | Date | null | undefined | readonly string[];
export type Column<R> = { header: string; value: (row: R) => Cell };

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection):
 * such a text cell gets a leading apostrophe, which every spreadsheet shows as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as text: dates in ISO 8601, lists joined with "; ", every text neutralised. Numbers stay numbers. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return neutralise(value.join('; '));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return neutralise(value as string);
}

/**
 * Streams rows as CSV: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends and
 * RFC 4180 quoting done by csv-stringify. Rows are pulled from the async iterable as the client
 * reads, so a large export never sits in memory whole.
 */
export function csvStream<R>(columns: readonly Column<R>[], rows: AsyncIterable<R>): ReadableStream<Uint8Array> {
  async function* records() {
    for await (const row of rows) yield columns.map((c) => cellText(c.value(row)));
  }
  const stringifier = stringify({ bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
  const source = Readable.from(records());
  // A failed query mid-export ends the download with an error instead of a silently short file.
  source.on('error', (err) => stringifier.destroy(err));
  const node = source.pipe(stringifier);
  return Readable.toWeb(node) as ReadableStream<Uint8Array>;
}

export function csvResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
