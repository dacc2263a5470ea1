import { describe, expect, it } from 'vitest';
import { pageOf, parseWaitlistQuery, rankAllowed, WAITLIST_PAGE_SIZE } from '@/lib/matching/waitlist';

const students = Array.from({ length: 123 }, (_, i) => `student${i + 1}`);

describe('[MATCHING] the waitlist in pages', () => {
  it('[MATCHING]: pages of 50 cover every waiting student once, in order', () => {
    expect(WAITLIST_PAGE_SIZE).toBe(50);
    const pages = [1, 2, 3].map((p) => pageOf(students, p));
    expect(pages.map((p) => [p.from, p.to, p.rows.length, p.pageCount])).toEqual([
      [1, 50, 50, 3],
      [51, 100, 50, 3],
      [101, 123, 23, 3],
    ]);
    expect(pages.flatMap((p) => p.rows)).toEqual(students);
  });

  it('[MATCHING]: a page past the end shows the last page; none asked is the first', () => {
    expect(pageOf(students, 99)).toMatchObject({ page: 3, from: 101, to: 123 });
    expect(pageOf(students, undefined)).toMatchObject({ page: 1, from: 1, to: 50 });
    expect(pageOf([], 4)).toEqual({ rows: [], page: 1, pageCount: 1, from: 0, to: 0 });
  });

  it('[MATCHING]: the page number comes from the address, anything malformed is the first page', () => {
    expect(parseWaitlistQuery({ page: '2' }).page).toBe(2);
    for (const bad of ['0', '-1', 'two', '1.5', '']) expect(parseWaitlistQuery({ page: bad }).page).toBeUndefined();
  });
});

describe('[MATCHING] every allowed physician, not only the top five', () => {
  const ranked = ['Dr. Ada Okafor', 'Dr. Ben Ito', 'Dr. Cara Diallo', 'Dr. Dan Reyes', 'Dr. Eve Lam', 'Dr. Fay Okafor', 'Dr. Gus Park'].map((name) => ({ name }));

  it('[MATCHING]: without a search the list goes on after the five explained above, keeping each rank', () => {
    expect(rankAllowed(ranked, undefined, 5).map((s) => [s.rank, s.name])).toEqual([
      [6, 'Dr. Fay Okafor'],
      [7, 'Dr. Gus Park'],
    ]);
  });

  it('[MATCHING]: a search looks through everyone allowed, whatever their rank, ignoring case', () => {
    expect(rankAllowed(ranked, '  okafor ', 5).map((s) => [s.rank, s.name])).toEqual([
      [1, 'Dr. Ada Okafor'],
      [6, 'Dr. Fay Okafor'],
    ]);
    expect(rankAllowed(ranked, 'nobody', 5)).toEqual([]);
  });
});
