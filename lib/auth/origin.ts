/**
 * Whether a state-changing request comes from our own pages. Browsers send `Origin` on every POST
 * and `Sec-Fetch-Site` on every request they make, and a page on another site cannot forge either,
 * so a POST that lacks Origin, names another origin, or is marked cross-site is refused. (A script
 * outside a browser can send anything, but it carries no victim's cookies: this is about requests a
 * browser makes on a person's behalf — CSRF, and login CSRF.)
 */
export function crossOriginReason(h: Headers, authUrl: string): string | null {
  const site = h.get('sec-fetch-site');
  // Set by the browser itself (no page can), and present even where Origin is "null" — a page with
  // Referrer-Policy: no-referrer, like our confirmation page, posts with Origin: null.
  if (site) return site === 'same-origin' ? null : `sec-fetch-site ${site}`;
  const origin = h.get('origin');
  if (!origin) return 'no origin';
  if (origin !== new URL(authUrl).origin) return 'foreign origin';
  return null;
}
