import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { plural } from '@/lib/text';
import { formatDateTime } from '@/lib/time/format';
import { requireRole } from '@/lib/auth/session';
import { getStatementOverview, STATEMENT_BODY_MAX, STATEMENT_BODY_MIN, STATEMENT_TITLE_MAX } from '@/lib/values/publish';
import { PublishForm } from './publish-form';

export const metadata: Metadata = { title: 'Values statement' };

/** Paragraphs are separated by blank lines; single line breaks stay as typed. */
function StatementText({ body }: { body: string }) {
  return (
    <div className="max-w-prose space-y-3 text-stone-800">
      {body.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}

export default async function ValuesPage() {
  const user = await requireRole('admin');
  const { versions, mentorsInProgram, mentorsAttestedCurrent } = await getStatementOverview(user);
  const current = versions[0];
  const nextVersion = (current?.version ?? 0) + 1;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Values statement</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          Mentors attest to the program’s commitment to anti-racism, cultural humility, mutual respect and a safe space. Only mentors who
          have attested the current version can be paired with new mentees.
        </p>
      </div>

      {current ? (
        <Card aria-labelledby="current-heading">
          <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">Current version {current.version}</p>
          <h2 id="current-heading" className="mt-1 mb-1 text-xl font-semibold text-stone-900">
            {current.title}
          </h2>
          <p className="mb-4 text-sm text-stone-600">
            Published {formatDateTime(current.publishedAt)}
            {current.publisherName ? ` by ${current.publisherName}` : ''}. Attested by {mentorsAttestedCurrent} of{' '}
            {plural(mentorsInProgram, 'mentor', 'mentors')} in the program.
          </p>
          <StatementText body={current.body} />
        </Card>
      ) : (
        <EmptyState title="No values statement yet">Publish the first version below. Mentors need one to attest before they can be paired.</EmptyState>
      )}

      <Card aria-labelledby="publish-heading">
        <h2 id="publish-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Publish a new version
        </h2>
        <PublishForm
          nextVersion={nextVersion}
          draft={{ title: current?.title ?? '', body: current?.body ?? '' }}
          limits={{ titleMax: STATEMENT_TITLE_MAX, bodyMin: STATEMENT_BODY_MIN, bodyMax: STATEMENT_BODY_MAX }}
        />
      </Card>

      {versions.length > 0 && (
        <Card aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold text-stone-900">
            History
          </h2>
          <Table caption="Every version of the values statement, newest first">
            <thead>
              <tr>
                <Th>Version</Th>
                <Th>Title and text</Th>
                <Th>Published</Th>
                <Th>By</Th>
                <Th>Attestations</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {versions.map((v) => (
                <tr key={v.version}>
                  <Td className="whitespace-nowrap">
                    {v.version}
                    {v.version === current?.version && <span className="ml-2 text-xs font-semibold text-emerald-800">current</span>}
                  </Td>
                  <Td className="min-w-64">
                    <details>
                      <summary className="cursor-pointer font-medium">{v.title}</summary>
                      <div className="mt-2 text-sm">
                        <StatementText body={v.body} />
                      </div>
                    </details>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(v.publishedAt)}</Td>
                  <Td>{v.publisherName ?? 'Initial setup'}</Td>
                  <Td>{v.attestations}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}
