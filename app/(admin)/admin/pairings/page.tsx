import type { Metadata } from 'next';
import { z } from 'zod';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/time/format';
import { INTRO_BODY_MAX, INTRO_SUBJECT_MAX, PAIRING_TABS, parsePairingTab, type PairingTab } from '@/lib/pairings/forms';
import { requireRole } from '@/lib/auth/session';
import { describeLine } from '@/lib/matching/scoring';
import { DEFAULT_INTRO_BODY, DEFAULT_INTRO_SUBJECT, INTRO_PLACEHOLDERS } from '@/lib/pairings/introduction';
import { listPairingsPage, type PairingListOptions, type PairingRow } from '@/lib/pairings/queries';
import { CadenceBadge } from '@/components/meetings/cadence';
import { CADENCE_LABEL, CADENCE_STATUSES, type CadenceStatus } from '@/lib/meetings/cadence';
import { flaggedPairingIds } from '@/lib/safety/check-ins';
import { EndPairingForm } from './end-form';
import { ProposedPanel, type ProposedRow } from './proposed-panel';

export const metadata: Metadata = { title: 'Pairings' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PLACEHOLDER_MEANINGS: Record<(typeof INTRO_PLACEHOLDERS)[number], string> = {
  mentee_name: 'the student’s name',
  mentee_email: 'the student’s email address',
  mentee_about: 'what the student wrote about themselves',
  mentor_name: 'the physician’s name',
  mentor_email: 'the physician’s email address',
  mentor_about: 'what the physician wrote about themselves',
  start_date: 'the day the pairing starts',
};

/** Messages after a redirect from an action (the row they were about has moved to another tab). */
const DONE: Record<string, string> = {
  withdrawn: 'The proposal was withdrawn, and the student is back at the top of the waitlist.',
  ended: 'The pairing has ended. The student is back on the waitlist.',
  'ended-rematch': 'The pairing has ended. The student is back at the top of the waitlist for a no-fault rematch.',
};

const stagedParam = z.iso.datetime();

const points = (score: number | null) => (score === null ? '—' : score.toLocaleString('en-US', { maximumFractionDigits: 2 }));

export default async function PairingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('admin');
  const params = await searchParams;
  const tab = parsePairingTab(params.state);
  // ?staged=<when>: the proposals one staging wrote (one statement, one timestamp) start selected.
  const stagedAt = stagedParam.safeParse(params.staged).data;
  const cadenceView = tab === 'active' ? parseCadenceView(params) : {};
  // Pages of 50 (the proposed tab is one bulk form, so it takes up to 500 at once); the heading
  // counts every pairing in the tab, never just the page.
  const pageSize = tab === 'proposed' ? 500 : 50;
  const pageCount = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  const asked = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const pageNo = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const { rows, total } = await listPairingsPage(user, [...PAIRING_TABS[tab].states], { ...cadenceView, limit: pageSize, offset: (pageNo - 1) * pageSize });
  // A 1 or 2 on "I feel respected and safe" in a private check-in: a red marker on the Active tab.
  const flagged =
    tab === 'active'
      ? [
          ...(await flaggedPairingIds(
            user,
            rows.map((r) => r.id),
          )),
        ]
      : [];
  const released = params.done === 'released' ? Number(params.n) || 0 : 0;
  const done = released
    ? `${released === 1 ? '1 pairing' : `${released} pairings`} released. Both people in each pair were emailed their introduction.`
    : typeof params.done === 'string'
      ? DONE[params.done]
      : undefined;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Pairings</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          Proposals are staged: the two people see nothing until you approve and release them, which emails both an introduction.
        </p>
      </div>

      <nav aria-label="Pairings by state">
        <ul className="flex flex-wrap gap-1 border-b border-stone-200">
          {(Object.keys(PAIRING_TABS) as PairingTab[]).map((t) => (
            <li key={t}>
              <Link
                href={`/admin/pairings?state=${t}`}
                aria-current={t === tab ? 'page' : undefined}
                className={`-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-semibold no-underline ${
                  t === tab ? 'border-brand-700 text-brand-900' : 'border-transparent text-stone-600 hover:text-stone-900'
                }`}
              >
                {PAIRING_TABS[t].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {done && <Alert tone="success">{done}</Alert>}

      <section aria-labelledby="tab-heading" className="space-y-4">
        <h2 id="tab-heading" className="text-xl font-semibold text-stone-900">
          {PAIRING_TABS[tab].label} <span className="font-normal text-stone-600">({total.toLocaleString('en-US')})</span>
        </h2>
        {tab === 'active' && <CadenceFilter view={cadenceView} />}
        {rows.length === 0 ? (
          tab === 'active' && cadenceView.cadence ? (
            <EmptyState title={`No active pairings are ${CADENCE_LABEL[cadenceView.cadence].toLowerCase()}`} />
          ) : (
            <EmptyTab tab={tab} />
          )
        ) : tab === 'proposed' ? (
          <ProposedPanel
            rows={rows.map(toProposedRow)}
            preselected={stagedAt ? rows.filter((r) => r.proposedAt.toISOString() === stagedAt).map((r) => r.id) : []}
            template={{ subject: DEFAULT_INTRO_SUBJECT, body: DEFAULT_INTRO_BODY }}
            placeholders={INTRO_PLACEHOLDERS.map((name) => ({ name, meaning: PLACEHOLDER_MEANINGS[name] }))}
            limits={{ subjectMax: INTRO_SUBJECT_MAX, bodyMax: INTRO_BODY_MAX }}
          />
        ) : tab === 'active' ? (
          <ActiveTable rows={rows} flagged={flagged} />
        ) : (
          <EndedTable rows={rows} />
        )}
        <Pagination
          label="Pages of pairings"
          page={pageNo}
          pageCount={pageCount(total)}
          href={tab === 'proposed' ? null : (p) => pairingsHref(tab, cadenceView, p)}
          shown={{ from: (pageNo - 1) * pageSize + 1, to: (pageNo - 1) * pageSize + rows.length, total }}
          note={tab === 'proposed' ? 'Approve or withdraw these, and the next proposals take their place.' : undefined}
        />
      </section>
    </div>
  );
}

/** ?cadence=overdue|due-soon|on-track and ?sort=days on the Active tab; anything else is ignored. */
function parseCadenceView(params: Record<string, string | string[] | undefined>): PairingListOptions {
  const c = typeof params.cadence === 'string' ? params.cadence : undefined;
  return {
    cadence: c && (CADENCE_STATUSES as readonly string[]).includes(c) ? (c as CadenceStatus) : undefined,
    sort: params.sort === 'days' ? 'days' : undefined,
  };
}

function cadenceHref(view: PairingListOptions) {
  const q = new URLSearchParams({ state: 'active' });
  if (view.cadence) q.set('cadence', view.cadence);
  if (view.sort) q.set('sort', view.sort);
  return `/admin/pairings?${q}`;
}

/** Filter the Active tab by cadence and sort it by days since the last meeting. */
function CadenceFilter({ view }: { view: PairingListOptions }) {
  const choices: { label: string; cadence?: CadenceStatus }[] = [{ label: 'All' }, ...CADENCE_STATUSES.map((c) => ({ label: CADENCE_LABEL[c], cadence: c }))];
  const pill = (on: boolean) =>
    `inline-flex min-h-11 items-center rounded-full border px-3 text-sm font-semibold no-underline ${on ? 'border-brand-700 bg-brand-50 text-brand-900' : 'border-stone-300 bg-white text-stone-700'}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <nav aria-label="Filter by cadence">
        <ul className="flex flex-wrap gap-2">
          {choices.map((c) => (
            <li key={c.label}>
              <Link
                href={cadenceHref({ ...view, cadence: c.cadence })}
                aria-current={view.cadence === c.cadence ? 'page' : undefined}
                className={pill(view.cadence === c.cadence)}
              >
                {c.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Link href={cadenceHref({ ...view, sort: view.sort ? undefined : 'days' })} className="ml-auto text-sm font-semibold">
        {view.sort ? 'Sort newest first' : 'Sort by days since last meeting'}
      </Link>
    </div>
  );
}

function toProposedRow(r: PairingRow): ProposedRow {
  return {
    id: r.id,
    menteeId: r.menteeId,
    menteeName: r.menteeName,
    mentorId: r.mentorId,
    mentorName: r.mentorName,
    score: points(r.score),
    lines: r.breakdown.map(describeLine),
    proposed: formatDate(r.proposedAt),
  };
}

function EmptyTab({ tab }: { tab: PairingTab }) {
  if (tab === 'proposed')
    return (
      <EmptyState
        title="No proposals waiting for approval"
        action={
          <ButtonLink href="/admin/matching" variant="secondary">
            Go to matching
          </ButtonLink>
        }
      >
        Stage proposals from a student’s suggestions or from the whole-pool optimiser.
      </EmptyState>
    );
  if (tab === 'active') return <EmptyState title="No active pairings">Pairings become active when you approve and release them.</EmptyState>;
  return <EmptyState title="No ended or completed pairings yet" />;
}

function ActiveTable({ rows, flagged }: { rows: PairingRow[]; flagged: number[] }) {
  return (
    <Table caption="Active pairings, newest first">
      <thead>
        <tr>
          <Th>Student</Th>
          <Th>Physician</Th>
          <Th>Started</Th>
          <Th>Term ends</Th>
          <Th>Cadence</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
          <Th>
            <span className="sr-only">End pairing</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="min-w-40">
              <Link href={`/admin/people/${r.menteeId}`} className="font-semibold">
                {r.menteeName}
              </Link>
              {flagged.includes(r.id) && (
                <span className="ml-2">
                  <Badge tone="bad">Safety flag</Badge>
                </span>
              )}
            </Td>
            <Td className="min-w-40">
              <Link href={`/admin/people/${r.mentorId}`}>{r.mentorName}</Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(r.startDate)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.endDate)}</Td>
            <Td className="min-w-44">
              {r.cadence && <CadenceBadge cadence={{ status: r.cadence }} />}
              <span className="mt-1 block text-xs text-stone-600">
                {r.lastMet ? `Last met ${formatDate(r.lastMet)}` : 'No meeting yet'} · {r.cadenceDays === 1 ? '1 day' : `${r.cadenceDays ?? 0} days`}
              </span>
            </Td>
            <Td className="whitespace-nowrap">
              <Link href={`/admin/pairings/${r.id}`}>
                Open
                <span className="sr-only">
                  {' '}
                  the pairing of {r.menteeName} and {r.mentorName}
                </span>
              </Link>
            </Td>
            <Td className="min-w-64">
              <details>
                <summary className="cursor-pointer text-sm font-semibold text-brand-800">
                  End pairing
                  <span className="sr-only">
                    {' '}
                    of {r.menteeName} and {r.mentorName}
                  </span>
                </summary>
                <div className="mt-2">
                  <EndPairingForm pairingId={r.id} menteeName={r.menteeName} mentorName={r.mentorName} mode="end" />
                </div>
              </details>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function EndedTable({ rows }: { rows: PairingRow[] }) {
  return (
    <Table caption="Ended and completed pairings, newest proposal first">
      <thead>
        <tr>
          <Th>Student</Th>
          <Th>Physician</Th>
          <Th>Outcome</Th>
          <Th>Started</Th>
          <Th>Ended</Th>
          <Th>Reason</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((r) => {
          const neverStarted = r.state === 'ended' && !r.startDate;
          return (
            <tr key={r.id}>
              <Td className="min-w-40">
                <Link href={`/admin/people/${r.menteeId}`}>{r.menteeName}</Link>
              </Td>
              <Td className="min-w-40">
                <Link href={`/admin/people/${r.mentorId}`}>{r.mentorName}</Link>
              </Td>
              <Td className="whitespace-nowrap">
                <Badge tone={r.state === 'completed' ? 'good' : 'neutral'}>
                  {r.state === 'completed' ? 'Completed' : neverStarted ? 'Proposal withdrawn' : 'Ended'}
                </Badge>
              </Td>
              <Td className="whitespace-nowrap">{formatDate(r.startDate)}</Td>
              <Td className="whitespace-nowrap">{formatDate(r.state === 'completed' ? r.endDate : r.endedAt)}</Td>
              <Td className="min-w-56">
                {r.endReason ?? (r.state === 'completed' ? 'Term completed' : '—')}{' '}
                <Link href={`/admin/pairings/${r.id}`} className="whitespace-nowrap">
                  Open
                  <span className="sr-only">
                    {' '}
                    the pairing of {r.menteeName} and {r.mentorName}
                  </span>
                </Link>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** A page of a pairings tab, keeping its filter and sort. */
function pairingsHref(tab: PairingTab, view: PairingListOptions, page: number): string {
  const q = new URLSearchParams({ state: tab });
  if (view.cadence) q.set('cadence', view.cadence);
  if (view.sort) q.set('sort', view.sort);
  if (page > 1) q.set('page', String(page));
  return `/admin/pairings?${q}`;
}
