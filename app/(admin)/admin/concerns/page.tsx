import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';
import { requireRole } from '@/lib/auth/session';
import { CONCERNS_PAGE_SIZE, listConcerns } from '@/lib/safety/concerns';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { CONCERN_STATUSES, parseConcernTab } from '@/lib/safety/forms';
import { formatDate } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Concerns' };

const TABS = [['open', 'Open'], ...Object.entries(CONCERN_STATUSES)] as const;

/** The concerns inbox: the list shows no concern's text; opening one is an audited read. */
export default async function ConcernsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = await searchParams;
  const tab = parseConcernTab(params.status);
  const page = pageParam(params.page);
  const { rows, total } = await listConcerns(user, tab, { limit: CONCERNS_PAGE_SIZE, offset: (page - 1) * CONCERNS_PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / CONCERNS_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Concerns</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          Raised privately by students and physicians. Aim to read each within two working days. Opening a concern is recorded in the audit log.
        </p>
      </div>
      <nav aria-label="Concern status" className="flex flex-wrap gap-2">
        {TABS.map(([key, label]) => (
          <Link
            key={key}
            href={`/admin/concerns?status=${key}`}
            aria-current={tab === key ? 'page' : undefined}
            className={cn(
              'inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-semibold no-underline',
              tab === key ? 'border-brand-700 bg-brand-50 text-brand-900' : 'border-stone-300 bg-white text-stone-700',
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        page > 1 && total > 0 ? (
          <EmptyState title="No concerns on this page">
            This list has {pageCount === 1 ? 'one page' : `${pageCount} pages`}. <Link href={`/admin/concerns?status=${tab}`}>Go to the first page</Link>.
          </EmptyState>
        ) : (
          <EmptyState title={tab === 'resolved' ? 'No resolved concerns yet' : 'No concerns here'}>Nothing needs your attention in this list.</EmptyState>
        )
      ) : (
        <>
          <p className="text-sm text-stone-700">
            Showing {((page - 1) * CONCERNS_PAGE_SIZE + 1).toLocaleString('en-US')}–{((page - 1) * CONCERNS_PAGE_SIZE + rows.length).toLocaleString('en-US')} of{' '}
            {total.toLocaleString('en-US')}.
          </p>
          <Table caption="Concerns">
            <thead>
              <tr>
                <Th>Raised</Th>
                <Th>By</Th>
                <Th>About</Th>
                <Th>Status</Th>
                <Th>Assigned to</Th>
                <Th>
                  <span className="sr-only">Open</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((c) => (
                <tr key={c.id}>
                  <Td className="whitespace-nowrap">
                    {/* A link in the first column too: on a phone the table scrolls and "Open" starts off-screen. */}
                    <Link href={`/admin/concerns/${c.id}`}>
                      {formatDate(c.raisedAt)}
                      <span className="sr-only"> (concern #{c.id})</span>
                    </Link>
                  </Td>
                  <Td className="min-w-36">
                    {c.raiserName} <span className="text-stone-500">({c.raiserRole === 'mentor' ? 'physician' : 'student'})</span>
                  </Td>
                  <Td className="min-w-44">
                    {c.pairingLabel ?? <span className="text-stone-600">Not about a pairing</span>}
                    <span className="mt-1 flex flex-wrap gap-1">
                      {c.pausedPairing && <Badge tone="info">Paused the pairing</Badge>}
                      {c.contactRequested && <Badge tone="warn">Wants contact</Badge>}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone={c.status === 'new' ? 'bad' : c.status === 'in_progress' ? 'warn' : 'neutral'}>{CONCERN_STATUSES[c.status]}</Badge>
                  </Td>
                  <Td className="min-w-32">{c.assigneeName ?? '—'}</Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/admin/concerns/${c.id}`}>
                      Open<span className="sr-only"> concern #{c.id}</span>
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination label="Pages of concerns" page={page} pageCount={pageCount} href={(p) => `/admin/concerns?status=${tab}${p > 1 ? `&page=${p}` : ''}`} />
        </>
      )}
    </div>
  );
}
