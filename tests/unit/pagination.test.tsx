/**
 * The one pager of the admin lists (people, concerns, the waitlist, the pairings tabs): page links
 * that keep the list's address, the "Showing" line, and no links where a list is worked from its
 * first page (proposals to approve).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination } from '@/components/ui/pagination';

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));

describe('Pagination', () => {
  it('links the previous, next and nearby pages through the list’s own address, and marks the current one', () => {
    const html = renderToStaticMarkup(
      <Pagination label="Pages of pairings" page={5} pageCount={13} href={(p) => `/admin/pairings?state=active&page=${p}`} shown={{ from: 201, to: 250, total: 647 }} />,
    );
    expect(hrefs(html)).toEqual([4, 1, 3, 4, 5, 6, 7, 13, 6].map((p) => `/admin/pairings?state=active&page=${p}`));
    expect(html).toContain('Showing 201–250 of 647.');
    expect(html).toMatch(/aria-current="page"[^>]*>5</);
    expect(html).toContain('aria-label="Pages of pairings"');
  });

  it('without page links shows only where the list stands; a single page shows nothing', () => {
    const worked = renderToStaticMarkup(
      <Pagination label="Pages of pairings" page={1} pageCount={3} href={null} shown={{ from: 1, to: 50, total: 120 }} note="Approve these first." />,
    );
    expect(hrefs(worked)).toEqual([]);
    expect(worked).toContain('Showing 1–50 of 120. Approve these first.');
    expect(renderToStaticMarkup(<Pagination label="x" page={1} pageCount={1} href={(p) => `/x?page=${p}`} />)).toBe('');
  });
});
