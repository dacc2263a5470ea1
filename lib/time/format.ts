/**
 * Dates as people read them. Pure: pages format on the server and hand client components
 * strings, so server and browser never disagree about a time zone.
 */
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '—';
  // A bare "YYYY-MM-DD" is a calendar date: read it at noon UTC so no time zone shifts the day.
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value) : value;
  return dateFormat.format(date);
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTimeFormat.format(value) : '—';
}
