import Link from 'next/link';

/**
 * Previous/next plus nearby page numbers for a paged admin list; `href` builds each page's address
 * (keeping the list's filters). Renders nothing for a single page.
 */
export function Pagination({
  label,
  page,
  pageCount,
  href,
  shown,
  note,
}: {
  label: string;
  page: number;
  pageCount: number;
  /** null: no page links (the list is worked from its first page, e.g. proposals to approve). */
  href: ((page: number) => string) | null;
  /** "Showing 51–100 of 647." above the links. */
  shown?: { from: number; to: number; total: number };
  note?: string;
}) {
  if (pageCount <= 1) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  const showing = shown && (
    <p className="text-sm text-stone-700">
      Showing {n(shown.from)}–{n(shown.to)} of {n(shown.total)}.{note ? ` ${note}` : ''}
    </p>
  );
  if (!href) return showing ?? null;
  const near = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const link = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border px-3 text-sm font-semibold no-underline';
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      {showing && <div className="basis-full">{showing}</div>}
      {page > 1 && (
        <Link href={href(page - 1)} className={`${link} border-stone-300 bg-white`}>
          Previous<span className="sr-only"> page</span>
        </Link>
      )}
      <ul className="flex flex-wrap gap-1">
        {near.map((p, i) => (
          <li key={p} className="flex items-center gap-1">
            {i > 0 && p - near[i - 1] > 1 && <span aria-hidden="true">…</span>}
            <Link
              href={href(p)}
              aria-current={p === page ? 'page' : undefined}
              aria-label={`Page ${p}`}
              className={`${link} ${p === page ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 bg-white'}`}
            >
              {p}
            </Link>
          </li>
        ))}
      </ul>
      {page < pageCount && (
        <Link href={href(page + 1)} className={`${link} border-stone-300 bg-white`}>
          Next<span className="sr-only"> page</span>
        </Link>
      )}
    </nav>
  );
}

/** A page number from the address: a whole number from 1, else 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}
